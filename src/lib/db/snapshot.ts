/**
 * Whole-database reads and writes for backup and restore: every table at once, rows in their
 * domain shape (contacts without their derived search words going out, with them coming back in).
 * The writers join the caller's transaction, so a restore can plan and write in one all-or-nothing
 * transaction over `allTables(db)`.
 */
import type { Table } from 'dexie';
import type { Contact } from '$lib/domain/contact';
import type { Draft } from '$lib/domain/draft';
import type { Interaction } from '$lib/domain/interaction';
import type { Interview, Question } from '$lib/domain/interview';
import type { Pitch, Recording, Rehearsal } from '$lib/domain/pitch';
import type { SettingRow } from '$lib/domain/setting';
import { fromRow, toRow } from './contacts.repo';
import type { ContactRow, KithDB } from './database';

/** Every table, in the order a snapshot is read and written. A test checks it against the db. */
export const SNAPSHOT_TABLES = [
	'contacts',
	'interactions',
	'pitches',
	'rehearsals',
	'recordings',
	'interviews',
	'questions',
	'drafts',
	'settings'
] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

export interface Snapshot {
	contacts: Contact[];
	interactions: Interaction[];
	pitches: Pitch[];
	rehearsals: Rehearsal[];
	recordings: Recording[];
	interviews: Interview[];
	questions: Question[];
	drafts: Draft[];
	settings: SettingRow[];
}

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
