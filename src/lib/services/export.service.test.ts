// @vitest-environment node
// Node, not jsdom, like the other services that read the whole database through fake-indexeddb.
import { describe, expect, it, vi } from 'vitest';
import type { KithDB } from '$lib/db';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import type { Contact } from '$lib/domain/contact';
import type { Touchpoint } from '$lib/domain/touchpoint';
import { newId } from '$lib/domain/ids';
import { importCsv, sniffCsv } from '$lib/io/import/csv-import';
import { parseVCards } from '$lib/io/vcard';
import {
	ContactNotFoundError,
	exportAllVCards,
	exportContactsCsv,
	exportKind,
	exportOneVCard,
	exportTouchpointsCsv
} from './export.service';

const now = new Date(2026, 3, 1, 9, 30);

function touchpoint(contactId: string, fields: Partial<Touchpoint> = {}): Touchpoint {
	return {
		id: newId(),
		contactId,
		on: '2026-03-01',
		channel: 'call',
		summary: 'Talked',
		received: [],
		followUpDone: false,
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...fields
	};
}

const ada = makeContact({
	name: 'Ada Lovelace',
	emails: ['ada@example.org'],
	organization: 'Analytical Engines'
});
const grace = makeContact({
	name: 'Grace Hopper',
	emails: ['grace@example.org', 'hopper@navy.example'],
	organization: 'US Navy',
	role: 'Rear admiral'
});
const formula = makeContact({ name: '=HYPERLINK("http://evil.example")', emails: [] });
const gone = makeContact({ name: 'Trashed Person', emails: ['gone@example.org'], deletedAt: 5 });

async function seeded(): Promise<KithDB> {
	const db = testDb();
	const r = repos(db);
	await r.contacts.bulkPut([grace, gone, ada, formula]);
	await r.interactions.bulkPut([
		touchpoint(ada.id, { on: '2026-03-02', summary: 'Coffee about archives' }),
		touchpoint(grace.id, { on: '2026-02-01', summary: 'Call about compilers' }),
		touchpoint(gone.id, { summary: 'Should not appear' }),
		touchpoint(ada.id, { summary: 'Deleted touchpoint', deletedAt: 9 })
	]);
	return db;
}

const shape = (c: Pick<Contact, 'name' | 'emails' | 'organization'>) => ({
	name: c.name,
	emails: c.emails,
	organization: c.organization
});

describe('exportAllVCards', () => {
	it.each(['4.0', '3.0'] as const)(
		'writes vCard %s that parses back to the live contacts, by name',
		async (version) => {
			const db = await seeded();
			const file = await exportAllVCards(db, version, now);
			expect(file.fileName).toBe('kith-contacts-2026-04-01.vcf');
			expect(file.mimeType).toMatch(/^text\/vcard/);
			expect(file.text).toContain(`VERSION:${version}`);
			const { cards, errors } = parseVCards(file.text);
			expect(errors).toEqual([]);
			expect(cards.map(shape)).toEqual([formula, ada, grace].map(shape));
			expect(file.text).not.toContain('Trashed Person');
			expect(file.text).not.toContain('gone@example.org');
		}
	);

	it('reads in one read-only transaction', async () => {
		const db = await seeded();
		const spy = vi.spyOn(db, 'transaction');
		await exportAllVCards(db, '4.0', now);
		expect(spy).toHaveBeenCalledTimes(1);
		expect(spy.mock.calls[0]?.[0]).toBe('r');
	});

	it('writes an empty file when there is nobody to export', async () => {
		const file = await exportAllVCards(testDb(), '4.0', now);
		expect(file.text).toBe('');
		expect(parseVCards(file.text).cards).toEqual([]);
	});
});

