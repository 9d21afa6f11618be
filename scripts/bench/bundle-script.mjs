// Builds a bench-only browser script from an entry file beside this one, with the app's own
// modules ($lib resolved as SvelteKit does), so a bench page can time Kith's code against a baseline.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

/**
 * Writes `outDir/fileName`, an IIFE of `entry`, minified as the app is.
 * @param {{ entry: string, outDir: string, name: string, fileName: string }} options
 */
export async function bundleScript({ entry, outDir, name, fileName }) {
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		publicDir: false,
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		build: {
			outDir,
			emptyOutDir: true,
			minify: true,
			reportCompressedSize: false,
			lib: { entry: join(here, entry), formats: ['iife'], name, fileName: () => fileName }
		}
	});
	return join(outDir, fileName);
}
