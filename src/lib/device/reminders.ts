/**
 * The browser's side of the daily notification: the notification permission, and periodic
 * background sync, which wakes the service worker about once a day in an installed app (Chromium)
 * so that it can look at what is due. Stores nothing; the choice is kept in the settings table by
 * the caller.
 */
import { DUE_CHECK_TAG } from '$lib/domain/due-today';

/** At most twice a day: a check in quiet hours gets another chance later in the day. */
const MIN_INTERVAL_MS = 12 * 3_600_000;

interface PeriodicSyncManager {
	register(tag: string, options?: { minInterval: number }): Promise<void>;
	unregister(tag: string): Promise<void>;
	getTags(): Promise<string[]>;
}

type WithPeriodicSync = ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager };

/** Whether this browser has periodic background sync at all (Chromium does; Safari, Firefox not). */
export function periodicSyncOffered(): boolean {
	return (
		typeof ServiceWorkerRegistration !== 'undefined' &&
		'periodicSync' in ServiceWorkerRegistration.prototype &&
		typeof Notification !== 'undefined'
	);
}

/**
 * Whether the browser would let the daily check run now: periodic sync is granted only to an
 * installed app that is used, so in a tab this is false even where the feature exists.
 */
export async function backgroundCheckAllowed(): Promise<boolean> {
	if (!periodicSyncOffered()) return false;
	try {
		const status = await navigator.permissions.query({
			name: 'periodic-background-sync' as PermissionName
		});
		return status.state === 'granted';
	} catch {
		return false;
	}
}

export type NotifyPermission = NotificationPermission | 'unsupported';

export function notificationPermission(): NotifyPermission {
	return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export type TurnOnResult =
	{ ok: true } | { ok: false; reason: 'unsupported' | 'denied' | 'not-installed' | 'failed' };

/**
 * Asks for notifications (call it from a tap: browsers only ask then) and registers the daily
 * check. Periodic sync is granted only to an installed app: in a tab it says `not-installed`.
 */
export async function turnOnDailyCheck(): Promise<TurnOnResult> {
	if (!periodicSyncOffered() || !('serviceWorker' in navigator))
		return { ok: false, reason: 'unsupported' };
	const permission = await Notification.requestPermission();
	if (permission !== 'granted') return { ok: false, reason: 'denied' };
	try {
		const status = await navigator.permissions.query({
			name: 'periodic-background-sync' as PermissionName
		});
		if (status.state !== 'granted') return { ok: false, reason: 'not-installed' };
		const registration = (await navigator.serviceWorker.ready) as WithPeriodicSync;
		await registration.periodicSync!.register(DUE_CHECK_TAG, { minInterval: MIN_INTERVAL_MS });
		return { ok: true };
	} catch {
		return { ok: false, reason: 'failed' };
	}
}

/** Stops the daily check; quiet when it was never on. */
export async function turnOffDailyCheck(): Promise<void> {
	try {
		if (!periodicSyncOffered() || !('serviceWorker' in navigator)) return;
		const registration = (await navigator.serviceWorker.ready) as WithPeriodicSync;
		await registration.periodicSync?.unregister(DUE_CHECK_TAG);
	} catch {
		// Nothing registered, or no worker yet: there is nothing to stop.
	}
}
