/**
 * Importing contacts from a file another app wrote. Writes contacts (through the contacts
 * repository) and the vCard lines Kith keeps aside for them (contactExtras) in one transaction:
 * the whole import lands, or nothing does. Also undoes an import just made.
 */
import type { KithDB } from '$lib/db';
import { repos } from '$lib/db/repos';
import { fromRow } from '$lib/db/contacts.repo';
import type { Contact } from '$lib/domain/contact';
import type { ContactExtra } from '$lib/domain/contact-extra';
import { newId } from '$lib/domain/ids';
import {
	planImport,
	resolveImport,
	type ImportCounts,
	type ImportDecisions,
	type ImportDraft,
	type ImportPlan
} from '$lib/io/import/import-plan';
import { deleteContactsFully } from './contacts.service';

export interface ImportPreview {
	plan: ImportPlan;
	/** The kept contacts the duplicates point at, to work out the counts before writing. */
	targets: Map<string, Contact>;
}

/** Finds the likely duplicates of `drafts` among the live contacts; writes nothing. */
export async function previewImport(db: KithDB, drafts: ImportDraft[]): Promise<ImportPreview> {
	const rows = await db.contacts.toArray();
	const live = rows.filter((r) => r.deletedAt === undefined).map(fromRow);
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
	const r = repos(db);
	return db.transaction('rw', [db.contacts, db.contactExtras], async () => {
		const ids = [
			...new Set(
				plan.duplicates.flatMap((d) => (d.target.kind === 'existing' ? [d.target.id] : []))
			)
		];
		const found = await r.contacts.getMany(ids);
		const existing = new Map([...found].filter(([, c]) => c.deletedAt === undefined));
		const resolved = resolveImport(plan, decisions, existing, { now, newId });
		const extraIds = [...resolved.extras.keys()];
		const oldExtras = await db.contactExtras.bulkGet(extraIds);
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
		if (extraRows.length) writes.push(db.contactExtras.bulkPut(extraRows));
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
	const r = repos(db);
	return db.transaction(
		'rw',
		[db.contacts, db.interactions, db.drafts, db.contactExtras],
		async () => {
			const still = await r.contacts.getMany(receipt.addedIds);
			const removing = [...still.keys()];
			await deleteContactsFully(db, removing);
			const now = await r.contacts.getMany(receipt.before.map((c) => c.id));
			const untouched = receipt.before.filter((c) => {
				const current = now.get(c.id);
				return current !== undefined && current.updatedAt <= Math.max(receipt.at, c.updatedAt + 1);
			});
			await r.contacts.putMany(untouched);
			for (const c of untouched) {
				const old = receipt.extrasBefore[c.id];
				if (old) await db.contactExtras.put(old);
				else if (c.id in receipt.extrasBefore) await db.contactExtras.delete(c.id);
			}
			return { removed: removing.length, restored: untouched.length };
		}
	);
}
