/**
 * The rows of the sync tables (db/versions.ts, version 4), which never leave the device: what each
 * synced record was last exchanged as, the device's sync state, held-back documents and the
 * automatic backups made before a risky sync step.
 */
import type { SyncedTable } from '$lib/domain/sync-tables';

/** The device's sync bookkeeping tables: never synced, never in a backup, not records. */
export const SYNC_BOOKKEEPING: readonly string[] = [
	'syncOutbox',
	'syncBase',
	'syncState',
	'syncHeld',
	'syncBackups'
];

/**
 * Every table that is not in a backup: the bookkeeping, and the "Changed on two devices" cards,
 * which belong to one sync and mean nothing in a file restored elsewhere.
 */
export const NOT_BACKED_UP: readonly string[] = [...SYNC_BOOKKEEPING, 'conflicts'];

/** The revision a synced row was last exchanged at (pushed or applied), in `syncBase`. */
export interface SyncBaseRow {
	key: string;
	rev: string;
	/** The exchanged revision was a deletion (this device pushed it, or applied one). */
	deleted?: boolean;
}

/** One named entry of the device's sync state (login, checkpoint, status), in `syncState`. */
export interface SyncStateRow {
	key: string;
	value: unknown;
}

/** A document written by a newer Kith, kept in the replica and not applied, in `syncHeld`. */
export interface SyncHeldRow {
	key: string;
	table: SyncedTable;
	rev: string;
	schema: number;
}

/** A backup (the backup file's text) made before a risky sync step, in `syncBackups`. */
export interface SyncBackup {
	id: string;
	at: number;
	reason: 'first-sync' | 'mass-delete' | 'join';
	text: string;
	counts: Record<string, number>;
}
