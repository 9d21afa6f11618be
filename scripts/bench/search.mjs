// (d) Search as you type at 1,000, 10,000 and 100,000 contacts: the app's repository search over
// its `words` index, against a scan of a plain array of the same rows, in a real page.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleScript } from './bundle-script.mjs';
import { startStaticServer } from '../../tests/support/static-server.mjs';
import { CPU_THROTTLE, percentile, ratio, summary, throttle } from './util.mjs';

/**
 * Bundles search-entry.js with the app's own modules ($lib as in SvelteKit) into one script.
 * @param {string} outDir
 */
export async function buildSearchBundle(outDir) {
	await bundleScript({
		entry: 'search-entry.js',
		outDir,
		name: 'kithSearchBenchBundle',
		fileName: 'search.js'
	});
	await writeFile(
		join(outDir, 'index.html'),
		'<!doctype html><meta charset="utf-8"><title>Kith search bench</title><script src="/search.js"></script>\n'
	);
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ sizes: number[], queries: number, outDir: string, contextOptions: object }} options
 */
export async function searchBench(browser, { sizes, queries, outDir, contextOptions }) {
	await mkdir(outDir, { recursive: true });
	await buildSearchBundle(outDir);
	// A separate origin of its own, so its databases never meet the app's.
	const server = await startStaticServer(outDir, 0);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	const cpu = await throttle(context, page, { rate: 1 });
	try {
		await page.goto(`http://127.0.0.1:${address.port}/`);
		await page.waitForFunction(() => 'kithSearchBench' in window);
		/** @type {string[]} */
		const typed = await page.evaluate(
			// Taken from the first contacts of the fixed sequence, so they exist at every size.
			([n, first]) => /** @type {any} */ (window).kithSearchBench.queries(n, first),
			[queries, Math.min(...sizes)]
		);
		await page.evaluate(
			(name) => /** @type {any} */ (window).kithSearchBench.open(name),
			`kith-bench-search-${Date.now()}`
		);
		/** @type {Record<string, any>} */
		const results = {};
		for (const size of [...sizes].sort((a, b) => a - b)) {
			const seedStart = performance.now();
			const seeded = await page.evaluate(
				(n) => /** @type {any} */ (window).kithSearchBench.seedTo(n),
				size
			);
			const seedMs = performance.now() - seedStart;
			if (seeded.stored !== size) throw new Error(`Seeding ${size}: ${seeded.stored} stored`);
			await cpu.set(CPU_THROTTLE);
			const timed = await page.evaluate(
				(q) => /** @type {any} */ (window).kithSearchBench.time(q),
				typed
			);
			await cpu.set(1);
			// The scan is the reference answer: a faster search that lists other people is no win.
			const hits = /** @type {Array<{ q: string, truncated: boolean, same: boolean }>} */ (
				timed.hits
			);
			const app = summary(timed.app);
			const array = summary(timed.array);
			results[size] = {
				keystrokes: timed.keystrokes,
				seedSeconds: Math.round(seedMs / 100) / 10,
				app,
				array,
				ratioP95: ratio(percentile(timed.app, 95) / percentile(timed.array, 95)),
				truncatedKeystrokes: hits.filter((h) => h.truncated).length,
				differentFromScan: hits.filter((h) => !h.same).length,
				differentWhileNotTruncated: hits.filter((h) => !h.same && !h.truncated).map((h) => h.q)
			};
		}
		await page.evaluate(() => /** @type {any} */ (window).kithSearchBench.close());
		return {
			method: `contactsRepo(db).search({ query }) awaited per keystroke at ${CPU_THROTTLE}x CPU throttle (seeding unthrottled, 5,000 per bulkPut); baseline: the same keystrokes over an in-memory array of the same rows with their precomputed folded words, every row tested with the app's matchesAll, hits sorted by updatedAt and cut to 100`,
			queries: typed,
			sizes: results
		};
	} finally {
		await cpu.detach().catch(() => {});
		await context.close();
		await new Promise((r) => server.close(r));
	}
}
