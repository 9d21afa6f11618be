// (e) Today and a contact's page. Today's lists (follow-ups of contacts and touchpoints, give-back
// nudges) over 5,000 contacts and 50,000 touchpoints, against the one indexed read a minimal Today
// needs; and the time to open a contact page holding 200 touchpoints, in the built app.
// Runs inside `npm run bench`, or alone: `npm run bench -- --only today`.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from './bundle-script.mjs';
import { startStaticServer } from '../../tests/support/static-server.mjs';
import {
	CPU_THROTTLE,
	chromiumArgs,
	chromiumPath,
	median,
	percentile,
	phone,
	ratio,
	step,
	summary,
	throttle
} from './util.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

export const TODAY_CONTACTS = 5_000;
export const TODAY_TOUCHPOINTS = 50_000;
const LIST_RUNS = 15;
const PAGE_TOUCHPOINTS = 200;
const PAGE_RUNS = 20;
export const TODAY_BUDGET = { listsRatio: 3 };

/** @param {string} outDir */
async function buildTodayBundle(outDir) {
	await bundleScript({
		entry: 'today-entry.js',
		outDir,
		name: 'kithTodayBenchBundle',
		fileName: 'today.js'
	});
	await writeFile(
		join(outDir, 'index.html'),
		'<!doctype html><meta charset="utf-8"><title>Kith Today bench</title><script src="/today.js"></script>\n'
	);
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ outDir: string, contextOptions: object }} options
 */
async function listsBench(browser, { outDir, contextOptions }) {
	await mkdir(outDir, { recursive: true });
	await buildTodayBundle(outDir);
	// An origin of its own, so its database never meets the app's.
	const server = await startStaticServer(outDir, 0);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	const cpu = await throttle(context, page, { rate: 1 });
	try {
		await page.goto(`http://127.0.0.1:${address.port}/`);
		await page.waitForFunction(() => 'kithTodayBench' in window);
		await page.evaluate(
			(name) => /** @type {any} */ (window).kithTodayBench.open(name),
			`kith-bench-today-${Date.now()}`
		);
		const seeded = await page.evaluate(
			([c, t]) => /** @type {any} */ (window).kithTodayBench.seed(c, t),
			[TODAY_CONTACTS, TODAY_TOUCHPOINTS]
		);
		if (seeded.contacts !== TODAY_CONTACTS || seeded.touchpoints !== TODAY_TOUCHPOINTS)
			throw new Error(`Seeded ${JSON.stringify(seeded)}`);
		await cpu.set(CPU_THROTTLE);
		const timed = await page.evaluate(
			(n) => /** @type {any} */ (window).kithTodayBench.time(n),
			LIST_RUNS
		);
		await cpu.set(1);
		await page.evaluate(() => /** @type {any} */ (window).kithTodayBench.close());
		return {
			method: `todayLists(today)(repos(db)) (contacts' nextFollowUpOn range, touchpoints' followUpOn range, touchpoints of the last 120 days by \`on\`, owners by bulkGet, the pure rules) against db.interactions.where('followUpOn').belowOrEqual(today).toArray(), interleaved, ${LIST_RUNS} runs each at ${CPU_THROTTLE}x CPU throttle; 4 years of touchpoints, 40% with outcomes, 30% with something given, 15% with a follow-up`,
			seeded,
			baselineRows: timed.baseRows,
			followUps: timed.followUps,
			giveBack: timed.giveBack,
			app: summary(timed.app),
			baseline: summary(timed.base),
			ratio: ratio(median(timed.app) / median(timed.base)),
			ratioP95: ratio(percentile(timed.app, 95) / percentile(timed.base, 95))
		};
	} finally {
		await cpu.detach().catch(() => {});
		await context.close();
		await new Promise((r) => server.close(r));
	}
}

