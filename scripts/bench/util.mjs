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
			// Dexie declares version n as 10n; a version below 10 is not the app's schema yet.
			if (all.some((d) => d.name === 'kith' && (d.version ?? 0) >= 10)) return;
			if (performance.now() > until) throw new Error('The app did not create its database');
			await new Promise((r) => setTimeout(r, 50));
		}
	}, timeoutMs);
}

/**
 * Sums the self time of one CPU profile, or of several, by function and place, the largest first.
 * @param {any} profiles
 */
export function hotFunctions(profiles, top = 15) {
	/** @type {Map<string, number>} */
	const self = new Map();
	for (const profile of Array.isArray(profiles) ? profiles : [profiles]) {
		/** @type {Map<number, any>} */
		const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
		const deltas = profile.timeDeltas;
		for (let i = 0; i < profile.samples.length; i++) {
			const n = nodes.get(profile.samples[i]);
			const f = n.callFrame;
			const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
			self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
		}
	}
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	return {
		totalMs: Math.round(total),
		top: [...self.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([fn, ms]) => ({ fn, ms: Math.round(ms), share: Math.round((ms / total) * 100) }))
	};
}

/**
 * The renderer main thread's time by kind of trace event (nested kinds overlap their parents).
 * @param {any[]} events
 */
export function mainThreadTime(events) {
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	// Self thread time (tdur, CPU rather than wall clock) by event name: children subtracted.
	const xs = events
		.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
		.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
	/** @type {Record<string, number>} */
	const self = {};
	/** @type {any[]} */
	const stack = [];
	for (const e of xs) {
		while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts)
			stack.pop();
		const t = (e.tdur ?? e.dur) / 1000;
		self[e.name] = (self[e.name] ?? 0) + t;
		const parent = stack[stack.length - 1];
		if (parent) self[parent.name] -= t;
		stack.push(e);
	}
	return Object.fromEntries(
		Object.entries(self)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 20)
			.map(([k, v]) => [k, Math.round(v)])
	);
}
