/**
 * Today's "Install Kith" suggestion, dismissed: remembered as the `installDismissedAt` setting
 * (settings table), which stays on this device.
 */
import { write, type KithDB } from '$lib/db';

export async function dismissInstall(db: KithDB, now = Date.now()): Promise<void> {
	await write(db, ['settings'], (r) => r.settings.set('installDismissedAt', now));
}
