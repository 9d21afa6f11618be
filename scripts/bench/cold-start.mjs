// (b) Offline cold start: a fresh browser on a profile whose service worker is installed, no
// network, CPU throttled; the clock runs from navigation start until the Name field takes a key.
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath, median, phone, ratio, summary, throttle } from './util.mjs';
import { BARE_PATH } from './bare-page.mjs';

// Runs in every document before its own scripts. When a field labelled "Name" shows up enabled, it
// waits for the next task (the soonest a real keystroke could be handled, after whatever rendered
// the field), types a letter into it, and notes the time since navigation start if the letter stayed.
const READY_PROBE = `(() => {
	let resolve;
	window.__benchReady = new Promise((r) => (resolve = r));
	let pending = false;
	const field = () => {
		for (const label of document.querySelectorAll('label')) {
			if (label.textContent.trim() === 'Name') return label.control;
		}
		return null;
	};
	const attempt = () => {
		pending = false;
		const input = field();
		if (!input || input.disabled || input.readOnly || !input.isConnected) return;
		input.focus();
		input.select();
		document.execCommand('insertText', false, 'K');
		if (input.value !== 'K' || document.activeElement !== input) return;
		observer.disconnect();
		resolve({ ms: performance.now(), online: navigator.onLine, controlled: !!navigator.serviceWorker?.controller });
	};
	const observer = new MutationObserver(() => {
		if (pending || !field()) return;
		pending = true;
		const channel = new MessageChannel();
		channel.port1.onmessage = attempt;
		channel.port2.postMessage(0);
	});
	observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * @param {string} profile
 * @param {boolean} offline
 */
function launch(profile, offline) {
	return chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		args: chromiumArgs,
		...phone,
		offline,
		serviceWorkers: 'allow'
	});
}

/**
 * The draft the probe's letter left behind would be restored on the next start; remove it once it
 * has been written so every start opens the same empty form.
 * @param {import('@playwright/test').Page} page
 */
async function dropCaptureDraft(page) {
	await page.evaluate(async () => {
		const run = (/** @type {(db: IDBDatabase) => IDBRequest} */ op) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('kith');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = op(db);
					req.onsuccess = () => {
						db.close();
						resolve(req.result);
					};
					req.onerror = () => reject(req.error);
				};
			});
		const deadline = performance.now() + 10_000;
		while (performance.now() < deadline) {
			const draft = await run((db) =>
				db.transaction('drafts').objectStore('drafts').get('capture')
			);
			if (draft) break;
			await new Promise((r) => setTimeout(r, 25));
		}
		await run((db) =>
			db.transaction('drafts', 'readwrite').objectStore('drafts').delete('capture')
		);
		for (const key of Object.keys(localStorage)) {
			if (key.startsWith('kith:draft:')) localStorage.removeItem(key);
		}
	});
}

/**
 * @param {string} profile
 * @param {string} url
 * @param {boolean} isApp
 */
async function sample(profile, url, isApp) {
	const context = await launch(profile, true);
	try {
		await context.addInitScript(READY_PROBE);
		const page = context.pages()[0] ?? (await context.newPage());
		const cpu = await throttle(context, page, { offline: true });
		await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
		/** @type {{ ms: number, online: boolean, controlled: boolean }} */
		const ready = await page.evaluate(
			// @ts-expect-error set by READY_PROBE
			() => window.__benchReady
		);
		await cpu.set(1);
		if (ready.online) throw new Error(`${url}: the page thought it was online`);
		if (!ready.controlled) throw new Error(`${url}: not served by the service worker`);
		// The letter must still be there once the page settles: nothing reset the form under the user.
		await page.waitForTimeout(isApp ? 300 : 50);
		const value = await page.getByLabel('Name', { exact: true }).inputValue();
		if (value !== 'K') throw new Error(`${url}: the typed letter was lost (value "${value}")`);
		if (isApp) await dropCaptureDraft(page);
		await cpu.detach();
		return ready.ms;
	} finally {
		await context.close();
	}
}

/**
 * A browser launch on a busy machine fails now and then; one such failure should not cost the run.
 * @template T
 * @param {() => Promise<T>} run
 */
async function retryOnce(run) {
	try {
		return await run();
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		console.warn(`\n  retrying a cold start after: ${reason}`);
		return run();
	}
}

/**
 * @param {string} origin
 * @param {number} runs
 */
export async function coldStart(origin, runs) {
	const profile = await mkdtemp(join(tmpdir(), 'kith-bench-cold-'));
	const app = `${origin}/capture`;
	// Served and precached only by the bench's copy of the build (bare-page.mjs).
	const bare = `${origin}${BARE_PATH}`;
	try {
		// One online visit installs the worker and fills its precache, as a first visit would.
		const first = await launch(profile, false);
		try {
			const page = first.pages()[0] ?? (await first.newPage());
			await page.goto(app);
			await page.evaluate(() => navigator.serviceWorker.ready);
			await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
			const cached = await page.evaluate(
				async (path) => !!(await caches.match(path, { ignoreSearch: true })),
				bare
			);
			if (!cached) throw new Error(`${BARE_PATH} is not in the precache`);
		} finally {
			await first.close();
		}
		/** @type {number[]} */
		const appMs = [];
		/** @type {number[]} */
		const bareMs = [];
		// Interleaved, so a slow patch of the machine hits both alike.
		for (let i = 0; i < runs; i++) {
			appMs.push(await retryOnce(() => sample(profile, app, true)));
			bareMs.push(await retryOnce(() => sample(profile, bare, false)));
		}
		return {
			method:
				'fresh persistent-context browser per sample on a profile with the service worker installed; offline; CPU throttled via CDP; time from navigation start until a letter typed into the Name field stays there',
			runs,
			app: summary(appMs),
			bare: summary(bareMs),
			ratio: ratio(median(appMs) / median(bareMs))
		};
	} finally {
		await rm(profile, { recursive: true, force: true });
	}
}
