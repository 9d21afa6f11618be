import type { Workbox } from 'workbox-window';

let wb: Workbox | undefined;

/**
 * Registers the service worker. A new version waits until the user accepts it (`applyUpdate`),
 * so a page is never reloaded while someone is typing.
 */
export async function registerServiceWorker(onUpdateReady: () => void): Promise<void> {
	if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
	// workbox-window stays out of the first load: it is only needed once the page is up.
	const { Workbox } = await import('workbox-window');
	wb = new Workbox('/sw.js', { scope: '/' });
	wb.addEventListener('waiting', () => onUpdateReady());
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
	wb.addEventListener('controlling', () => location.reload());
	wb.messageSkipWaiting();
}

export async function checkForUpdate(): Promise<void> {
	await wb?.update();
}