describe('exportOneVCard', () => {
	it('writes one card named after the contact', async () => {
		const db = await seeded();
		const file = await exportOneVCard(db, grace.id);
		expect(file.fileName).toBe('grace-hopper.vcf');
		const { cards } = parseVCards(file.text);
		expect(cards.map(shape)).toEqual([shape(grace)]);
		expect(cards[0]?.role).toBe('Rear admiral');
		expect(file.text).toContain('VERSION:4.0');
		expect((await exportOneVCard(db, grace.id, '3.0')).text).toContain('VERSION:3.0');
	});

	it('keeps letters of any script in the file name, and never makes an empty one', async () => {
		const db = testDb();
		const zhou = makeContact({ name: '周 Zhōu!' });
		const dots = makeContact({ name: '...' });
		await repos(db).contacts.bulkPut([zhou, dots]);
		expect((await exportOneVCard(db, zhou.id)).fileName).toBe('周-zhōu.vcf');
		expect((await exportOneVCard(db, dots.id)).fileName).toBe('contact.vcf');
	});

	it('refuses a contact in the trash or not there', async () => {
		const db = await seeded();
		await expect(exportOneVCard(db, gone.id)).rejects.toBeInstanceOf(ContactNotFoundError);
		await expect(exportOneVCard(db, 'nobody')).rejects.toBeInstanceOf(ContactNotFoundError);
	});
});

describe('exportContactsCsv', () => {
	it('writes the live contacts, which read back through the CSV importer', async () => {
		const db = await seeded();
		const file = await exportContactsCsv(db, now);
		expect(file.fileName).toBe('kith-contacts-2026-04-01.csv');
		expect(file.mimeType).toMatch(/^text\/csv/);
		const sniffed = sniffCsv(file.text);
		expect(sniffed.headers.slice(0, 2)).toEqual(['Name', 'Circle']);
		const { drafts, problems } = importCsv(file.text);
		expect(problems).toEqual([]);
		expect(drafts.map(shape)).toEqual([formula, ada, grace].map(shape));
		expect(file.text).not.toContain('Trashed Person');
	});

	it('makes a name that starts with "=" inert for a spreadsheet', async () => {
		const db = await seeded();
		const { text } = await exportContactsCsv(db, now);
		const firstCells = sniffCsv(text).rows.map((r) => r.cells[0]);
		expect(firstCells).toContain(`'=HYPERLINK("http://evil.example")`);
		expect(firstCells.some((c) => c?.startsWith('='))).toBe(false);
	});
});

describe('exportTouchpointsCsv', () => {
	it('writes the touchpoints of live contacts, oldest first, naming each contact', async () => {
		const db = await seeded();
		const file = await exportTouchpointsCsv(db, now);
		expect(file.fileName).toBe('kith-touchpoints-2026-04-01.csv');
		const { headers, rows } = sniffCsv(file.text);
		expect(headers.slice(0, 4)).toEqual(['Date', 'Contact', 'Channel', 'Summary']);
		expect(rows.map((r) => r.cells.slice(0, 2).concat(r.cells[3] ?? ''))).toEqual([
			['2026-02-01', 'Grace Hopper', 'Call about compilers'],
			['2026-03-02', 'Ada Lovelace', 'Coffee about archives']
		]);
		expect(file.text).not.toContain('Should not appear');
		expect(file.text).not.toContain('Deleted touchpoint');
	});
});

describe('exportKind', () => {
	it('maps each Settings button to its file', async () => {
		const db = await seeded();
		expect((await exportKind(db, 'vcard-3.0', now)).text).toContain('VERSION:3.0');
		expect((await exportKind(db, 'vcard-4.0', now)).text).toContain('VERSION:4.0');
		expect((await exportKind(db, 'contacts-csv', now)).fileName).toBe(
			'kith-contacts-2026-04-01.csv'
		);
		expect((await exportKind(db, 'touchpoints-csv', now)).fileName).toBe(
			'kith-touchpoints-2026-04-01.csv'
		);
	});
});

describe('vCard lines Kith has no field for', () => {
	it('are written back into the contact’s card, and only into its own', async () => {
		const db = await seeded();
		await db.contactExtras.put({
			contactId: ada.id,
			lines: ['BDAY:18151210', 'X-KITH-TEST;TYPE=home:kept'],
			updatedAt: 1
		});
		const all = await exportAllVCards(db, '4.0', now);
		const parsed = parseVCards(all.text).cards;
		expect(parsed.find((c) => c.name === 'Ada Lovelace')?.extra).toEqual(
			expect.arrayContaining(['BDAY:18151210', 'X-KITH-TEST;TYPE=home:kept'])
		);
		expect(parsed.find((c) => c.name === 'Grace Hopper')?.extra ?? []).not.toContain(
			'BDAY:18151210'
		);
		const one = await exportOneVCard(db, ada.id);
		expect(one.text).toContain('X-KITH-TEST;TYPE=home:kept');
	});
});
