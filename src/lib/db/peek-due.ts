/**
 * Reads what the daily check needs (the `contacts`, `interactions`, `interviews`, `pitches` and
 * `settings` tables of the "kith" IndexedDB database) with plain IndexedDB, read-only, for the
 * service worker: it must stay small, so it loads neither Dexie nor the app. Never creates,
 * upgrades or keeps open the database.
 */
import type { Contact } from '$lib/domain/contact';
import type { Interview } from '$lib/domain/interview';
import type { Pitch } from '$lib/domain/pitch';
import type { Touchpoint } from '$lib/domain/touchpoint';
import { DB_NAME, openExisting } from './peek';

export interface DueSnapshot {
	contacts: Contact[];
	touchpoints: Touchpoint[];
	interviews: Interview[];
	pitches: Pitch[];
	/** The stored `reminders` setting's value, unchecked: the caller checks it. */
	reminders: unknown;
}

const STORES = ['contacts', 'interactions', 'interviews', 'pitches', 'settings'] as const;

/** Every row the count needs, in one read-only transaction; undefined before the app made the database. */
export async function peekDueRows(
	name = DB_NAME,
	factory: IDBFactory = indexedDB
): Promise<DueSnapshot | undefined> {
	// Creating the database is the app's job: a worker that ran first finds nothing due.
	const db = await openExisting(name, factory, STORES);
	if (!db) return undefined;
	return new Promise((resolve, reject) => {
		try {
			const tx = db.transaction([...STORES], 'readonly');
			const all = (store: string) => tx.objectStore(store).getAll();
			const rows = {
				contacts: all('contacts'),
				touchpoints: all('interactions'),
				interviews: all('interviews'),
				pitches: all('pitches'),
				reminders: tx.objectStore('settings').get('reminders')
			};
			tx.oncomplete = () => {
				db.close();
				resolve({
					contacts: rows.contacts.result as Contact[],
					touchpoints: rows.touchpoints.result as Touchpoint[],
					interviews: rows.interviews.result as Interview[],
					pitches: rows.pitches.result as Pitch[],
					reminders: (rows.reminders.result as { value?: unknown } | undefined)?.value
				});
			};
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		} catch (error) {
			db.close();
			reject(error);
		}
	});
}
