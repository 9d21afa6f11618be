// (e) Opening the rehearsal deck with 200 pitches and 5,000 rehearsals: from the tap on "Start
// rehearsal" on /pitches to the first card on screen, against a bare indexed query of the due
// pitches (IndexedDB `card.due` index, on an open raw connection) in the same page and run.
// Runs alone with `npm run bench -- --only deck`.
import { chromium } from '@playwright/test';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../tests/support/static-server.mjs';
import {
	appDatabaseReady,
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

export const DECK_PITCHES = 200;
export const DECK_REHEARSALS = 5_000;
/** Issue 18, budget 7: the deck opens within 3x the bare due query (medians). */
export const DECK_BUDGET = { ratio: 3 };
const RUNS = 15;

/** Runs in the page: fills the app's database the raw way, half the pitches due today. */
function seed({ pitches, rehearsals }) {
	const day = 86_400_000;
	const now = Date.now();
	const words = 'I help small libraries find and share their rare collections online'.split(' ');
	const text = Array.from({ length: 70 }, (_, i) => words[i % words.length]).join(' ');
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('kith');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			/** @type {IDBTransaction} */
			let tx;
			try {
				tx = db.transaction(['pitches', 'rehearsals'], 'readwrite');
			} catch (error) {
				db.close();
				reject(error);
				return;
			}
			const perPitch = Math.ceil(rehearsals / pitches);
			let written = 0;
			for (let i = 0; i < pitches; i++) {
				const id = `bench-pitch-${i}`;
				const due = i % 2 === 0 ? now - (i + 1) * 60_000 : now + (i + 1) * day;
				tx.objectStore('pitches').put({
					id,
					title: `Pitch ${i + 1} for the bench`,
					targetSeconds: [15, 30, 60][i % 3],
					audience: 'Career fair',
					text,
					cues: ['Who I am', 'What I can do', 'What I want'],
					card: {
						due,
						stability: 3.2,
						difficulty: 5.1,
						elapsedDays: 3,
						scheduledDays: 3,
						learningSteps: 0,
						reps: perPitch,
						lapses: 1,
						state: 2,
						lastReview: due - 3 * day
					},
					createdAt: now - 90 * day,
					updatedAt: now - day
				});
				for (let k = 0; k < perPitch && written < rehearsals; k++, written++) {
					tx.objectStore('rehearsals').put({
						id: `bench-rehearsal-${i}-${k}`,
						pitchId: id,
						at: now - (k + 1) * day - i * 1000,
						seconds: 25 + ((i + k) % 10),
						rating: ['again', 'hard', 'good', 'easy'][(i + k) % 4],
						words: 70
					});
				}
			}
			tx.oncomplete = () => {
				db.close();
				resolve(written);
			};
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error ?? new Error('The seeding transaction was aborted'));
		};
	});
}

