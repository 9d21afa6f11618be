/**
 * Settling a "Changed on two devices" card: the record keeps what is shown, takes the other
 * device's value, or (long text) keeps both; a record that came back after a delete elsewhere is
 * kept or deleted after all. The record and its card change in one unit of work; the card's
 * removal syncs too, so the card goes on every device.
 */
import { touch, write, type KithDB } from '$lib/db';
import { keepBoth } from '$lib/domain/merge3';
import type { SyncConflict } from '$lib/domain/sync-conflict';

export type ConflictChoice = 'kept' | 'other' | 'both';

type Row = Record<string, unknown> & { updatedAt: number; version: number };

export async function settleSyncConflict(
	db: KithDB,
	conflict: SyncConflict,
	choice: ConflictChoice,
	now = Date.now()
): Promise<void> {
	await write(db, ['conflicts', conflict.table], async (r) => {
		await r.conflicts.remove(conflict.id);
		if (choice === 'kept') return;
		const repo = r[conflict.table] as unknown as {
			get(id: string): Promise<Row | undefined>;
			put(row: Row): Promise<unknown>;
		};
		const row = await repo.get(conflict.rowId);
		if (!row) return;
		let value: unknown;
		if (conflict.revived)
			value = now; // "Delete it": to the trash, where it can still be restored
		else if (
			choice === 'both' &&
			typeof row[conflict.field] === 'string' &&
			typeof conflict.other === 'string'
		)
			value = keepBoth(row[conflict.field] as string, conflict.other);
		else value = conflict.other;
		const next: Row = { ...row, [conflict.revived ? 'deletedAt' : conflict.field]: value };
		if (value === null || value === undefined) delete next[conflict.field];
		await repo.put(touch(next, now));
	});
}

/** "Resolve all" on one record's page: these cards keep what is shown; gives how many went. */
export async function keepShown(db: KithDB, ids: readonly string[]): Promise<number> {
	return write(db, ['conflicts'], async (r) => {
		const there = (await r.conflicts.bulkGet([...ids])).filter((c) => c !== undefined);
		await r.conflicts.bulkRemove(there.map((c) => c.id));
		return there.length;
	});
}

/** "Resolve all": every card keeps what is shown. */
export async function keepAllShown(db: KithDB): Promise<number> {
	return write(db, ['conflicts'], async (r) => {
		const all = await r.conflicts.all();
		await r.conflicts.bulkRemove(all.map((c) => c.id));
		return all.length;
	});
}
