// (d) Search as you type on the real Contacts page of the production build, at 1,000, 10,000 and
// 100,000 contacts, and (d-mem) the JavaScript heap it keeps at 100,000.
//
// Per keystroke: from the input event's timeStamp until the page shows the list for what is in
// the box (the count and the first row match a plain scan of the same rows), with style and layout
// of the new list forced, so it is the main thread's work for that key; the time to the next
// painted frame, which adds the wait for the display's next frame, is context. Long tasks while
// typing come from a PerformanceObserver('longtask'). Keys go in at a brisk typist's pace, each
// after the last is shown; after each query three Backspaces widen it and Ctrl+A, Backspace clears.
//
// Memory: after loading and searching, garbage collected (HeapProfiler.collectGarbage), the page's
// used JS heap (Runtime.getHeapUsage) against the rows themselves: the heap the same contact rows
// take as plain objects, read whole from the same database by a bare page of the same origin
// (getAll), measured the same way as a difference before and after. Their JSON size is context.
// Runs inside `npm run bench`, or alone: `npm run bench -- --only search`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BARE_PATH } from './bare-page.mjs';
import { bundleScript } from './bundle-script.mjs';
import {
	CPU_THROTTLE,
	appDatabaseReady,
	hotFunctions,
	mainThreadTime,
	summary,
	throttle
} from './util.mjs';

export const SEARCH_PAGE_BUDGET = {
	/** One frame at 60 Hz. */
	keystrokeP95Ms: 16,
	longestTaskWhileTypingMs: 50,
	heapOverRows: 2
};

/** A brisk typist: about eight keys a second. */
const KEY_GAP_MS = 120;

/** Installed before any of the app's scripts in every page of the bench's context. */
function instrument() {
	/** @type {any} */
	const b = { longtasks: [], idb: 0, expect: null, pending: null };
	/** @type {any} */ (window).__kithBench = b;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				b.longtasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No long task timing: the figure is then missing, not zero.
		b.longtasks = null;
	}
	// Counts IndexedDB reads, to see which live queries run again while typing.
	for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
		for (const m of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']) {
			const f = /** @type {any} */ (proto)[m];
			if (!f) continue;
			/** @type {any} */ (proto)[m] = function (/** @type {any[]} */ ...args) {
				b.idb++;
				return f.apply(this, args);
			};
		}
	}
	/** @param {{ text: string, firstId: string | null }} exp */
	const shows = (exp) => {
		const count = document.querySelector('[data-testid="contact-count"]')?.textContent?.trim();
		if (count !== exp.text) return false;
		const first = document.querySelector('ul[aria-label="Contacts"] > li a');
		if (exp.firstId === null) return first === null;
		return first !== null && (first.getAttribute('href') ?? '').endsWith(`/${exp.firstId}`);
	};
	addEventListener(
		'input',
		(e) => {
			const target = /** @type {HTMLElement} */ (e.target);
			if (target.id !== 'search' || !b.expect) return;
			const exp = b.expect;
			b.expect = null;
			const t0 = e.timeStamp;
			b.pending = new Promise((resolve) => {
				const finish = () => {
					// Style and layout of the new list, which the frame would do anyway.
					void document.body.offsetHeight;
					const work = performance.now() - t0;
					requestAnimationFrame(() =>
						setTimeout(() => resolve({ work, paint: performance.now() - t0 }))
					);
				};
				// After the input event's task and its microtasks (where Svelte updates the page).
				const channel = new MessageChannel();
				channel.port1.onmessage = () => {
					if (shows(exp)) return finish();
					const timeout = setTimeout(() => {
						observer.disconnect();
						const count = document.querySelector('[data-testid="contact-count"]')?.textContent;
						resolve({ work: NaN, paint: NaN, wrong: `${count} (wanted ${exp.text})` });
					}, 30_000);
					const observer = new MutationObserver(() => {
						if (!shows(exp)) return;
						observer.disconnect();
						clearTimeout(timeout);
						finish();
					});
					observer.observe(document.body, {
						subtree: true,
						childList: true,
						characterData: true,
						attributes: true
					});
				};
				channel.port2.postMessage(null);
			});
		},
		true
	);
}

