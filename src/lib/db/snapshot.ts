/**
 * Whole-database reads and writes for backup and restore: every table at once, rows in their
 * domain shape (contacts without their derived search words going out, with them coming back in).
 * The writers join the caller's transaction, so a restore can plan and write in one all-or-nothing
 * transaction over `allTables(db)`.
 */
import type { Table } from 'dexie';
import type { Contact } from '$lib/domain/contact';
import { fromRow, toRow } from './contacts.repo';
import type { ContactRow, KithDB } from './database';

import {
	TABLES as SNAPSHOT_TABLES,
	type TableName as SnapshotTable,
	type Tables as Snapshot
} from '$lib/domain/tables';
export { SNAPSHOT_TABLES };
export type { SnapshotTable, Snapshot };

export type SnapshotRow<T extends SnapshotTable> = Snapshot[T][number];

function table(db: KithDB, name: SnapshotTable): Table<object, string> {
	return db.table(name);
}

/** The tables a whole-database transaction must cover. */
export function allTables(db: KithDB): Table[] {
	return SNAPSHOT_TABLES.map((name) => db.table(name));
}

/** Every row of every table in one read transaction, so the copy is of one moment. */
export function readSnapshot(db: KithDB): Promise<Snapshot> {
	return db.transaction('r', allTables(db), async () => {
		const out = {} as Record<SnapshotTable, object[]>;
		for (const name of SNAPSHOT_TABLES) out[name] = await table(db, name).toArray();
		out.contacts = (out.contacts as ContactRow[]).map(fromRow);
		return out as unknown as Snapshot;
	});
}

/** The stored rows under `keys`, in the same order, undefined where there is none. */
export async function readRows<T extends SnapshotTable>(
	db: KithDB,
	name: T,
	keys: string[]
): Promise<(SnapshotRow<T> | undefined)[]> {
	const rows = await table(db, name).bulkGet(keys);
	if (name !== 'contacts') return rows as (SnapshotRow<T> | undefined)[];
	return (rows as (ContactRow | undefined)[]).map((r) => r && fromRow(r)) as (
		SnapshotRow<T> | undefined
	)[];
}

/** Every primary key of a table, without reading the rows (recordings can be large). */
export async function readKeys(db: KithDB, name: SnapshotTable): Promise<string[]> {
	return (await table(db, name).toCollection().primaryKeys()) as string[];
}

/** Writes rows as they are, deriving contacts' search words so search works on them at once. */
export async function putRows<T extends SnapshotTable>(
	db: KithDB,
	name: T,
	rows: SnapshotRow<T>[]
): Promise<void> {
	if (rows.length === 0) return;
	const stored = name === 'contacts' ? (rows as Contact[]).map(toRow) : rows;
	await table(db, name).bulkPut(stored as object[]);
}

export async function clearTables(db: KithDB): Promise<void> {
	for (const name of SNAPSHOT_TABLES) await table(db, name).clear();
}
