// (e) Import and export at scale, in the built app: importing a 5,000-row LinkedIn Connections.csv
// through the import page (read in its worker, preview, one transaction), against papaparse reading
// the same file plus one Dexie bulkAdd of its rows in the same page; and exporting 10,000 contacts
// as vCard and as a backup from Settings. Run alone with `npm run bench -- --only import`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CPU_THROTTLE, median, ratio, summary, throttle } from './util.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

export const IMPORT_BUDGET = { importRatio: 1.5 };
const ROWS = 5_000;
const EXPORT_CONTACTS = 10_000;

/** A Connections.csv as LinkedIn writes it: notes above the header, some emails, three date styles. */
export function connectionsCsv(rows, seed = 1) {
	const dates = ['15 Mar 2024', '1/8/18, 6:14 PM', '6-Feb-26'];
	const lines = [
		'Notes:',
		'"When exporting your connection data, you may notice that some of the email addresses are missing."',
		'',
		'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
	];
	for (let i = 0; i < rows; i++) {
		const n = i * 7919 + seed;
		lines.push(
			[
				`First${n % 997}`,
				`Last${i}`,
				`https://www.linkedin.com/in/person-${seed}-${i}`,
				i % 4 === 0 ? `person${i}@example.org` : '',
				`"Company ${n % 450}, Inc."`,
				`Role ${n % 60}`,
				`"${dates[i % 3]}"`
			].join(',')
		);
	}
	return `${lines.join('\n')}\n`;
}

async function baselineScript(outDir) {
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		publicDir: false,
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			reportCompressedSize: false,
			lib: {
				entry: join(here, 'import-entry.js'),
				formats: ['iife'],
				name: 'kithImportBaselineBundle',
				fileName: () => 'import-baseline.js'
			}
		}
	});
	return readFile(join(outDir, 'import-baseline.js'), 'utf8');
}

/** Times from picking the file to the preview, and from the Import tap to the summary, in the page. */
async function importThroughPage(page, path, expected) {
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__t = {};
		const input = document.querySelector('input[type=file]');
		input?.addEventListener('change', () => (w.__t.picked = performance.now()), { capture: true });
		document.addEventListener(
			'click',
			(e) => {
				if (
					/** @type {HTMLElement} */ (e.target)
						.closest('button')
						?.textContent?.startsWith('Import ')
				)
					w.__t.tapped = performance.now();
			},
			{ capture: true }
		);
		new MutationObserver(() => {
			const heads = [...document.querySelectorAll('h2')].map((h) => h.textContent);
			if (!w.__t.preview && heads.includes('Ready to import')) w.__t.preview = performance.now();
			if (!w.__t.done && heads.includes('Import done')) w.__t.done = performance.now();
		}).observe(document.body, { subtree: true, childList: true });
	});
	await page.getByLabel('File to import (.vcf or .csv)').setInputFiles(path);
	await page
		.getByRole('button', { name: `Import ${expected} contacts` })
		.click({ timeout: 120_000 });
	await page.getByRole('heading', { name: 'Import done' }).waitFor({ timeout: 120_000 });
	const t = await page.evaluate(() => /** @type {any} */ (window).__t);
	return {
		toPreviewMs: t.preview - t.picked,
		writeMs: t.done - t.tapped,
		totalMs: t.preview - t.picked + (t.done - t.tapped)
	};
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ runs?: number, outDir: string, contextOptions: object }} options
 */
