/**
 * Exporting contacts and touchpoints for other apps: vCards for an address book, CSV for a
 * spreadsheet. Each export reads the live contacts (not the trash) and their touchpoints in one
 * read transaction, so a file is a copy of one moment. The writers load on first use, so this
 * module stays light enough for any page to import.
 */
import { getDb, read, type KithDB, type UnitRepos } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import type { ContactExtra } from '$lib/domain/contact-extra';
import { toIsoDate } from '$lib/domain/dates';
import type { ExportKind } from '$lib/domain/export-kind';
import type { Touchpoint } from '$lib/domain/touchpoint';

export type VCardVersion = '4.0' | '3.0';

export type { ExportKind };

export interface ExportFile {
	/** The file's contents. */
	text: string;
	fileName: string;
	mimeType: string;
}

/** Raised when the one contact asked for is not there, or is in the trash. */
export class ContactNotFoundError extends Error {
	constructor(id: string) {
		super(`No contact ${id} to export.`);
		this.name = 'ContactNotFoundError';
	}
}

const VCARD_MIME = 'text/vcard;charset=utf-8';
const CSV_MIME = 'text/csv;charset=utf-8';

const byName = (a: Contact, b: Contact) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

interface Snapshot {
	contacts: Contact[];
	interactions: Touchpoint[];
}

/** Live contacts, by name. */
async function liveContacts(r: UnitRepos<'contacts'>): Promise<Contact[]> {
	return (await r.contacts.live()).sort(byName);
}

/** Live contacts, by name, and the touchpoints of those contacts, oldest first. */
async function readLive(db: KithDB, withTouchpoints: boolean): Promise<Snapshot> {
	return read(db, ['contacts', 'interactions'], async (r) => {
		const contacts = await liveContacts(r);
		if (!withTouchpoints) return { contacts, interactions: [] };
		const live = new Set(contacts.map((c) => c.id));
		const interactions = (await r.interactions.all())
			.filter((i) => i.deletedAt === undefined && live.has(i.contactId))
			.sort((a, b) => a.on.localeCompare(b.on) || a.createdAt - b.createdAt);
		return { contacts, interactions };
	});
}

/** The contacts with the vCard lines they were imported with, so an export gives them back. */
async function readExtras(
	r: UnitRepos<'contactExtras'>,
	contacts: Contact[]
): Promise<(Contact & { extra?: string[] })[]> {
	// Few contacts have extras: one look at a single contact, else one read of them all beats
	// asking for every contact's id.
	const rows: (ContactExtra | undefined)[] =
		contacts.length === 1
			? [await r.contactExtras.get(contacts[0]!.id)]
			: await r.contactExtras.all();
	const byId = new Map(rows.filter((r) => r !== undefined).map((r) => [r.contactId, r.lines]));
	return contacts.map((c) => {
		const lines = byId.get(c.id);
		return lines?.length ? { ...c, extra: lines } : c;
	});
}

function dated(stem: string, now: Date, ext: string): string {
	return `kith-${stem}-${toIsoDate(now)}.${ext}`;
}

/** "Ada Lovelace" -> "ada-lovelace"; letters of any script are kept. */
function slug(name: string): string {
	const s = name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return s || 'contact';
}

/** Every live contact as one .vcf file. */
export async function exportAllVCards(
	db: KithDB,
	version: VCardVersion = '4.0',
	now: Date = new Date()
): Promise<ExportFile> {
	// Loaded before the transaction: awaiting anything else inside one would end it.
	const { serializeVCards } = await import('$lib/io/vcard');
	const extras = await read(db, ['contacts', 'contactExtras'], async (r) =>
		readExtras(r, await liveContacts(r))
	);
	return {
		text: serializeVCards(extras, version),
		fileName: dated('contacts', now, 'vcf'),
		mimeType: VCARD_MIME
	};
}

/** One live contact as a .vcf file named after them. */
export async function exportOneVCard(
	db: KithDB,
	id: string,
	version: VCardVersion = '4.0'
): Promise<ExportFile> {
	const { serializeVCard } = await import('$lib/io/vcard');
	const withExtra = await read(db, ['contacts', 'contactExtras'], async (r) => {
		const contact = await r.contacts.get(id);
		if (!contact || contact.deletedAt !== undefined) throw new ContactNotFoundError(id);
		return (await readExtras(r, [contact]))[0]!;
	});
	return {
		text: serializeVCard(withExtra, version),
		fileName: `${slug(withExtra.name)}.vcf`,
		mimeType: VCARD_MIME
	};
}

/** Every live contact as a spreadsheet, one row each. */
export async function exportContactsCsv(db: KithDB, now: Date = new Date()): Promise<ExportFile> {
	const { contactsToCsv } = await import('$lib/io/csv-export');
	const { contacts } = await readLive(db, false);
	return {
		text: contactsToCsv(contacts),
		fileName: dated('contacts', now, 'csv'),
		mimeType: CSV_MIME
	};
}

/** Every touchpoint with a live contact as a spreadsheet, oldest first, naming the contact. */
export async function exportTouchpointsCsv(
	db: KithDB,
	now: Date = new Date()
): Promise<ExportFile> {
	const { touchpointsToCsv } = await import('$lib/io/csv-export');
	const { contacts, interactions } = await readLive(db, true);
	const names = new Map(contacts.map((c) => [c.id, c.name]));
	return {
		text: touchpointsToCsv(interactions, names),
		fileName: dated('touchpoints', now, 'csv'),
		mimeType: CSV_MIME
	};
}

/** The file for one of the Settings buttons. */
export function exportKind(
	db: KithDB,
	kind: ExportKind,
	now: Date = new Date()
): Promise<ExportFile> {
	switch (kind) {
		case 'vcard-4.0':
			return exportAllVCards(db, '4.0', now);
		case 'vcard-3.0':
			return exportAllVCards(db, '3.0', now);
		case 'contacts-csv':
			return exportContactsCsv(db, now);
		case 'touchpoints-csv':
			return exportTouchpointsCsv(db, now);
	}
}

/** The exports over the app's own database, for pages (which never import the database). */
export const exporter = {
	allVCards: (version: VCardVersion = '4.0') => exportAllVCards(getDb(), version),
	oneVCard: (id: string, version: VCardVersion = '4.0') => exportOneVCard(getDb(), id, version),
	contactsCsv: () => exportContactsCsv(getDb()),
	touchpointsCsv: () => exportTouchpointsCsv(getDb()),
	kind: (kind: ExportKind) => exportKind(getDb(), kind)
};
