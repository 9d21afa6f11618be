// The cold-start baseline (bare.html, the capture form as plain HTML with no script) is served
// only by the bench: it is not in static/, so it is neither shipped in build/ nor precached for
// users. For the comparison to be fair it must still come from the service worker's precache, as
// the app does, so the bench serves a throwaway copy of build/ with the page added to the copy's
// precache manifest.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BARE = fileURLToPath(new URL('./bare.html', import.meta.url));
/** Where the page is served, and its precache URL (the precache lists pages by clean URL). */
export const BARE_PATH = '/bench-bare';

/**
 * Copies `buildDir` to a temporary folder with the bare page added and precached.
 * @param {string} buildDir
 * @returns {Promise<{ dir: string, remove: () => Promise<void> }>}
 */
export async function buildWithBarePage(buildDir) {
	const dir = await mkdtemp(join(tmpdir(), 'kith-bench-build-'));
	await cp(buildDir, dir, { recursive: true });
	const page = await readFile(BARE);
	await writeFile(join(dir, `${BARE_PATH.slice(1)}.html`), page);
	const sw = join(dir, 'sw.js');
	const source = await readFile(sw, 'utf8');
	const entry = `${JSON.stringify({
		revision: createHash('md5').update(page).digest('hex'),
		url: BARE_PATH.slice(1)
	})},`;
	// The precache list, as injectManifest writes it into the worker: a JSON array of entries.
	const patched = source.replace('[{"revision":', `[${entry}{"revision":`);
	if (patched === source) throw new Error(`No precache manifest found in ${sw}`);
	await writeFile(sw, patched);
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
