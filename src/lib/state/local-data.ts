/**
 * Kith keeps a few small things in this site's localStorage besides IndexedDB: draft copies made
 * while the database could not take them (`kith:draft:*`) and when the backup reminder was put off
 * (`kith.*`). "Delete all data" must take these too, or a deleted draft would come back.
 */
const PREFIXES = ['kith:', 'kith.'];

/** Removes every key Kith wrote to `storage`; returns how many went. */
export function clearLocalData(storage: Storage | undefined = globalThis.localStorage): number {
	if (!storage) return 0;
	try {
		const keys: string[] = [];
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (key !== null && PREFIXES.some((p) => key.startsWith(p))) keys.push(key);
		}
		for (const key of keys) storage.removeItem(key);
		return keys.length;
	} catch {
		// Storage the browser will not let us read holds nothing of ours we could reach anyway.
		return 0;
	}
}
