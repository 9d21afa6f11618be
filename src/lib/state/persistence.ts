/**
 * Asks the browser once, after the first saved contact, to keep Kith's data for good; remembers
 * that it asked in the `persistAsked` setting (IndexedDB "kith", settings table).
 */
import { requestPersistence } from '$lib/pwa/storage';

/** After the first saved contact, asks once that the browser keep Kith's storage for good. */
export async function askPersistenceOnce(): Promise<void> {
	try {
		// Loaded on use, so the capture form that calls this does not wait for the database code.
		const settings = (await import('$lib/db')).getRepos().settings;
		if (await settings.get('persistAsked')) return;
		await settings.set('persistAsked', true);
		await requestPersistence();
	} catch {
		// Persistence is a safeguard, not a feature the user is waiting on.
	}
}