/**
 * Opens a contact with 200 touchpoints from Today's follow-up list (a client-side navigation, as
 * a user taps it) until the whole timeline is in the page and a frame has been painted.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {object} contextOptions
 */
async function contactPageBench(browser, origin, contextOptions) {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	try {
		await page.goto(`${origin}/`);
		await page.getByRole('heading', { name: 'Today' }).waitFor();
		// The app has created its database by now; rows go in the raw way, as a restore would.
		await page.evaluate(async (count) => {
			const d = new Date();
			const iso = (/** @type {Date} */ x) =>
				`${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
			const today = iso(d);
			const db = await new Promise((res, rej) => {
				const open = indexedDB.open('kith');
				open.onsuccess = () => res(open.result);
				open.onerror = () => rej(open.error);
			});
			const tx = /** @type {IDBDatabase} */ (db).transaction(
				['contacts', 'interactions', 'interviews'],
				'readwrite'
			);
			const now = Date.now();
			tx.objectStore('contacts').put({
				id: 'bench-page',
				name: 'Bench Person',
				organization: 'Riverside Library',
				emails: [],
				phones: [],
				links: [],
				tags: [],
				nextFollowUpOn: today,
				createdAt: now,
				updatedAt: now,
				words: ['bench', 'person', 'riverside', 'library']
			});
			const outcomes = ['inside-info', 'resume-tips', 'names', 'interview'];
			for (let i = 0; i < count; i++) {
				const on = new Date(d);
				on.setDate(on.getDate() - i * 3);
				tx.objectStore('interactions').put({
					id: `bench-t-${i}`,
					contactId: 'bench-page',
					on: iso(on),
					channel: 'call',
					summary: `Touchpoint ${i}: talked about the archives team, a conference and who else to ask.`,
					received: i % 2 ? [outcomes[i % 4]] : [],
					...(i % 3 ? {} : { gave: 'Sent an article' }),
					followUpDone: false,
					createdAt: now - i,
					updatedAt: now - i
				});
			}
			for (let i = 0; i < 2; i++) {
				tx.objectStore('interviews').put({
					id: `bench-i-${i}`,
					contactId: 'bench-page',
					organization: 'Riverside Library',
					scheduledAt: now - i * 86_400_000 * 30,
					mode: 'video',
					status: 'done',
					questions: [],
					referralIds: [],
					createdAt: now,
					updatedAt: now
				});
			}
			await new Promise((res, rej) => {
				tx.oncomplete = res;
				tx.onerror = () => rej(tx.error);
			});
			/** @type {IDBDatabase} */ (db).close();
		}, PAGE_TOUCHPOINTS);
		await page.reload();
		const link = page.getByRole('link', { name: 'Bench Person' }).first();
		await link.waitFor();
		const cpu = await throttle(context, page);
		const want = PAGE_TOUCHPOINTS + 2;
		/** @type {number[]} */
		const samples = [];
		try {
			for (let i = 0; i < PAGE_RUNS + 1; i++) {
				const ms = await page.evaluate(async (want) => {
					const a = [...document.querySelectorAll('a')].find(
						(x) => x.textContent?.trim() === 'Bench Person'
					);
					if (!a) throw new Error('No link on Today');
					const done = () => {
						const h = [...document.querySelectorAll('h2')].find(
							(x) => x.textContent === 'Timeline'
						);
						const ol = h?.nextElementSibling;
						return ol?.tagName === 'OL' && ol.children.length >= want;
					};
					const start = performance.now();
					await new Promise((res) => {
						const obs = new MutationObserver(() => {
							if (done()) {
								obs.disconnect();
								res(undefined);
							}
						});
						obs.observe(document.body, { childList: true, subtree: true });
						a.click();
					});
					await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
					return performance.now() - start;
				}, want);
				// The first opening compiles the page's code: not what a user sees on later visits.
				if (i > 0) samples.push(ms);
				await page.goBack();
				await link.waitFor();
			}
		} finally {
			await cpu.detach().catch(() => {});
		}
		return {
			method: `click on the contact's link on Today until the timeline holds its ${PAGE_TOUCHPOINTS} touchpoints and 2 interviews and a frame is painted (MutationObserver, then requestAnimationFrame), ${PAGE_RUNS} openings after one warm-up, ${CPU_THROTTLE}x CPU throttle`,
			touchpoints: PAGE_TOUCHPOINTS,
			open: summary(samples)
		};
	} finally {
		await context.close();
	}
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ outDir: string, contextOptions?: object }} options
 */
