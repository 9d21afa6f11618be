/**
 * Importing contacts from a file another app wrote. Writes contacts (through the contacts
 * repository) and the vCard lines Kith keeps aside for them (contactExtras) in one transaction:
 * the whole import lands, or nothing does. Also undoes an import just made.
 */
import { read, write, type KithDB } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import type { ContactExtra } from '$lib/domain/contact-extra';
import { newId } from '$lib/domain/ids';
import { nextStamp } from '$lib/domain/stamp';
import {
	planImport,
	resolveImport,
	type ImportCounts,
	type ImportDecisions,
	type ImportDraft,
	type ImportPlan
} from '$lib/io/import/import-plan';
import { CONTACT_TABLES, deleteContactsFully } from '../contacts.service';

export interface ImportPreview {
	plan: ImportPlan;
	/** The kept contacts the duplicates point at, to work out the counts before writing. */
	targets: Map<string, Contact>;
}

/** Finds the likely duplicates of `drafts` among the live contacts; writes nothing. */
export async function previewImport(db: KithDB, drafts: ImportDraft[]): Promise<ImportPreview> {
	const live = await read(db, ['contacts'], (r) => r.contacts.live());
	const plan = planImport(drafts, live);
	const wanted = new Set(
		plan.duplicates.flatMap((d) => (d.target.kind === 'existing' ? [d.target.id] : []))
	);
	return { plan, targets: new Map(live.filter((c) => wanted.has(c.id)).map((c) => [c.id, c])) };
}

/** What an import did, enough to undo it while nobody has changed those contacts since. */
export interface ImportReceipt {
	counts: ImportCounts;
	at: number;
	addedIds: string[];
	/** Kept contacts as they were before the import merged into them. */
	before: Contact[];
	/** Their kept vCard lines before, by contact id (absent when they had none). */
	extrasBefore: Record<string, ContactExtra | undefined>;
}

/** Contacts handed to IndexedDB at a time, so a big import can say how far it has got. */
const WRITE_CHUNK = 500;

/** Writes the import as decided, all or nothing. */
export function runImport(
	db: KithDB,
	plan: ImportPlan,
	decisions: ImportDecisions,
	now: number = Date.now(),
	progress: (done: number, total: number) => void = () => {}
): Promise<ImportReceipt> {
	return write(db, ['contacts', 'contactExtras'], async (r) => {
		const ids = [
			...new Set(
				plan.duplicates.flatMap((d) => (d.target.kind === 'existing' ? [d.target.id] : []))
			)
		];
		const found = await r.contacts.getMany(ids);
		const existing = new Map([...found].filter(([, c]) => c.deletedAt === undefined));
		const resolved = resolveImport(plan, decisions, existing, { now, newId });
		const extraIds = [...resolved.extras.keys()];
		const oldExtras = await r.contactExtras.bulkGet(extraIds);
		const extrasBefore: Record<string, ContactExtra | undefined> = {};
		const extraRows: ContactExtra[] = extraIds.map((contactId, i) => {
			const old = oldExtras[i];
			if (existing.has(contactId)) extrasBefore[contactId] = old;
			const lines = [...(old?.lines ?? [])];
			for (const line of resolved.extras.get(contactId)!)
				if (!lines.includes(line)) lines.push(line);
			return { contactId, lines, updatedAt: now };
		});
		const total = resolved.add.length + resolved.update.length;
		let done = 0;
		const written = (n: number) => () => progress((done += n), total);
		// Handed over chunk after chunk without waiting, so IndexedDB stores one while the next is
		// prepared; all of them are still in this one transaction.
		const writes: Promise<unknown>[] = [];
		for (let i = 0; i < resolved.add.length; i += WRITE_CHUNK) {
			const chunk = resolved.add.slice(i, i + WRITE_CHUNK);
			writes.push(r.contacts.putMany(chunk, { fresh: true }).then(written(chunk.length)));
		}
		if (resolved.update.length)
			writes.push(r.contacts.putMany(resolved.update).then(written(resolved.update.length)));
		if (extraRows.length) writes.push(r.contactExtras.bulkPut(extraRows));
		await Promise.all(writes);
		return {
			counts: resolved.counts,
			at: now,
			addedIds: resolved.add.map((c) => c.id),
			before: resolved.update.map((c) => existing.get(c.id)!),
			extrasBefore
		};
	});
}

/**
 * Takes an import back: its new contacts go (with anything added to them since), and kept
 * contacts it merged into return to how they were, unless they were edited after the import.
 * Returns how many contacts were removed and restored.
 */
export function undoImport(
	db: KithDB,
	receipt: ImportReceipt
): Promise<{ removed: number; restored: number }> {
	return write(db, CONTACT_TABLES, async (r) => {
		const still = await r.contacts.getMany(receipt.addedIds);
		const removing = [...still.keys()];
		await deleteContactsFully(r, removing);
		const now = await r.contacts.getMany(receipt.before.map((c) => c.id));
		const untouched = receipt.before.filter((c) => {
			const current = now.get(c.id);
			// The import stamped it no later than this; a later stamp is the user's own edit.
			return current !== undefined && current.updatedAt <= nextStamp(c.updatedAt, receipt.at);
		});
		await r.contacts.putMany(untouched);
		for (const c of untouched) {
			const old = receipt.extrasBefore[c.id];
			if (old) await r.contactExtras.put(old);
			else if (c.id in receipt.extrasBefore) await r.contactExtras.remove(c.id);
		}
		return { removed: removing.length, restored: untouched.length };
	});
}
