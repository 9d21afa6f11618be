/**
 * Whether any contact is stored at all (the `contacts` table of the "kith" IndexedDB database), read
 * with plain IndexedDB for Today, which is painted before Dexie loads. Never creates, upgrades or
 * keeps open the database.
 */
import { DB_NAME } from './peek';

/**
 * True only when there is surely no contact on the device: no database yet, or one whose contacts
 * table holds no row at all (trashed ones included). False when unsure (another tab is upgrading
 * it). Never creates, upgrades or keeps open the database.
 */
export function peekNoContacts(name = DB_NAME, factory: IDBFactory = indexedDB): Promise<boolean> {
	return new Promise((resolve, reject) => {
		let missing = false;
		const open = factory.open(name);
		open.onupgradeneeded = () => {
			missing = true;
			open.transaction?.abort();
		};
		open.onerror = (e) => {
			e.preventDefault();
			if (open.error?.name === 'AbortError') resolve(missing);
			else reject(open.error);
		};
		open.onblocked = () => resolve(false);
		open.onsuccess = () => {
			const db = open.result;
			db.onversionchange = () => db.close();
			if (!db.objectStoreNames.contains('contacts')) {
				db.close();
				return resolve(false);
			}
			try {
				const count = db.transaction('contacts').objectStore('contacts').count();
				count.onsuccess = () => resolve(count.result === 0);
				count.onerror = () => reject(count.error);
			} catch (error) {
				reject(error);
			} finally {
				// Closes once the count's transaction is done.
				db.close();
			}
		};
	});
}
