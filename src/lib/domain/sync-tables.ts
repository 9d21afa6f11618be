/**
 * Which tables travel between devices when sync is on, and how a synced row is named there.
 * Drafts and settings stay on the device they were made on (a half-typed form, a speaking rate, the
 * sync login), as do the sync tables themselves; conflict cards do travel, so that settling one on
 * either device settles it on both.
 */
export const SYNCED_TABLES = [
	'contacts',
	'interactions',
	'pitches',
	'rehearsals',
	'recordings',
	'interviews',
	'questions',
	'contactExtras',
	'conflicts'
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

const synced: ReadonlySet<string> = new Set(SYNCED_TABLES);

export function isSyncedTable(name: string): name is SyncedTable {
	return synced.has(name);
}

/** A synced row's name on the server and in the outbox: `<table>:<primary key>`. */
export function docId(table: SyncedTable, key: string): string {
	return `${table}:${key}`;
}

/** The table and key a document id names, or undefined for ids that are not rows (the keyring). */
export function parseDocId(id: string): { table: SyncedTable; key: string } | undefined {
	const at = id.indexOf(':');
	if (at < 1) return undefined;
	const table = id.slice(0, at);
	const key = id.slice(at + 1);
	return isSyncedTable(table) && key ? { table, key } : undefined;
}