export async function todayBench(browser, origin, { outDir, contextOptions = phone }) {
	const lists = await listsBench(browser, { outDir: join(outDir, 'today-bundle'), contextOptions });
	const contactPage = await contactPageBench(browser, origin, contextOptions);
	return { lists, contactPage };
}

/** The figures' rows for the report table: [label, value, budget, verdict]. */
export function todayRows(/** @type {Awaited<ReturnType<typeof todayBench>>} */ r) {
	const ok = r.lists.ratio <= TODAY_BUDGET.listsRatio;
	const ms = (/** @type {number} */ x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
	return {
		ok,
		check: {
			id: 'todayListsRatio',
			label: '(e) Today lists at 5k/50k, app / one indexed read',
			value: r.lists.ratio,
			budget: TODAY_BUDGET.listsRatio,
			ok
		},
		rows: [
			[
				'(e) Today lists at 5k/50k, app / one indexed read',
				`${r.lists.ratio.toFixed(2)}×`,
				`≤ ${TODAY_BUDGET.listsRatio.toFixed(2)}×`,
				ok ? 'ok' : 'OVER BUDGET'
			],
			[
				`    app, median / p95 (${r.lists.followUps} due, ${r.lists.giveBack} to give back)`,
				`${ms(r.lists.app.medianMs)} / ${ms(r.lists.app.p95Ms)}`
			],
			[
				`    followUpOn read (${r.lists.baselineRows} rows), median / p95`,
				`${ms(r.lists.baseline.medianMs)} / ${ms(r.lists.baseline.p95Ms)}`
			],
			[
				`(e) open a contact with ${r.contactPage.touchpoints} touchpoints, p95 (median)`,
				`${ms(r.contactPage.open.p95Ms)} (${ms(r.contactPage.open.medianMs)})`
			]
		]
	};
}

/** `npm run bench -- --only today`: this part alone, against the fresh build. */
export async function main() {
	const buildDir = join(root, 'build');
	const outDir = join(root, 'bench-results');
	if (!existsSync(join(buildDir, 'sw.js')))
		throw new Error('No build/sw.js: run `npm run build` first.');
	const server = await startStaticServer(buildDir, 0);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	let result;
	try {
		const done = step(
			`(e) Today at ${TODAY_CONTACTS.toLocaleString('en')} contacts and ${TODAY_TOUCHPOINTS.toLocaleString('en')} touchpoints; a contact page with ${PAGE_TOUCHPOINTS}`
		);
		result = await todayBench(browser, `http://127.0.0.1:${address.port}`, { outDir });
		done();
	} finally {
		await browser.close();
		await new Promise((r) => server.close(r));
	}
	const { rows, check } = todayRows(result);
	console.log('');
	for (const [label, value, budget = '', verdict = ''] of rows)
		console.log(`${label.padEnd(60)}${value.padEnd(22)}${budget.padEnd(12)}${verdict}`);
	if (!check.ok)
		console.log(`\nOVER BUDGET: ${check.label}: ${check.value}×, budget ≤ ${check.budget}×`);
	await mkdir(outDir, { recursive: true });
	const file = join(outDir, 'today.json');
	await writeFile(
		file,
		`${JSON.stringify({ generatedAt: new Date().toISOString(), ...result }, null, '\t')}\n`
	);
	console.log(`\nWrote ${file}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
