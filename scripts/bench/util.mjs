// Shared pieces of `npm run bench`: the browser it drives, statistics and formatting.
import { gzipSync } from 'node:zlib';

export { chromiumArgs, chromiumPath } from '../chromium.mjs';

/** A phone-sized window, as the end-to-end tests use. */
export const phone = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 1,
	isMobile: true,
	hasTouch: true
};

export const CPU_THROTTLE = 4;

/** @param {Buffer | string} body */
export const gzipSize = (body) => gzipSync(body, { level: 9 }).length;

/** @param {number[]} values */
function sorted(values) {
	return [...values].sort((a, b) => a - b);
}

/** @param {number[]} values */
export function median(values) {
	const s = sorted(values);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Nearest-rank percentile.
 * @param {number[]} values
 * @param {number} p between 0 and 100
 */
export function percentile(values, p) {
	const s = sorted(values);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** @param {number[]} values */
export function summary(values) {
	const round = (/** @type {number} */ x) => Math.round(x * 100) / 100;
	return {
		n: values.length,
		medianMs: round(median(values)),
		p95Ms: round(percentile(values, 95)),
		minMs: round(Math.min(...values)),
		maxMs: round(Math.max(...values)),
		samplesMs: values.map(round)
	};
}

/** @param {number} x */
export const ratio = (x) => Math.round(x * 100) / 100;

/**
 * Throttles the page's CPU through a CDP session of its own. Once such a session is attached,
 * Playwright's own offline switch no longer reaches the page (navigator.onLine stays true), so the
 * same session cuts the network when asked to.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {import('@playwright/test').Page} page
 */
export async function throttle(context, page, { rate = CPU_THROTTLE, offline = false } = {}) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	if (offline) {
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: true,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: -1
		});
	}
	return {
		/** @param {number} r */
		set: (r) => cdp.send('Emulation.setCPUThrottlingRate', { rate: r }),
		detach: () => cdp.detach()
	};
}

/** @param {string} label */
export function step(label) {
	const start = performance.now();
	process.stdout.write(`• ${label}…`);
	return () => {
		process.stdout.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
	};
}

/**
 * Waits until the app has created its database. Opening 'kith' before that would create an empty
 * database of the bench's own and block the app's upgrade. (page.waitForFunction does not wait for
 * an async predicate: the promise it returns counts as true at once.)
 * @param {import('@playwright/test').Page} page
 */
export async function appDatabaseReady(page, timeoutMs = 30_000) {
	await page.evaluate(async (limit) => {
		const until = performance.now() + limit;
		for (;;) {
			const all = await indexedDB.databases();
			if (all.some((d) => d.name === 'kith' && (d.version ?? 0) > 0)) return;
			if (performance.now() > until) throw new Error('The app did not create its database');
			await new Promise((r) => setTimeout(r, 50));
		}
	}, timeoutMs);
}
