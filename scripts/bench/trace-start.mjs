// `node scripts/bench/trace-start.mjs [path ...]`: where an offline cold start spends its time.
// Not part of `npm run bench`: a tool to look before changing code. It installs the service worker
// as (b) does, then opens each path in a fresh browser, offline, CPU throttled, with a Chromium
// performance trace running, and prints what happened between navigation start and the moment
// the Name field (or, for other paths, the first paint) took a key: the worker's start, the
// document's response, each script's fetch and evaluation, the long tasks. The trace files are
// written to bench-results/trace-*.json, for Chromium's Performance panel.
import { chromium } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../tests/support/static-server.mjs';
import { BARE_PATH, buildWithBarePage } from './bare-page.mjs';
import { READY_PROBE } from './cold-start.mjs';
import { CPU_THROTTLE, chromiumArgs, chromiumPath, phone } from './util.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/capture', BARE_PATH];
const CATEGORIES = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'blink.user_timing',
	'loading',
	'navigation',
	'ServiceWorker',
	'disabled-by-default-v8.compile',
	'toplevel',
	'disabled-by-default-v8.cpu_profiler'
].join(',');

const served = await buildWithBarePage(join(root, 'build'));
const server = await startStaticServer(served.dir, 0);
const origin = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}`;
const profile = await mkdtemp(join(tmpdir(), 'kith-trace-'));
const launch = (/** @type {boolean} */ offline) =>
	chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		args: chromiumArgs,
		...phone,
		offline,
		serviceWorkers: 'allow'
	});
try {
	const first = await launch(false);
	const p = first.pages()[0] ?? (await first.newPage());
	await p.goto(`${origin}/capture`);
	await p.evaluate(() => navigator.serviceWorker.ready);
	await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await p.waitForTimeout(1000);
	await first.close();
	await mkdir(join(root, 'bench-results'), { recursive: true });
	for (const path of paths) {
		const context = await launch(true);
		await context.addInitScript(READY_PROBE);
		const page = context.pages()[0] ?? (await context.newPage());
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: true,
			latency: 0,
			downloadThroughput: -1,
			uploadThroughput: -1
		});
		/** @type {any[]} */
		const events = [];
		cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
		const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
		await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
		await page.goto(`${origin}${path}`, { waitUntil: 'commit', timeout: 60_000 });
		const hasName = path === '/capture' || path === BARE_PATH;
		const ready = hasName
			? await page.evaluate(() => /** @type {any} */ (window).__benchReady)
			: { ms: NaN };
		await page.waitForTimeout(500);
		const nav = await page.evaluate(() => {
			const n = /** @type {PerformanceNavigationTiming} */ (
				performance.getEntriesByType('navigation')[0]
			);
			const paints = Object.fromEntries(
				performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)])
			);
			const res = performance.getEntriesByType('resource').map((r) => ({
				name: new URL(r.name).pathname,
				start: Math.round(r.startTime),
				end: Math.round(r.responseEnd)
			}));
			return {
				workerStart: Math.round(n.workerStart),
				fetchStart: Math.round(n.fetchStart),
				responseEnd: Math.round(n.responseEnd),
				domInteractive: Math.round(n.domInteractive),
				domContentLoaded: Math.round(n.domContentLoadedEventEnd),
				load: Math.round(n.loadEventEnd),
				paints,
				res
			};
		});
		await cdp.send('Tracing.end');
		await done;
		await cdp.detach();
		await context.close();
		const name = path.replace(/\W+/g, '_') || 'root';
		await writeFile(
			join(root, 'bench-results', `trace${name}.json`),
			JSON.stringify({ traceEvents: events })
		);
		console.log(`\n== ${path}: ready at ${Math.round(ready.ms)} ms`);
		console.log(JSON.stringify({ ...nav, res: undefined }));
		for (const r of nav.res)
			console.log(`  ${String(r.start).padStart(5)} → ${String(r.end).padStart(5)}  ${r.name}`);
		summarize(events, ready.ms);
	}
} finally {
	await rm(profile, { recursive: true, force: true });
	await new Promise((r) => server.close(r));
	await served.remove();
}

/** Prints the main thread's top-level tasks and what ran in them, relative to navigation start. */
function summarize(/** @type {any[]} */ events, /** @type {number} */ readyMs) {
	const navStart = events.find(
		(e) =>
			e.name === 'navigationStart' &&
			e.args?.data?.isLoadingMainFrame &&
			e.args?.data?.documentLoaderURL
	);
	const t0 = navStart?.ts ?? Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
	const main = navStart ? navStart.tid : undefined;
	const pid = navStart?.pid;
	const at = (/** @type {number} */ ts) => ((ts - t0) / 1000).toFixed(0).padStart(5);
	const interesting = new Set([
		'EvaluateScript',
		'v8.compileModule',
		'v8.evaluateModule',
		'ParseHTML',
		'ParseAuthorStyleSheet',
		'UpdateLayoutTree',
		'Layout',
		'Paint',
		'FunctionCall',
		'TimerFire',
		'FireAnimationFrame',
		'RunMicrotasks',
		'v8.run',
		'firstContentfulPaint',
		'largestContentfulPaint::Candidate',
		'MarkDOMContent',
		'MarkLoad',
		'ResourceSendRequest',
		'ResourceFinish'
	]);
	const rows = events
		.filter((e) => e.pid === pid && (e.tid === main || e.name === 'ResourceSendRequest'))
		.filter((e) => interesting.has(e.name) || (e.name === 'RunTask' && (e.dur ?? 0) > 20_000))
		.filter((e) => (e.ph === 'X' ? (e.dur ?? 0) > 3_000 || e.name === 'RunTask' : true))
		.sort((a, b) => a.ts - b.ts);
	for (const e of rows) {
		const d = e.args?.data ?? {};
		const what = d.url ? new URL(d.url, 'http://x').pathname : (d.functionName ?? d.type ?? '');
		const dur = e.dur ? `${(e.dur / 1000).toFixed(1)} ms` : '';
		console.log(`${at(e.ts)}  ${e.name.padEnd(24)} ${dur.padStart(9)}  ${what}`);
	}
	selfTimes(events, pid, t0 + (Number.isNaN(readyMs) ? 1e12 : readyMs * 1000));
	const sw = events.filter((e) => /ServiceWorker/i.test(e.cat) && e.ph !== 'n');
	const swNames = [...new Set(sw.map((e) => e.name))].slice(0, 30);
	console.log('  service worker events:', swNames.join(', '));
	for (const e of sw
		.filter((x) =>
			/StartWorker|DispatchFetchEvent|FetchEvent|ForwardServiceWorker|StartServiceWorker/.test(
				x.name
			)
		)
		.slice(0, 12)) {
		console.log(`${at(e.ts)}  ${e.name} ${e.ph} ${e.dur ? (e.dur / 1000).toFixed(1) + ' ms' : ''}`);
	}
}

/**
 * Self time of the page's JavaScript by script, from the sampling profiler's chunks in the trace,
 * up to the moment the page took a key.
 */
function selfTimes(
	/** @type {any[]} */ events,
	/** @type {number} */ pid,
	/** @type {number} */ until
) {
	/** @type {Map<number, any>} */
	const nodes = new Map();
	/** @type {Map<string, number>} */
	const byUrl = new Map();
	/** @type {Map<string, number>} */
	const byFn = new Map();
	/** @type {Map<string, number>} */
	const clocks = new Map();
	for (const e of events.filter(
		(x) => x.pid === pid && (x.name === 'Profile' || x.name === 'ProfileChunk')
	)) {
		const d = e.args?.data ?? {};
		const cp = d.cpuProfile ?? {};
		for (const n of cp.nodes ?? []) nodes.set(`${e.id}:${n.id}`, n);
		const samples = cp.samples ?? [];
		const deltas = d.timeDeltas ?? [];
		if (e.name === 'Profile') clocks.set(e.id, d.startTime);
		let clock = clocks.get(e.id) ?? 0;
		for (let i = 0; i < samples.length; i++) {
			clock += deltas[i] ?? 0;
			if (clock > until) continue;
			const n = nodes.get(`${e.id}:${samples[i]}`);
			const f = n?.callFrame;
			if (!f) continue;
			const url = f.url ? new URL(f.url, 'http://x').pathname : `(${f.functionName || 'native'})`;
			const dt = (deltas[i] ?? 0) / 1000;
			byUrl.set(url, (byUrl.get(url) ?? 0) + dt);
			const fn = `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber}`;
			byFn.set(fn, (byFn.get(fn) ?? 0) + dt);
		}
		clocks.set(e.id, clock);
	}
	const top = (/** @type {Map<string, number>} */ m, n) =>
		[...m].sort((a, b) => b[1] - a[1]).slice(0, n);
	console.log('  self time by script (ms):');
	for (const [k, v] of top(byUrl, 14)) console.log(`    ${v.toFixed(0).padStart(6)}  ${k}`);
	console.log('  self time by function (ms):');
	for (const [k, v] of top(byFn, 20)) console.log(`    ${v.toFixed(0).padStart(6)}  ${k}`);
}