export async function importBench(browser, origin, { runs = 3, outDir, contextOptions }) {
	await mkdir(outDir, { recursive: true });
	const baseline = await baselineScript(join(outDir, 'import-bundle'));
	const csvPath = join(outDir, 'Connections-5000.csv');
	const csv = connectionsCsv(ROWS);
	await writeFile(csvPath, csv);

	const app = [];
	const base = [];
	for (let run = 0; run < runs; run++) {
		// A fresh profile each time, so every import starts from an empty database.
		const context = await browser.newContext(contextOptions);
		const page = await context.newPage();
		await page.goto(`${origin}/settings/import`);
		await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
		await page.addScriptTag({ content: baseline });
		const cpu = await throttle(context, page, { rate: CPU_THROTTLE });
		try {
			const measured = await importThroughPage(page, csvPath, ROWS);
			const b = await page.evaluate(
				([text, name]) => /** @type {any} */ (window).kithImportBaseline.run(text, name),
				[csv, `bench-baseline-${run}`]
			);
			if (b.count !== ROWS) throw new Error(`baseline stored ${b.count} rows, not ${ROWS}`);
			app.push(measured);
			base.push(b.ms);
		} finally {
			await cpu.detach();
			await context.close();
		}
	}

	// Exports at 10,000 contacts: the contacts come in through the same import page.
	const exportCsv = join(outDir, `Connections-${EXPORT_CONTACTS}.csv`);
	await writeFile(exportCsv, connectionsCsv(EXPORT_CONTACTS, 2));
	const context = await browser.newContext({ ...contextOptions, acceptDownloads: true });
	const page = await context.newPage();
	const vcard = [];
	const backup = [];
	try {
		await page.goto(`${origin}/settings/import`);
		await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
		await importThroughPage(page, exportCsv, EXPORT_CONTACTS);
		await page.goto(`${origin}/settings`);
		const cpu = await throttle(context, page, { rate: CPU_THROTTLE });
		for (let run = 0; run < runs; run++) {
			for (const [list, button] of [
				[vcard, 'Contacts as vCard (.vcf)'],
				[backup, 'Back up now']
			]) {
				const download = page.waitForEvent('download', { timeout: 120_000 });
				const start = performance.now();
				await page
					.getByRole('button', { name: /** @type {string} */ (button), exact: true })
					.click();
				await download;
				/** @type {number[]} */ (list).push(performance.now() - start);
				await page
					.getByRole('button', { name: /** @type {string} */ (button), exact: true })
					.waitFor();
				await page.waitForFunction(
					(label) =>
						[...document.querySelectorAll('button')].some(
							(b) => b.textContent?.trim() === label && !b.disabled
						),
					button
				);
			}
		}
		await cpu.detach();
	} finally {
		await context.close();
	}

	const appTotals = app.map((a) => a.totalMs);
	const importRatio = median(appTotals) / median(base);
	return {
		rows: ROWS,
		runs,
		cpuThrottle: CPU_THROTTLE,
		app: {
			...summary(appTotals),
			toPreview: summary(app.map((a) => a.toPreviewMs)),
			write: summary(app.map((a) => a.writeMs))
		},
		baseline: summary(base),
		importRatio: ratio(importRatio),
		withinBudget: importRatio <= IMPORT_BUDGET.importRatio,
		exportContacts: EXPORT_CONTACTS,
		exportVCard: summary(vcard),
		exportBackup: summary(backup)
	};
}

/** The table lines for this part, with OVER BUDGET where it is. */
export function importRows(r) {
	const ms = (/** @type {number} */ x) => `${Math.round(x)} ms`;
	return [
		[
			`(g) import ${r.rows.toLocaleString('en')} LinkedIn rows, app / papaparse + bulkAdd`,
			`${r.importRatio.toFixed(2)}×`,
			`≤ ${IMPORT_BUDGET.importRatio.toFixed(2)}×`,
			r.withinBudget ? 'ok' : 'OVER BUDGET'
		],
		[
			`    app: pick to preview + tap to done, median of ${r.runs}`,
			`${ms(r.app.medianMs)} (${ms(r.app.toPreview.medianMs)} + ${ms(r.app.write.medianMs)})`
		],
		[`    papaparse + one bulkAdd, median of ${r.runs}`, ms(r.baseline.medianMs)],
		[
			`(g) export ${r.exportContacts.toLocaleString('en')} contacts as vCard, median`,
			ms(r.exportVCard.medianMs)
		],
		[
			`(g) back up ${r.exportContacts.toLocaleString('en')} contacts, median`,
			ms(r.exportBackup.medianMs)
		]
	];
}

/**
 * `npm run bench -- --only import`: this part alone, its table, and bench-results/import.json.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ outDir: string, contextOptions: object }} options
 */
export async function runImportOnly(browser, origin, { outDir, contextOptions }) {
	const r = await importBench(browser, origin, { outDir: join(outDir, 'import'), contextOptions });
	console.log('');
	for (const [label, value, budget = '', verdict = ''] of importRows(r)) {
		console.log(`${label.padEnd(60)}${value.padEnd(22)}${budget.padEnd(12)}${verdict}`);
	}
	if (!r.withinBudget)
		console.log(
			`\nOVER BUDGET: (g) import ratio ${r.importRatio}×, budget ≤ ${IMPORT_BUDGET.importRatio}×`
		);
	await writeFile(join(outDir, 'import.json'), `${JSON.stringify(r, null, '\t')}\n`);
	return r;
}
