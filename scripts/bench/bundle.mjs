// (a) How much JavaScript a phone downloads: the first load of /capture, and the whole precache.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSize } from './util.mjs';

/**
 * @param {string} buildDir
 * @param {string} pathname
 */
async function buildFile(buildDir, pathname) {
	const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
	const candidates = rel === '' ? ['index.html'] : [rel, `${rel}.html`, join(rel, 'index.html')];
	for (const c of candidates) {
		const path = join(buildDir, c);
		try {
			if ((await stat(path)).isFile()) return path;
		} catch {
			// try the next spelling
		}
	}
	return undefined;
}

/** @param {string} url */
const isScriptUrl = (url) => /\.m?js$/.test(new URL(url).pathname);

/**
 * Loads /capture in a fresh context (empty cache, no service worker yet) and sums every script the
 * page fetched, modulepreloads and lazy imports included, until the network went quiet.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {string} buildDir
 * @param {object} contextOptions
 */
export async function firstLoadJs(browser, origin, buildDir, contextOptions) {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	/** @type {Map<string, Promise<{ url: string, raw: number, gzip: number }>>} */
	const scripts = new Map();
	page.on('response', (response) => {
		const request = response.request();
		const url = request.url();
		if (!url.startsWith(origin) || scripts.has(url)) return;
		if (request.resourceType() !== 'script' && !isScriptUrl(url)) return;
		scripts.set(
			url,
			(async () => {
				// The built file is what was served; reading it avoids bodies the browser may not keep.
				const path = await buildFile(buildDir, new URL(url).pathname);
				const body = path ? await readFile(path) : await response.body();
				return { url: new URL(url).pathname, raw: body.length, gzip: gzipSize(body) };
			})()
		);
	});
	try {
		await page.goto(`${origin}/capture`, { waitUntil: 'networkidle' });
		await page.getByLabel('Name', { exact: true }).waitFor({ state: 'visible' });
		// Late imports (the service worker registration, for one) count: they are part of opening it.
		await page.waitForLoadState('networkidle');
		const files = (await Promise.all(scripts.values())).sort((a, b) => b.gzip - a.gzip);
		return {
			path: '/capture',
			files: files.length,
			rawBytes: files.reduce((s, f) => s + f.raw, 0),
			gzipBytes: files.reduce((s, f) => s + f.gzip, 0),
			perFile: files
		};
	} finally {
		await context.close();
	}
}

/**
 * Reads the precache manifest out of build/sw.js and sizes each entry from build/.
 * @param {string} buildDir
 */
export async function precache(buildDir) {
	const sw = await readFile(join(buildDir, 'sw.js'), 'utf8');
	// injectManifest writes the list as JSON: `{"revision":"…","url":"…"}` (or `"revision":null`).
	const urls = [...sw.matchAll(/\{"revision":(?:"[^"]*"|null),"url":"([^"]+)"\}/g)].map(
		(m) => m[1]
	);
	if (urls.length === 0) throw new Error('No precache manifest found in build/sw.js');
	const entries = [];
	const missing = [];
	for (const url of new Set(urls)) {
		const path = await buildFile(buildDir, url === '/' ? '' : url);
		if (!path) {
			missing.push(url);
			continue;
		}
		const body = await readFile(path);
		entries.push({
			url,
			raw: body.length,
			gzip: gzipSize(body),
			js: isScriptUrl(`http://x/${url}`)
		});
	}
	const js = entries.filter((e) => e.js);
	// The worker itself and the workbox runtime it imports are downloaded too, though not precached.
	const workerFiles = [
		'sw.js',
		...[...sw.matchAll(/["'`]\.\/(workbox-[\w-]+)["'`]/g)].map((m) => `${m[1]}.js`)
	];
	const worker = [];
	for (const f of new Set(workerFiles)) {
		const body = await readFile(join(buildDir, f)).catch(() => undefined);
		if (body) worker.push({ url: f, raw: body.length, gzip: gzipSize(body) });
	}
	const sum = (
		/** @type {Array<{ raw: number, gzip: number }>} */ list,
		/** @type {'raw' | 'gzip'} */ k
	) => list.reduce((s, e) => s + e[k], 0);
	return {
		entries: entries.length,
		jsFiles: js.length,
		jsRawBytes: sum(js, 'raw'),
		jsGzipBytes: sum(js, 'gzip'),
		totalRawBytes: sum(entries, 'raw'),
		totalGzipBytes: sum(entries, 'gzip'),
		missing,
		serviceWorker: { files: worker, rawBytes: sum(worker, 'raw'), gzipBytes: sum(worker, 'gzip') }
	};
}
