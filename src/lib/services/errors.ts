import { classifyDbError } from '$lib/db';

/** A message a person can act on, for any failure to read or write the database. */
export function describeSaveError(error: unknown): string {
	switch (classifyDbError(error)) {
		case 'quota':
			return 'Your phone has no room left for Kith to save this. Free some space (photos, other apps) and tap Save again; what you typed is kept here.';
		case 'closed':
		case 'version':
			return 'Kith was updated in another tab. Reload this page to keep going; what you typed is kept.';
		case 'blocked':
			return 'Another Kith tab is holding an older version open. Close the other tabs, then try again.';
		case 'unavailable':
			return 'This browser is not letting Kith store data (private browsing can do this). Open Kith in a normal window.';
		default:
			return 'Kith could not save just now. Try again; what you typed is kept.';
	}
}