/**
 * The keys typed and the box's value after each: every query letter by letter, three Backspaces,
 * then cleared.
 * @param {string[]} queries
 */
function script(queries) {
	/** @type {Array<{ keys: string[], value: string }>} */
	const steps = [];
	for (const q of queries) {
		for (let i = 1; i <= q.length; i++) steps.push({ keys: [q[i - 1]], value: q.slice(0, i) });
		for (let i = 1; i <= 3; i++) steps.push({ keys: ['Backspace'], value: q.slice(0, -i) });
		steps.push({ keys: ['Control+A', 'Backspace'], value: '' });
	}
	return steps;
}

/** @param {import('@playwright/test').CDPSession} cdp */
async function usedHeap(cdp) {
	for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	return usedSize;
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin the production build, served as `npm start` does
 * @param {{ sizes: number[], queries: number, outDir: string, contextOptions: object, profile?: boolean }} options
 */
export async function searchPageBench(
	browser,
	origin,
	{ sizes, queries, outDir, contextOptions, profile = false }
) {
	await mkdir(outDir, { recursive: true });
	const bundle = await readFile(
		await bundleScript({
			entry: 'search-page-entry.js',
			outDir,
			name: 'kithSearchPageBundle',
			fileName: 'search-page.js'
		}),
		'utf8'
	);
	/** @type {Record<string, any>} */
	const results = {};
	/** @type {any} */
	let memory;
	/** @type {string[]} */
	let typed = [];
	const largest = Math.max(...sizes);
	for (const size of [...sizes].sort((a, b) => a - b)) {
		const context = await browser.newContext(contextOptions);
		await context.addInitScript(instrument);
		const page = await context.newPage();
		const cpu = await throttle(context, page, { rate: 1 });
		const cdp = await context.newCDPSession(page);
		try {
			await page.goto(`${origin}/`);
			await appDatabaseReady(page);
			// The page's CSP allows no script of ours: the bundle goes in through the debugger.
			await page.evaluate(bundle);
			typed = await page.evaluate(
				([n, first]) => /** @type {any} */ (window).kithSearchPage.queries(n, first),
				[queries, Math.min(...sizes)]
			);
			const steps = script(typed);
			const values = steps.map((s) => s.value);
			const seedStart = performance.now();
			const stored = await page.evaluate(
				(n) => /** @type {any} */ (window).kithSearchPage.seed(n),
				size
			);
			const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
			if (stored !== size) throw new Error(`Seeding ${size}: ${stored} stored`);
			/** @type {Array<{ count: number, firstId: string | null }>} */
			const expected = await page.evaluate(
				(v) => /** @type {any} */ (window).kithSearchPage.expect(v),
				values
			);
			await cpu.set(CPU_THROTTLE);
			/** @type {number[]} */
			const scanMs = await page.evaluate(
				(v) => /** @type {any} */ (window).kithSearchPage.timeScan(v),
				values
			);

			// A fresh load of Contacts, throttled, without the bundle.
			await page.goto(`${origin}/contacts`);
			const all = size.toLocaleString('en');
			const loadMs = await page.waitForFunction(
				(text) =>
					document.querySelector('[data-testid="contact-count"]')?.textContent?.trim() === text &&
					document.querySelector('ul[aria-label="Contacts"] > li') !== null &&
					performance.now(),
				all,
				{ polling: 'raf', timeout: 600_000 }
			);
			const load = await page.evaluate(
				(t) => {
					const b = /** @type {any} */ (window).__kithBench;
					const tasks = b.longtasks ?? [];
					return {
						ms: Math.round(t),
						longestTaskMs: Math.round(
							Math.max(0, ...tasks.map((/** @type {any} */ x) => x.duration))
						),
						idbReads: b.idb
					};
				},
				await loadMs.jsonValue()
			);
			await page.focus('#search');
			await page.evaluate(() => {
				const b = /** @type {any} */ (window).__kithBench;
				if (b.longtasks) b.longtasks.length = 0;
				b.idb = 0;
			});
			/** @type {any[]} */
			const traceEvents = [];
			if (profile) {
				cdp.on('Tracing.dataCollected', (d) => traceEvents.push(...d.value));
				await cdp.send('Tracing.start', {
					categories: 'devtools.timeline,v8,blink.user_timing',
					transferMode: 'ReportEvents'
				});
			}
			if (profile && size === largest) {
				await cdp.send('Profiler.enable');
				await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
				await cdp.send('Profiler.start');
			}
			/** @type {number[]} */
			const work = [];
			/** @type {number[]} */
			const paint = [];
			/** @type {string[]} */
			const wrong = [];
			for (const [i, step] of steps.entries()) {
				const exp = expected[i];
				const text = step.value.trim() === '' ? all : `${exp.count.toLocaleString('en')} of ${all}`;
				await page.evaluate(
					(e) => {
						const b = /** @type {any} */ (window).__kithBench;
						b.expect = e;
						b.pending = null;
					},
					{ text, firstId: exp.firstId }
				);
				const pressed = performance.now();
				for (const key of step.keys) await page.keyboard.press(key);
				const r = await page.evaluate(async () => {
					const b = /** @type {any} */ (window).__kithBench;
					while (!b.pending) await new Promise((res) => setTimeout(res, 5));
					return b.pending;
				});
				if (r.wrong) wrong.push(`"${step.value}": ${r.wrong}`);
				else {
					work.push(r.work);
					paint.push(r.paint);
				}
				const left = KEY_GAP_MS - (performance.now() - pressed);
				if (left > 0) await new Promise((res) => setTimeout(res, left));
			}
			/** @type {any} */
			let trace;
			if (profile) {
				const ended = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
				await cdp.send('Tracing.end');
				await ended;
				trace = mainThreadTime(traceEvents);
			}
			/** @type {any} */
			let hot;
			if (profile && size === largest) {
				const { profile: p } = await cdp.send('Profiler.stop');
				await writeFile(join(outDir, `typing-${size}.cpuprofile`), JSON.stringify(p));
				hot = hotFunctions(p);
			}
			const typing = await page.evaluate(() => {
				const b = /** @type {any} */ (window).__kithBench;
				const tasks = b.longtasks;
				return {
					longTasks: tasks ? tasks.length : null,
					longestTaskMs: tasks
						? Math.round(Math.max(0, ...tasks.map((/** @type {any} */ x) => x.duration)))
						: null,
					idbReads: b.idb
				};
			});
			await cpu.set(1);
			results[size] = {
				keystrokes: steps.length,
				seedSeconds,
				load,
				work: summary(work),
				paint: summary(paint),
				scan: summary(scanMs),
				typing,
				wrong,
				...(hot ? { profile: hot } : {}),
				...(trace ? { trace } : {})
			};

			if (size === largest) {
				// Searched, and left with a search in the box, as a user would leave it.
				for (const ch of typed[0]) await page.keyboard.press(ch);
				await page.waitForTimeout(1000);
				const appHeap = await usedHeap(cdp);
				await page.goto(`${origin}${BARE_PATH}`);
				const before = await usedHeap(cdp);
				const jsonBytes = await page.evaluate(
					() =>
						new Promise((resolve, reject) => {
							const req = indexedDB.open('kith');
							req.onerror = () => reject(req.error);
							req.onsuccess = () => {
								const all = req.result.transaction('contacts').objectStore('contacts').getAll();
								all.onerror = () => reject(all.error);
								all.onsuccess = () => {
									/** @type {any} */ (window).__rows = all.result;
									req.result.close();
									// The length of the JSON text, in UTF-16 units: about its size in bytes.
									resolve(JSON.stringify(all.result).length);
								};
							};
						})
				);
				const after = await usedHeap(cdp);
				const rowsHeap = after - before;
				memory = {
					contacts: size,
					appHeapBytes: appHeap,
					rowsHeapBytes: rowsHeap,
					rowsJsonBytes: jsonBytes,
					ratio: Math.round((appHeap / rowsHeap) * 100) / 100
				};
			}
		} finally {
			await cpu.detach().catch(() => {});
			await cdp.detach().catch(() => {});
			await context.close();
		}
	}
	return {
		method: `the built Contacts page at ${CPU_THROTTLE}x CPU throttle (seeding unthrottled, raw IndexedDB puts of the repository's rows): per key, from the input event's timeStamp until the count and first row match a scan of the same rows, with style and layout forced ('work'), and until the next frame has painted ('paint'); keys ${KEY_GAP_MS} ms apart or after the last was shown; longest long task while typing; load is navigation start to the whole list counted and its first row drawn. Baseline row: a scan of an array of the same rows' words with the app's matchesAll, sorted by updatedAt. Memory: used JS heap after 3 forced GCs, page left with a search typed, against the heap the same stored rows take as plain objects in a bare page (getAll, difference before and after)`,
		queries: typed,
		sizes: results,
		memory
	};
}

/**
 * The budgets and table rows of (d) and (d-mem).
 * @param {Awaited<ReturnType<typeof searchPageBench>>} r
 */
export function searchPageChecks(r) {
	const ms = (/** @type {number} */ x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
	const mb = (/** @type {number} */ x) => `${(x / 2 ** 20).toFixed(1)} MB`;
	/** @type {Array<{ id: string, label: string, value: number, shown: string, budget: number, budgetShown: string, ok: boolean }>} */
	const checks = [];
	/** @type {Array<[string, string, string?, string?]>} */
	const rows = [];
	const add = (/** @type {any} */ c) => {
		const ok = c.strict ? c.value < c.budget : c.value <= c.budget;
		checks.push({ ...c, ok });
		rows.push([c.label, c.shown, c.budgetShown, ok ? 'ok' : 'OVER BUDGET']);
	};
	for (const [size, s] of Object.entries(r.sizes)) {
		const n = Number(size).toLocaleString('en');
		add({
			id: `searchKeyP95At${size}`,
			label: `(d) Contacts page, p95 per keystroke at ${n}`,
			value: s.work.p95Ms,
			shown: ms(s.work.p95Ms),
			budget: SEARCH_PAGE_BUDGET.keystrokeP95Ms,
			budgetShown: `≤ ${ms(SEARCH_PAGE_BUDGET.keystrokeP95Ms)}`
		});
		add({
			id: `searchLongestTaskAt${size}`,
			label: `(d) longest task while typing at ${n}`,
			value: s.typing.longestTaskMs ?? Infinity,
			shown: s.typing.longestTaskMs === null ? 'not measured' : ms(s.typing.longestTaskMs),
			budget: SEARCH_PAGE_BUDGET.longestTaskWhileTypingMs,
			budgetShown: `≤ ${ms(SEARCH_PAGE_BUDGET.longestTaskWhileTypingMs)}`
		});
		if (s.wrong.length > 0) {
			add({
				id: `searchWrongAt${size}`,
				label: `(d) lists unlike a full scan's at ${n}`,
				value: s.wrong.length,
				shown: `${s.wrong.length} of ${s.keystrokes} keys`,
				budget: 0,
				budgetShown: '0'
			});
		}
		rows.push([
			`    ${n}: median per key; to next paint p95 (median)`,
			`${ms(s.work.medianMs)}; ${ms(s.paint.p95Ms)} (${ms(s.paint.medianMs)})`
		]);
		rows.push([
			`    ${n}: array scan of the same rows p95 (median)`,
			`${ms(s.scan.p95Ms)} (${ms(s.scan.medianMs)})`
		]);
		rows.push([
			`    ${n}: load to the list counted; its longest task`,
			`${ms(s.load.ms)}; ${ms(s.load.longestTaskMs)}`
		]);
		rows.push([
			`    ${n}: IndexedDB reads at load / while typing ${s.keystrokes} keys`,
			`${s.load.idbReads} / ${s.typing.idbReads}`
		]);
	}
	if (r.memory) {
		const m = r.memory;
		add({
			id: 'searchHeapOverRows',
			label: `(d) JS heap at ${m.contacts.toLocaleString('en')} / the rows' own heap`,
			value: m.ratio,
			shown: `${m.ratio.toFixed(2)}×`,
			budget: SEARCH_PAGE_BUDGET.heapOverRows,
			strict: true,
			budgetShown: `< ${SEARCH_PAGE_BUDGET.heapOverRows.toFixed(2)}×`
		});
		rows.push([
			'    Contacts page heap; the rows as plain objects; as JSON',
			`${mb(m.appHeapBytes)}; ${mb(m.rowsHeapBytes)}; ${mb(m.rowsJsonBytes)}`
		]);
	}
	return { checks, rows };
}
