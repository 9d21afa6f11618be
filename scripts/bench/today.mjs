// (e) Today and a contact's page. Today's lists (follow-ups of contacts and touchpoints, give-back
// nudges) over 5,000 contacts and 50,000 touchpoints, against the one indexed read a minimal Today
// needs; and the time to open a contact page holding 200 touchpoints, in the built app.
// Runs inside `npm run bench`, or alone: `npm run bench -- --only today`. With `--profile`, the
// contact page's timed openings are also profiled, each from the click until the timeline shows
// (the first in bench-results/contact-page.cpuprofile, for Chromium's DevTools), and the self time
// by function of all of them is in the report's JSON.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from './bundle-script.mjs';
import { startStaticServer } from '../../tests/support/static-server.mjs';
import {
	CPU_THROTTLE,
	appDatabaseReady,
	chromiumArgs,
	chromiumPath,
	hotFunctions,
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
// Medians and p95s alike (issue 18).
export const TODAY_BUDGET = { listsRatio: 1.5, contactPageRatio: 1.5 };

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

/** Local calendar day as `YYYY-MM-DD`, `daysAgo` days before today. */
function dayBefore(/** @type {number} */ daysAgo) {
	const d = new Date();
	d.setDate(d.getDate() - daysAgo);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The contact page's touchpoints, one every three days back, as both pages store them. */
function pageTouchpoints(/** @type {number} */ count) {
	const now = Date.now();
	const outcomes = ['inside-info', 'resume-tips', 'names', 'interview'];
	return Array.from({ length: count }, (_, i) => ({
		id: `bench-t-${i}`,
		contactId: 'bench-page',
		on: dayBefore(i * 3),
		channel: 'call',
		summary: `Touchpoint ${i}: talked about the archives team, a conference and who else to ask.`,
		received: i % 2 ? [outcomes[i % 4]] : [],
		...(i % 3 ? {} : { gave: 'Sent an article' }),
		followUpDone: false,
		createdAt: now - i,
		updatedAt: now - i
	}));
}

/**
 * Runs in a page: clicks the link named `name`, waits until the list after the "Timeline" heading
 * shows the newest touchpoint (`newest`, among its first three entries) and a frame has been
 * painted; returns the milliseconds from the click. The app renders a long timeline a screenful
 * at a time (the rest as it is scrolled to, checked apart), the bare page all of it at once.
 * @param {{ name: string, newest: string }} arg
 */
async function timeOpening({ name, newest }) {
	const a = [...document.querySelectorAll('a')].find((x) => x.textContent?.trim() === name);
	if (!a) throw new Error(`No link ${name}`);
	const done = () => {
		const h = [...document.querySelectorAll('h2')].find((x) => x.textContent === 'Timeline');
		const ol = h?.nextElementSibling;
		return (
			ol?.tagName === 'OL' &&
			[...ol.children].slice(0, 3).some((li) => li.textContent?.includes(newest))
		);
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
}

/**
 * Runs in the app's contact page: scrolls the timeline's end into view until it holds `want`
 * entries, so a page that rendered only its first screen cannot pass for the whole timeline.
 * @param {number} want
 */
async function scrollTimelineToEnd(want) {
	const h = [...document.querySelectorAll('h2')].find((x) => x.textContent === 'Timeline');
	const ol = h?.nextElementSibling;
	if (!ol) throw new Error('No timeline');
	for (let i = 0; i < 100 && ol.children.length < want; i++) {
		ol.lastElementChild?.scrollIntoView();
		await new Promise((res) => setTimeout(res, 50));
	}
	return ol.children.length;
}

/**
 * Opens a contact with 200 touchpoints from Today's follow-up list (a client-side navigation, as
 * a user taps it) until the whole timeline is in the page and a frame has been painted; and, run
 * for run in turn, the bare page (bare-contact.html) opening the same touchpoints.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ outDir: string, contextOptions: object }} options
 */
async function contactPageBench(browser, origin, { outDir, contextOptions }) {
	const rows = pageTouchpoints(PAGE_TOUCHPOINTS);
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	// The bare page: an origin of its own, so its database never meets the app's.
	const bareDir = join(outDir, 'contact-bare');
	await mkdir(bareDir, { recursive: true });
	for (const f of ['bare-contact.html', 'bare-contact.js'])
		await copyFile(join(here, f), join(bareDir, f === 'bare-contact.html' ? 'index.html' : f));
	const bareServer = await startStaticServer(bareDir, 0);
	const bareAddress = /** @type {import('node:net').AddressInfo} */ (bareServer.address());
	const bareContext = await browser.newContext(contextOptions);
	const bare = await bareContext.newPage();
	try {
		// Today on a first visit never creates the database (it paints before the database code
		// loads): the contacts list opens it. Once it exists, rows go in the raw way, as a restore
		// would.
		await page.goto(`${origin}/contacts`);
		await appDatabaseReady(page);
		await page.evaluate(
			async ({ rows, today }) => {
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
				for (const row of rows) tx.objectStore('interactions').put(row);
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
			},
			{ rows, today: dayBefore(0) }
		);
		// Openings are timed from Today's follow-up list, as a person would open the contact.
		await page.goto(`${origin}/`);
		const link = page.getByRole('link', { name: 'Bench Person', exact: true }).first();
		await link.waitFor();
		await bare.goto(`http://127.0.0.1:${bareAddress.port}/`);
		await bare.waitForFunction(() => 'kithBareContact' in window);
		await bare.evaluate(
			({ rows, name }) => /** @type {any} */ (window).kithBareContact.seed(name, rows),
			{ rows, name: `kith-bench-contact-${Date.now()}` }
		);
		const cpu = await throttle(context, page);
		const bareCpu = await throttle(bareContext, bare);
		const profile = process.argv.includes('--profile');
		const cdp = profile ? await context.newCDPSession(page) : undefined;
		/** @type {any[]} */
		const profiles = [];
		/** @type {number[]} */
		const app = [];
		/** @type {number[]} */
		const base = [];
		try {
			for (let i = 0; i < PAGE_RUNS + 1; i++) {
				// Only the openings themselves, not the way back to Today between them.
				if (cdp && i > 0) {
					await cdp.send('Profiler.enable');
					await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
					await cdp.send('Profiler.start');
				}
				const appMs = await page.evaluate(timeOpening, {
					name: 'Bench Person',
					newest: 'Touchpoint 0:'
				});
				if (cdp && i > 0) profiles.push((await cdp.send('Profiler.stop')).profile);
				if (i === 0) {
					const all = await page.evaluate(scrollTimelineToEnd, PAGE_TOUCHPOINTS + 2);
					if (all !== PAGE_TOUCHPOINTS + 2) throw new Error(`The timeline showed ${all} entries`);
				}
				await page.goBack();
				await link.waitFor();
				await bare.evaluate(() =>
					/** @type {any} */ (window).kithBareContact.home('bench-page', 'Bench Person')
				);
				const bareMs = await bare.evaluate(timeOpening, {
					name: 'Bench Person',
					newest: 'Touchpoint 0:'
				});
				// The first opening compiles the page's code: not what a user sees on later visits.
				if (i > 0) {
					app.push(appMs);
					base.push(bareMs);
				}
			}
		} finally {
			await cpu.detach().catch(() => {});
			await bareCpu.detach().catch(() => {});
		}
		await bare.evaluate(() => /** @type {any} */ (window).kithBareContact.remove());
		/** @type {any} */
		let recorded;
		if (profiles.length > 0) {
			await writeFile(join(outDir, 'contact-page.cpuprofile'), JSON.stringify(profiles[0]));
			recorded = hotFunctions(profiles, 25);
		}
		return {
			...(recorded ? { profile: recorded } : {}),
			method: `click on the contact's link on Today until the timeline shows its newest touchpoint and a frame is painted (MutationObserver, then requestAnimationFrame); the app renders a screenful and the rest as it is scrolled to (checked once: scrolling shows all ${PAGE_TOUCHPOINTS} touchpoints and 2 interviews); baseline: the same click on a bare page (scripts/bench/bare-contact.html) that reads the same ${PAGE_TOUCHPOINTS} touchpoints with one getAll on the [contactId+on] index of an open connection and renders all of them as a plain list of text; ${PAGE_RUNS} openings of each after one warm-up, in turn, ${CPU_THROTTLE}x CPU throttle`,
			touchpoints: PAGE_TOUCHPOINTS,
			open: summary(app),
			bare: summary(base),
			ratio: ratio(median(app) / median(base)),
			ratioP95: ratio(percentile(app, 95) / percentile(base, 95))
		};
	} finally {
		await context.close();
		await bareContext.close();
		await new Promise((r) => bareServer.close(r));
	}
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ outDir: string, contextOptions?: object }} options
 */
export async function todayBench(browser, origin, { outDir, contextOptions = phone }) {
	const lists = await listsBench(browser, { outDir: join(outDir, 'today-bundle'), contextOptions });
	const contactPage = await contactPageBench(browser, origin, { outDir, contextOptions });
	return { lists, contactPage };
}

/**
 * Budgets 5 and 6 of issue 18, medians and p95s alike, and the rows of the report table.
 * @param {Awaited<ReturnType<typeof todayBench>>} r
 */
export function todayChecks(r) {
	const { lists, contactPage: page } = r;
	const checks = [
		{
			id: 'todayListsRatio',
			label: '(e) Today lists at 5k/50k, app / one indexed read (medians)',
			value: lists.ratio,
			budget: TODAY_BUDGET.listsRatio
		},
		{
			id: 'todayListsRatioP95',
			label: '(e) Today lists at 5k/50k, app / one indexed read (p95s)',
			value: lists.ratioP95,
			budget: TODAY_BUDGET.listsRatio
		},
		{
			id: 'contactPageRatio',
			label: `(e) open a contact with ${page.touchpoints} touchpoints, app / bare (medians)`,
			value: page.ratio,
			budget: TODAY_BUDGET.contactPageRatio
		},
		{
			id: 'contactPageRatioP95',
			label: `(e) open a contact with ${page.touchpoints} touchpoints, app / bare (p95s)`,
			value: page.ratioP95,
			budget: TODAY_BUDGET.contactPageRatio
		}
	].map((c) => ({
		...c,
		shown: `${c.value.toFixed(2)}×`,
		budgetShown: `≤ ${c.budget.toFixed(2)}×`,
		ok: c.value <= c.budget
	}));
	const ms = (/** @type {number} */ x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
	/** @type {Array<[string, string, string?, string?]>} */
	const rows = [];
	const row = (/** @type {string} */ id) => {
		const c = /** @type {(typeof checks)[number]} */ (checks.find((x) => x.id === id));
		rows.push([c.label, c.shown, c.budgetShown, c.ok ? 'ok' : 'OVER BUDGET']);
	};
	row('todayListsRatio');
	row('todayListsRatioP95');
	rows.push(
		[
			`    app, median / p95 (${lists.followUps} due, ${lists.giveBack} to give back)`,
			`${ms(lists.app.medianMs)} / ${ms(lists.app.p95Ms)}`
		],
		[
			`    followUpOn read (${lists.baselineRows} rows), median / p95`,
			`${ms(lists.baseline.medianMs)} / ${ms(lists.baseline.p95Ms)}`
		]
	);
	row('contactPageRatio');
	row('contactPageRatioP95');
	rows.push(
		['    app, median / p95', `${ms(page.open.medianMs)} / ${ms(page.open.p95Ms)}`],
		['    bare page, median / p95', `${ms(page.bare.medianMs)} / ${ms(page.bare.p95Ms)}`]
	);
	return { checks, rows };
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
	const { rows, checks } = todayChecks(result);
	console.log('');
	for (const [label, value, budget = '', verdict = ''] of rows)
		console.log(`${label.padEnd(60)}${value.padEnd(22)}${budget.padEnd(12)}${verdict}`);
	for (const c of checks.filter((x) => !x.ok))
		console.log(`OVER BUDGET: ${c.label}: ${c.shown}, budget ${c.budgetShown}`);
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
