/**
 * Reads stored drafts (the `drafts` table of the "kith" IndexedDB database) with plain IndexedDB,
 * so that a form can show what was typed last time before Dexie and the rest of the database code
 * have loaded: they come on the first change instead. Also whether sync is on (`syncState`), which
 * every start asks (peek-contacts.ts holds Today's question, apart, so other screens do not load
 * it). Never creates, upgrades or keeps open the database.
 */
import type { Draft } from '$lib/domain/draft';
import { draftTab, tabDraftKey } from '$lib/domain/draft-key';

export const DB_NAME = 'kith';

/**
 * Opens the database as it is, or gives undefined when it (or one of the tables asked for) is not
 * there yet.
 */
export function openExisting(
	name: string,
	factory: IDBFactory,
	stores: readonly string[] = ['drafts']
): Promise<IDBDatabase | undefined> {
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
			if (stores.every((store) => db.objectStoreNames.contains(store))) return resolve(db);
			db.close();
			resolve(undefined);
		};
	});
}

/**
 * The draft a tab's form starts from: the tab's own (`<form>@<tab>`), or else the newest one left
 * by a tab that is gone (`isGone`), which becomes this tab's in the same transaction, so two tabs
 * opening the same form never both take it. Gives the row as it now stands and the key it had.
 */
export async function claimDraft(
	form: string,
	tab: string,
	isGone: (tab: string) => boolean,
	name = DB_NAME,
	factory: IDBFactory = indexedDB
): Promise<{ draft: Draft; from: string } | undefined> {
	const db = await openExisting(name, factory);
	if (!db) return undefined;
	const own = tabDraftKey(form, tab);
	return new Promise((resolve, reject) => {
		let result: { draft: Draft; from: string } | undefined;
		try {
			const tx = db.transaction('drafts', 'readwrite');
			const store = tx.objectStore('drafts');
			tx.oncomplete = () => {
				db.close();
				resolve(result);
			};
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
			const mine = store.get(own);
			mine.onsuccess = () => {
				if (mine.result) {
					result = { draft: mine.result as Draft, from: own };
					return;
				}
				// The bare form key is a draft stored before drafts belonged to tabs: nobody's.
				const range = IDBKeyRange.bound(form, `${form}@\uffff`);
				const all = store.getAll(range);
				all.onsuccess = () => {
					const left = (all.result as Draft[]).filter((d) => {
						const owner = draftTab(d.key, form);
						return owner !== undefined && (owner === '' || isGone(owner));
					});
					const newest = left.sort((a, b) => b.updatedAt - a.updatedAt)[0];
					if (!newest) return;
					const draft = { ...newest, key: own };
					store.delete(newest.key);
					store.put(draft);
					result = { draft, from: newest.key };
				};
			};
		} catch (error) {
			db.close();
			reject(error);
		}
	});
}

/** One stored draft, by its key. */
export function peekDraft(
	key: string,
	name = DB_NAME,
	factory: IDBFactory = indexedDB
): Promise<Draft | undefined> {
	return openExisting(name, factory).then(
		(db) =>
			db &&
			new Promise<Draft | undefined>((resolve, reject) => {
				try {
					const get = db.transaction('drafts').objectStore('drafts').get(key);
					get.onsuccess = () => resolve(get.result as Draft | undefined);
					get.onerror = () => reject(get.error);
					get.transaction!.oncomplete = () => db.close();
				} catch (error) {
					db.close();
					reject(error);
				}
			})
	);
}

/**
 * Whether this device has sync turned on (a `config` row in `syncState`), read with plain
 * IndexedDB: the app asks at every start, and a device without sync must not load Dexie, let
 * alone the sync code, to find out.
 */
export async function peekSyncOn(
	name = DB_NAME,
	factory: IDBFactory = indexedDB
): Promise<boolean> {
	const db = await openExisting(name, factory);
	if (!db) return false;
	try {
		if (!db.objectStoreNames.contains('syncState')) return false;
		return await new Promise<boolean>((resolve, reject) => {
			const req = db.transaction('syncState', 'readonly').objectStore('syncState').count('config');
			req.onsuccess = () => resolve(req.result > 0);
			req.onerror = () => reject(req.error);
		});
	} finally {
		db.close();
	}
}
