/**
 * Reads one stored draft (the `drafts` table of the "kith" IndexedDB database) with plain
 * IndexedDB, so that a form can show what was typed last time before Dexie and the rest of the
 * database code have loaded: they come on the first change instead. Never creates, upgrades or
 * keeps open the database.
 */
import type { Draft } from '$lib/domain/draft';

export const DB_NAME = 'kith';

export function peekDraft(
	key: string,
	name = DB_NAME,
	factory: IDBFactory = indexedDB
): Promise<Draft | undefined> {
	return new Promise((resolve, reject) => {
		const open = factory.open(name);
		// Only a database that does not exist yet needs an upgrade: leave creating it to Dexie.
		open.onupgradeneeded = () => open.transaction?.abort();
		open.onerror = (e) => {
			e.preventDefault();
			if (open.error?.name === 'AbortError') resolve(undefined);
			else reject(open.error);
		};
		open.onblocked = () => resolve(undefined);
		open.onsuccess = () => {
			const db = open.result;
			db.onversionchange = () => db.close();
			try {
				if (!db.objectStoreNames.contains('drafts')) {
					db.close();
					return resolve(undefined);
				}
				const get = db.transaction('drafts').objectStore('drafts').get(key);
				get.onsuccess = () => resolve(get.result as Draft | undefined);
				get.onerror = () => reject(get.error);
				get.transaction!.oncomplete = () => db.close();
			} catch (error) {
				db.close();
				reject(error);
			}
		};
	});
}
