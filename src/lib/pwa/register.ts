/**
 * The service worker's registration and the update prompt: a new version of Kith waits until the
 * person says yes in one tab, and every tab then learns it was replaced. Stores nothing itself.
 */
import type { Workbox } from 'workbox-window';

let wb: Workbox | undefined;
let accepting = false;

export interface UpdateCallbacks {
	/** A new version is installed and waits for the user's yes. */
	onUpdateReady: () => void;
	/** Another tab said yes: the new version now serves this tab, which still runs the old code. */
	onReplaced: () => void;
}

/**
 * Registers the service worker. A new version waits until the user accepts it (`applyUpdate`),
 * so a page is never reloaded while someone is typing.
 */
export async function registerServiceWorker({
	onUpdateReady,
	onReplaced
}: UpdateCallbacks): Promise<void> {
	if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
	// workbox-window stays out of the first load: it is only needed once the page is up.
	const { Workbox } = await import('workbox-window');
	wb = new Workbox('/sw.js', { scope: '/' });
	wb.addEventListener('waiting', () => onUpdateReady());
	// The very first install also takes control of the page; only a change of version counts.
	let hadController = navigator.serviceWorker.controller !== null;
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (accepting) location.reload();
		else if (hadController) onReplaced();
		hadController = true;
	});
	await wb.register();
	// A phone app may stay open for days; look for a new version whenever it comes back to view.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void wb?.update();
	});
}

/** Stores what is being typed, activates the waiting version, and reloads once it is in charge. */
export async function applyUpdate(beforeReload: () => Promise<void>): Promise<void> {
	if (!wb) return;
	await beforeReload();
	accepting = true;
	wb.messageSkipWaiting();
}

/** Stores what is being typed, then reloads. */
export async function reloadKeepingDrafts(beforeReload: () => Promise<void>): Promise<void> {
	await beforeReload();
	location.reload();
}