/** Installed before the app: notes the tap and the moment the first card is on screen. */
function installProbe() {
	const w = /** @type {any} */ (window);
	/** @type {IDBDatabase | undefined} */
	let raw;
	w.__deck = {
		arm() {
			w.__deckDone = new Promise((resolve) => {
				let tap = 0;
				const onClick = (/** @type {MouseEvent} */ e) => {
					if (
						/** @type {Element} */ (e.target).closest('a')?.textContent?.trim() ===
						'Start rehearsal'
					)
						tap = e.timeStamp;
				};
				window.addEventListener('click', onClick, { capture: true });
				const seen = () => {
					const card = document.querySelector('article.rehearse');
					if (card && tap && /Pitch 1 of \d+/.test(card.textContent ?? '')) {
						observer.disconnect();
						window.removeEventListener('click', onClick, { capture: true });
						resolve({ ms: performance.now() - tap, text: card.textContent });
					}
				};
				const observer = new MutationObserver(seen);
				observer.observe(document.body, { childList: true, subtree: true, characterData: true });
			});
		},
		/** The bare query: due pitches through the `card.due` index on an open connection. */
		async baseline() {
			raw ??= await new Promise((resolve, reject) => {
				const open = indexedDB.open('kith');
				open.onsuccess = () => {
					open.result.onversionchange = () => open.result.close();
					resolve(open.result);
				};
				open.onerror = () => reject(open.error);
			});
			const end = new Date();
			end.setHours(23, 59, 59, 999);
			const start = performance.now();
			const rows = await new Promise((resolve, reject) => {
				const req = /** @type {IDBDatabase} */ (raw)
					.transaction('pitches')
					.objectStore('pitches')
					.index('card.due')
					.getAll(IDBKeyRange.upperBound(end.getTime()));
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			return { ms: performance.now() - start, count: /** @type {unknown[]} */ (rows).length };
		}
	};
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {object} contextOptions
 */
export async function deckBench(browser, origin, contextOptions = phone) {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	const cpu = await throttle(context, page, { rate: 1 });
	try {
		await page.addInitScript(installProbe);
		await page.goto(`${origin}/pitches`);
		await appDatabaseReady(page);
		const written = await page.evaluate(seed, {
			pitches: DECK_PITCHES,
			rehearsals: DECK_REHEARSALS
		});
		if (written !== DECK_REHEARSALS) throw new Error(`Seeded ${written} rehearsals`);
		await page.reload();
		const start = page.getByRole('link', { name: 'Start rehearsal' });
		/** @type {number[]} */
		const appMs = [];
		/** @type {number[]} */
		const baseMs = [];
		let due = 0;
		const idle = () =>
			page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
		// One unmeasured round first: it loads the deck's code (and the scheduler's) once.
		for (let i = -1; i < RUNS; i++) {
			await start.waitFor();
			await cpu.set(CPU_THROTTLE);
			await idle();
			const base = await page.evaluate(() => /** @type {any} */ (window).__deck.baseline());
			due = base.count;
			await idle();
			await page.evaluate(() => /** @type {any} */ (window).__deck.arm());
			await start.click();
			const shown = await page.evaluate(() => /** @type {any} */ (window).__deckDone);
			await cpu.set(1);
			if (!shown.text.includes(`of ${due}`)) throw new Error(`Deck did not show ${due} pitches`);
			if (i >= 0) {
				appMs.push(shown.ms);
				baseMs.push(base.ms);
			}
			await page.getByRole('link', { name: '← Pitches' }).click();
		}
		return {
			method: `tap on "Start rehearsal" (event timeStamp) to the first card of the deck in the DOM; baseline: getAll on the card.due index up to the end of today on an open raw connection; ${RUNS} runs after one warm-up, ${CPU_THROTTLE}x CPU throttle`,
			pitches: DECK_PITCHES,
			rehearsals: DECK_REHEARSALS,
			due,
			runs: RUNS,
			app: summary(appMs),
			baseline: summary(baseMs),
			ratio: ratio(median(appMs) / median(baseMs)),
			ratioP95: ratio(percentile(appMs, 95) / percentile(baseMs, 95))
		};
	} finally {
		await cpu.detach().catch(() => {});
		await context.close();
	}
}

/**
 * Budget 7 of issue 18 and the rows of the report table.
 * @param {ReturnType<typeof deckBench> extends Promise<infer R> ? R : never} deck
 */
export function deckChecks(deck) {
	const f = (/** @type {number} */ x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
	const check = {
		id: 'deckRatio',
		label: '(f) open the rehearsal deck, app / bare due query (medians)',
		value: deck.ratio,
		budget: DECK_BUDGET.ratio,
		shown: `${deck.ratio.toFixed(2)}×`,
		budgetShown: `≤ ${DECK_BUDGET.ratio.toFixed(2)}×`,
		ok: deck.ratio <= DECK_BUDGET.ratio
	};
	/** @type {Array<[string, string, string?, string?]>} */
	const rows = [
		[check.label, check.shown, check.budgetShown, check.ok ? 'ok' : 'OVER BUDGET'],
		['    app / bare due query (p95s)', `${deck.ratioP95.toFixed(2)}×`],
		[
			`    deck, ${deck.due} due of ${deck.pitches} pitches, ${deck.rehearsals} rehearsals: median / p95`,
			`${f(deck.app.medianMs)} / ${f(deck.app.p95Ms)}`
		],
		[
			`    bare indexed query of the due pitches: median / p95`,
			`${f(deck.baseline.medianMs)} / ${f(deck.baseline.p95Ms)}`
		]
	];
	return { checks: [check], rows };
}

/** `npm run bench -- --only deck`: this part alone, against the fresh build. */
export async function runDeckAlone() {
	const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
	const server = await startStaticServer(join(root, 'build'), 0);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	try {
		const done = step(
			`(f) open the rehearsal deck, ${DECK_PITCHES} pitches and ${DECK_REHEARSALS.toLocaleString('en')} rehearsals`
		);
		const deck = await deckBench(browser, `http://127.0.0.1:${address.port}`);
		done();
		const { checks, rows } = deckChecks(deck);
		for (const [label, value, budget = '', verdict = ''] of rows)
			console.log(`${label.padEnd(72)}${value.padEnd(14)}${budget.padEnd(12)}${verdict}`);
		for (const c of checks.filter((x) => !x.ok))
			console.log(`OVER BUDGET: ${c.label}: ${c.shown}, budget ${c.budgetShown}`);
		return deck;
	} finally {
		await browser.close();
		await new Promise((r) => server.close(r));
	}
}
