// Not from $lib/db: the shell listens without loading the database code.
import { onDbEvent } from '$lib/db/events';

/** What the shell shows about the app itself: connectivity, updates, the database's state. */
export const appStatus = $state({
	online: true,
	updateReady: false,
	/** Another tab upgraded the database; this tab must reload to go on. */
	dbOutdated: false,
	/** This tab's upgrade waits for other tabs to close. */
	dbBlocked: false,
	/** Another tab accepted a new version of the app; this tab runs the old code until it reloads. */
	appReplaced: false
});

let started = false;

export function watchAppStatus(): void {
	if (started) return;
	started = true;
	appStatus.online = navigator.onLine;
	addEventListener('online', () => (appStatus.online = true));
	addEventListener('offline', () => (appStatus.online = false));
	onDbEvent((event) => {
		if (event === 'versionchange') appStatus.dbOutdated = true;
		else appStatus.dbBlocked = event === 'blocked';
	});
}
