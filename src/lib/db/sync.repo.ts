/**
 * Reads and writes of the sync tables (see sync-rows.ts and outbox.ts): the outbox, the revisions
 * rows were last exchanged at, the device's sync state, held documents, the automatic backups,
 * and the "Changed on two devices" cards. Only src/lib/sync and the settings around it use these.
 */
import type { KithDB } from './database';
import { entityRepo } from './entity.repo';

export function syncOutboxRepo(db: KithDB) {
	return {
		...entityRepo(db.syncOutbox),
		/** Up to `limit` marks not yet handed to the replica in their present version. */
		page: (limit: number) =>
			db.syncOutbox
				.filter((m) => m.pushed !== m.mark)
				.limit(limit)
				.toArray(),
		/** The marks whose present version is in the replica: after it reached the server. */
		handed: () => db.syncOutbox.filter((m) => m.pushed === m.mark).toArray()
	};
}

export function syncStateRepo(db: KithDB) {
	return {
		read: async <T>(key: string): Promise<T | undefined> =>
			(await db.syncState.get(key))?.value as T | undefined,
		save: (key: string, value: unknown) => db.syncState.put({ key, value }),
		remove: (key: string) => db.syncState.delete(key),
		clear: () => db.syncState.clear()
	};
}

export function conflictsRepo(db: KithDB) {
	return {
		...entityRepo(db.conflicts),
		ofRow: (table: string, rowId: string) =>
			db.conflicts.where('[table+rowId]').equals([table, rowId]).toArray()
	};
}

export function syncBackupsRepo(db: KithDB) {
	return {
		...entityRepo(db.syncBackups),
		newest: () => db.syncBackups.orderBy('at').reverse().toArray()
	};
}
