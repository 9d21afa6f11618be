import { getRepos } from '$lib/db';
import { requestPersistence } from '$lib/pwa/storage';

/** After the first saved contact, asks once that the browser keep Kith's storage for good. */
export async function askPersistenceOnce(): Promise<void> {
	const settings = getRepos().settings;
	try {
		if (await settings.get('persistAsked')) return;
		await settings.set('persistAsked', true);
		await requestPersistence();
	} catch {
		// Persistence is a safeguard, not a feature the user is waiting on.
	}
}
