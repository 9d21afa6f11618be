/**
 * The daily notification's choice on this device: stored as the `reminders` row of the settings
 * table (IndexedDB "kith"), which settings never sync and the service worker reads. Each change
 * is one write that reads the row inside it, so two tabs never undo each other's half.
 */
import { write, type KithDB } from '$lib/db';

/** Turns the daily notification on or off. */
export function setNotify(db: KithDB, notify: boolean): Promise<void> {
	return write(db, ['settings'], async (r) => {
		const current = await r.settings.get('reminders');
		await r.settings.set('reminders', { ...current, notify });
	});
}

/** "Not now" on Today's offer: it stays away until asked for again from Settings. */
export function dismissNotifyAsk(db: KithDB, now = Date.now()): Promise<void> {
	return write(db, ['settings'], async (r) => {
		const current = await r.settings.get('reminders');
		await r.settings.set('reminders', { notify: current?.notify ?? false, askDismissedAt: now });
	});
}
