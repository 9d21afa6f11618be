// (b) Offline cold start: a fresh browser on a profile whose service worker is installed, no
// network, CPU throttled; the clock runs from navigation start until the Name field takes a key.
// Twice: on an empty database, and on a person's real one (10,000 contacts, 100,000 touchpoints).
// The bare page runs on the same profile as the app, so it starts on the same seeded origin.
import { chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleScript } from './bundle-script.mjs';
import { chromiumArgs, chromiumPath, median, phone, ratio, summary, throttle } from './util.mjs';
import { BARE_PATH } from './bare-page.mjs';

export const COLD_START_BUDGET = { ratio: 1.5 };
export const SEEDED = { contacts: 10_000, touchpoints: 100_000 };

// Runs in every document before its own scripts. When a field labelled "Name" shows up enabled, it
// waits for the next task (the soonest a real keystroke could be handled, after whatever rendered
// the field), types a letter into it, and notes the time since navigation start if the letter stayed.
export const READY_PROBE = `(() => {
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
		resolve({ ms: performance.now(), controlled: !!navigator.serviceWorker?.controller });
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
		/** @type {{ ms: number, controlled: boolean }} */
		const ready = await page.evaluate(
			// @ts-expect-error set by READY_PROBE
			() => window.__benchReady
		);
		await cpu.set(1);
		// The network itself is asked, not navigator.onLine: Chromium 150 reports true in a page
		// loaded under Playwright's offline emulation while the network stays off (checked by hand).
		// A path in no cache can only come from the network.
		const reachable = await page.evaluate(() =>
			fetch(`/offline-probe-${Date.now()}`, { cache: 'no-store' }).then(
				() => true,
				() => false
			)
		);
		if (reachable) throw new Error(`${url}: the network answered; this start was not offline`);
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
 * The app's own database code and the (e) bench's generator of contacts and touchpoints (four
 * years of them: outcomes, gifts, follow-ups), as one script to run in the app's origin.
 */
async function seedScript() {
	const dir = await mkdtemp(join(tmpdir(), 'kith-bench-seed-'));
	try {
		const file = await bundleScript({
			entry: 'today-entry.js',
			outDir: dir,
			name: 'kithTodayBenchBundle',
			fileName: 'seed.js'
		});
		return await readFile(file, 'utf8');
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/**
 * Fills the app's own database, through its own repositories (the contacts get their search words
 * as a save would give them), in the page of the visit that installed the worker.
 * @param {import('@playwright/test').Page} page
 * @param {string} script
 */
async function seed(page, script) {
	// Through the protocol, which the page's Content Security Policy does not govern.
	await page.evaluate(script);
	await page.evaluate(() => /** @type {any} */ (window).kithTodayBench.open('kith'));
	const seeded = await page.evaluate(
		([c, t]) => /** @type {any} */ (window).kithTodayBench.seed(c, t),
		[SEEDED.contacts, SEEDED.touchpoints]
	);
	if (seeded.contacts !== SEEDED.contacts || seeded.touchpoints !== SEEDED.touchpoints)
		throw new Error(`Seeded ${JSON.stringify(seeded)}`);
	return seeded;
}

/**
 * A profile with the worker installed (and, with `script`, the database seeded), and the medians
 * of `runs` app and bare-page starts on it.
 * @param {string} origin
 * @param {number} runs
 * @param {string} [script] the seeding script, for the seeded variant
 */
async function coldStartOn(origin, runs, script) {
	const profile = await mkdtemp(join(tmpdir(), 'kith-bench-cold-'));
	const app = `${origin}/capture`;
	// Served and precached only by the bench's copy of the build (bare-page.mjs).
	const bare = `${origin}${BARE_PATH}`;
	let seeded;
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
			if (script) seeded = await seed(page, script);
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
			...(seeded ? { seeded } : {}),
			app: summary(appMs),
			bare: summary(bareMs),
			ratio: ratio(median(appMs) / median(bareMs))
		};
	} finally {
		await rm(profile, { recursive: true, force: true });
	}
}

/**
 * @param {string} origin
 * @param {number} runs
 */
export async function coldStart(origin, runs) {
	const empty = await coldStartOn(origin, runs);
	const full = await coldStartOn(origin, runs, await seedScript());
	return {
		method:
			'fresh persistent-context browser per sample on a profile with the service worker installed; offline; CPU throttled via CDP; time from navigation start until a letter typed into the Name field stays there; app and bare page interleaved on the same profile, once with an empty database and once with a seeded one',
		runs,
		...empty,
		seeded: full
	};
}

/**
 * The budget checks and the table's rows.
 * @param {Awaited<ReturnType<typeof coldStart>>} r
 */
export function coldStartChecks(r) {
	const ms = (/** @type {number} */ x) => `${Math.round(x)} ms`;
	const n = (/** @type {number} */ x) => x.toLocaleString('en');
	const checks = [];
	/** @type {Array<[string, string, string?, string?]>} */
	const rows = [];
	for (const [id, label, part] of /** @type {const} */ ([
		['coldStartRatio', '(b) offline cold start, app / bare page (medians)', r],
		[
			'coldStartRatioSeeded',
			`(b) the same at ${n(SEEDED.contacts / 1000)}k contacts, ${n(SEEDED.touchpoints / 1000)}k touchpoints`,
			r.seeded
		]
	])) {
		const ok = part.ratio <= COLD_START_BUDGET.ratio;
		const check = {
			id,
			label,
			value: part.ratio,
			shown: `${part.ratio.toFixed(2)}×`,
			budget: COLD_START_BUDGET.ratio,
			budgetShown: `≤ ${COLD_START_BUDGET.ratio.toFixed(2)}×`,
			ok
		};
		checks.push(check);
		rows.push([label, check.shown, check.budgetShown, ok ? 'ok' : 'OVER BUDGET']);
		rows.push([
			`    app /capture, median of ${r.runs} (p95)`,
			`${ms(part.app.medianMs)} (${ms(part.app.p95Ms)})`
		]);
		rows.push([
			`    bare page, median of ${r.runs} (p95)`,
			`${ms(part.bare.medianMs)} (${ms(part.bare.p95Ms)})`
		]);
	}
	return { checks, rows };
}
