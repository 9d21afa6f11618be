/**
 * The service worker's registration and the update prompt: a new version of Kith waits until the
 * person says yes in one tab, and every tab then learns it was replaced. Stores nothing itself.
 */
import { updated } from '$app/state';

let registration: ServiceWorkerRegistration | undefined;
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
	// Listen before anything is awaited: another tab may accept an update while this one starts.
	// The very first install also takes control of the page; only a change of version counts.
	let hadController = navigator.serviceWorker.controller !== null;
	let replaced = false;
	const replacedNow = () => {
		if (replaced) return;
		replaced = true;
		onReplaced();
	};
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (accepting) location.reload();
		else if (hadController) replacedNow();
		hadController = true;
	});
	// Registering (on a first visit, the download of the whole precache) waits until the page is up
	// and the browser is idle: it must not compete with the first screen.
	await startupOver();
	const reg = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
	registration = reg;
	// A version waits when one is already active: the very first install activates at once. Told
	// once per waiting worker, whether it was waiting before this page came or arrives later.
	const told = new WeakSet<ServiceWorker>();
	const waits = (worker: ServiceWorker | null) => {
		if (!worker || !reg.active || told.has(worker)) return;
		told.add(worker);
		onUpdateReady();
	};
	waits(reg.waiting);
	reg.addEventListener('updatefound', () => {
		const worker = reg.installing;
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && reg.waiting === worker) waits(worker);
		});
	});
	if (hadController && (await servedByNewerVersion(reg))) replacedNow();
	// A phone app may stay open for days; look for a new version whenever it comes back to view.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void reg.update().catch(() => {});
	});
}

/** Resolves once the page has loaded and the main thread has a moment to spare. */
function startupOver(): Promise<void> {
	return new Promise((resolve) => {
		const idle = () => {
			if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 3000 });
			else setTimeout(resolve, 500);
		};
		if (document.readyState === 'complete') idle();
		else addEventListener('load', idle, { once: true });
	});
}

/**
 * True when the worker in charge already runs a later build than this page: another tab accepted
 * an update while this one was still starting, before it could hear of it. Each worker precaches
 * its build's version file. While a newer worker is on its way, the one in charge is this page's
 * own; and a worker from before version files were precached would answer from the network, which
 * says nothing about the worker, so neither is asked.
 */
async function servedByNewerVersion(registration: ServiceWorkerRegistration): Promise<boolean> {
	if (registration.installing || registration.waiting) return false;
	try {
		if (!(await caches.match('/_app/version.json', { ignoreSearch: true }))) return false;
		return await updated.check();
	} catch {
		return false;
	}
}

/** Stores what is being typed, activates the waiting version, and reloads once it is in charge. */
export async function applyUpdate(beforeReload: () => Promise<void>): Promise<void> {
	const waiting = registration?.waiting;
	if (!waiting) return;
	await beforeReload();
	accepting = true;
	// The worker (src/service-worker.ts) takes over on this message; controllerchange then reloads.
	waiting.postMessage({ type: 'SKIP_WAITING' });
}

/** Stores what is being typed, then reloads. */
export async function reloadKeepingDrafts(beforeReload: () => Promise<void>): Promise<void> {
	await beforeReload();
	location.reload();
}
