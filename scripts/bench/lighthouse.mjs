// (i) A first visit as Lighthouse measures it with its mobile defaults (simulated slow 4G, 4x CPU,
// a phone screen): the performance, accessibility and best-practices scores of Today, Capture and
// Contacts, and the timings behind the performance score. Lighthouse drives Debian's Chromium
// itself (chrome-launcher) and clears the service worker and the caches before each run, but not
// IndexedDB or localStorage (its default `clearStorageTypes`): the first run of a page is a first
// visit, and the next ones are a visit by someone who has opened Kith before and added nobody yet.
// The server is the bench's, which sends the build's compressed files as `npm start` does.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath, median } from './util.mjs';

export const LIGHTHOUSE_PAGES = [
	{ name: 'Today', path: '/' },
	{ name: 'Capture', path: '/capture' },
	{ name: 'Contacts', path: '/contacts' }
];

export const LIGHTHOUSE_BUDGET = { performance: 95, accessibility: 100, bestPractices: 100 };

const METRICS = [
	'first-contentful-paint',
	'largest-contentful-paint',
	'total-blocking-time',
	'speed-index',
	'cumulative-layout-shift'
];

/**
 * Runs Lighthouse `runs` times on each page and keeps, per page, the run with the median
 * performance score (Lighthouse's own advice for noisy machines).
 * @param {string} origin
 * @param {number} runs
 */
export async function lighthouseBench(origin, runs) {
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumPath,
		chromeFlags: ['--headless=new', ...chromiumArgs]
	});
	try {
		/** @type {Record<string, any>} */
		const pages = {};
		for (const { name, path } of LIGHTHOUSE_PAGES) {
			const samples = [];
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(`${origin}${path}`, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices']
				});
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
				if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
				const score = (/** @type {string} */ id) =>
					Math.round((lhr.categories[id]?.score ?? 0) * 100);
				samples.push({
					performance: score('performance'),
					accessibility: score('accessibility'),
					bestPractices: score('best-practices'),
					metrics: Object.fromEntries(
						METRICS.map((id) => [id, Math.round((lhr.audits[id]?.numericValue ?? NaN) * 100) / 100])
					),
					transferBytes: lhr.audits['total-byte-weight']?.numericValue ?? NaN,
					failedAudits: Object.values(lhr.categories)
						.filter((c) => c.id !== 'performance')
						.flatMap((c) => c.auditRefs)
						.map((ref) => lhr.audits[ref.id])
						.filter((a) => a && a.score !== null && a.score < 1)
						.map((a) => a.id),
					lighthouseVersion: lhr.lighthouseVersion
				});
			}
			const mid = median(samples.map((s) => s.performance));
			const chosen = samples.find((s) => s.performance === mid) ?? samples[0];
			pages[name] = {
				path,
				...chosen,
				performanceRuns: samples.map((s) => s.performance),
				// A category below 100 in any run counts: an accessibility slip is not noise.
				accessibility: Math.min(...samples.map((s) => s.accessibility)),
				bestPractices: Math.min(...samples.map((s) => s.bestPractices))
			};
		}
		return { runs, pages };
	} finally {
		chrome.kill();
	}
}

/**
 * The budget checks and the table's rows.
 * @param {Awaited<ReturnType<typeof lighthouseBench>>} result
 */
export function lighthouseChecks(result) {
	const checks = [];
	/** @type {Array<[string, string, string?, string?]>} */
	const rows = [];
	for (const [name, p] of Object.entries(result.pages)) {
		const parts = [
			['performance', 'performance', p.performance, LIGHTHOUSE_BUDGET.performance],
			['accessibility', 'accessibility', p.accessibility, LIGHTHOUSE_BUDGET.accessibility],
			['bestPractices', 'best practices', p.bestPractices, LIGHTHOUSE_BUDGET.bestPractices]
		];
		for (const [id, label, value, budget] of parts) {
			const check = {
				id: `lighthouse${name}${String(id).replace(/^./, (c) => c.toUpperCase())}`,
				label: `(i) Lighthouse ${name} (${p.path}), ${label}`,
				value,
				shown: String(value),
				budget,
				budgetShown: `≥ ${budget}`,
				ok: Number(value) >= Number(budget)
			};
			checks.push(check);
			rows.push([check.label, check.shown, check.budgetShown, check.ok ? 'ok' : 'OVER BUDGET']);
		}
		const m = p.metrics;
		rows.push([`    ${name}: performance in each run`, p.performanceRuns.join(', ')]);
		rows.push([
			`    ${name}: FCP / LCP / TBT (median run)`,
			`${(m['first-contentful-paint'] / 1000).toFixed(1)} s / ${(m['largest-contentful-paint'] / 1000).toFixed(1)} s / ${Math.round(m['total-blocking-time'])} ms`
		]);
		rows.push([`    ${name}: bytes on the wire`, `${Math.round(p.transferBytes / 1024)} KB`]);
		if (p.failedAudits.length)
			rows.push([`    ${name}: audits not passed`, p.failedAudits.join(', ')]);
	}
	return { checks, rows };
}
