/**
 * The device's sync login, kept in the `syncState` table of Kith's database (key `config`) and
 * never synced: the server address, the account, and the data key the passphrase opened. The
 * encryption is this setting's, not the server's: nothing the server says can turn it off.
 */
export interface SyncConfig {
	server: string;
	username: string;
	password: string;
	/** The user's database on the server (CouchDB's couch_peruser name). */
	database: string;
	/** The data key, base64: it seals every document, and travels in the join code. */
	key: string;
	since: number;
	/** False: recordings made elsewhere are not brought here (to save space). */
	recordings?: boolean;
}

/** What the engine last reported, in `syncState` (key `status`), for every tab to show. */
export interface SyncStatus {
	phase: 'starting' | 'syncing' | 'idle' | 'offline' | 'problem' | 'paused';
	lastSyncedAt: number | null;
	problem: string | null;
	/** A round that would delete many records here, paused until the person answers. */
	pausedDeletes: { count: number } | null;
}

export const CONFIG_KEY = 'config';
export const STATUS_KEY = 'status';
export const REPLICA_NAME = 'kith-sync-replica';
