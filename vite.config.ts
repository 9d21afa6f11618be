import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
	version: string;
};

// Unit tests run in two vitest projects, as the `sv` template makes them. `node`: what needs no
// DOM (domain, io, db, services). `dom` (jsdom): components, the browser adapters in device,
// routes, and state, whose modules are runes or lean on them (toasts) or on web storage; plus any
// test named `*.svelte.test.ts`. By folder, not by file, so a moved or renamed test keeps its place.
const DOM_TESTS = [
	'src/lib/components/**/*.test.ts',
	'src/lib/device/**/*.test.ts',
	'src/lib/state/**/*.test.ts',
	'src/routes/**/*.test.ts',
	'src/**/*.svelte.test.ts'
];

// Under `node`, Svelte compiles a `.svelte.ts` module for the server, where `$state` is a plain
// field and `$effect` never runs: a test of it would pass without testing it. So it fails here.
function runesNeedTheDom(): Plugin {
	return {
		name: 'kith:runes-need-the-dom',
		enforce: 'pre',
		load(id) {
			const file = id.split('?')[0]!;
			if (/\.svelte(\.[jt]s)?$/.test(file))
				this.error(
					`${file} is Svelte code and runs only in the dom project: move the test to a dom folder or name it *.svelte.test.ts (DOM_TESTS in vite.config.ts).`
				);
		}
	};
}

/**
 * Every page loads the layout, and with it Svelte's runtime, SvelteKit's router and what the layout
 * imports. Split by the pages that share them, those came as ~20 files, each with its own list of
 * imports and exports: put together they are 3.3 KB (gzipped) less of Capture's first load. Modules
 * that import others lazily stay out, since SvelteKit then leaves some of a page's scripts out of
 * its HTML (`find_deps` marks a chunk seen when it is first reached through a lazy import).
 */
function oneShellChunk(): Plugin {
	type Info = { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] };
	const layout = new URL('./src/routes/+layout.svelte', import.meta.url).pathname;
	const shells = new WeakMap<object, Set<string>>();
	const isCss = (id: string) => /\.css($|\?)|[?&]type=style/.test(id);
	function shellOf(getModuleInfo: (id: string) => Info | null): Set<string> {
		const root = getModuleInfo(layout);
		if (!root) return new Set();
		let shell = shells.get(root);
		if (shell) return shell;
		shell = new Set();
		const seen = new Set<string>();
		const walk = (id: string) => {
			if (seen.has(id)) return;
			seen.add(id);
			const info = getModuleInfo(id);
			if (!info) return;
			if (info.dynamicallyImportedIds.length === 0 && !info.importedIds.some(isCss) && !isCss(id))
				shell!.add(id);
			for (const dep of info.importedIds) walk(dep);
		};
		for (const dep of root.importedIds) walk(dep);
		shells.set(root, shell);
		return shell;
	}
	return {
		name: 'kith:one-shell-chunk',
		apply: 'build',
		config(_config, env) {
			if (env.isSsrBuild) return;
			return {
				build: {
					rolldownOptions: {
						output: {
							codeSplitting: {
								groups: [
									{
										name: (id, ctx) =>
											shellOf((m) => ctx.getModuleInfo(m) as Info | null).has(id) ? 'shell' : null
									}
								]
							}
						}
					}
				}
			};
		}
	};
}

const themeColor = '#1f5f5b';

export default defineConfig({
	build: {
		// Vite writes, beside every lazy import, the list of scripts it will need, and adds a
		// modulepreload link for each when it runs. Every page's list rode in Capture's first load
		// (2.3 KB gzipped), the links cost Today's first visit ~60 ms of main thread, and Chromium
		// sometimes aborts them. The service worker serves each module from its cache, so a lazy
		// page fetching its modules level by level costs little. (Lists of styles stay.)
		modulePreload: false,
		rolldownOptions: {
			treeshake: {
				// Svelte declares no side-effect-free modules, so SvelteSet and SvelteMap (classes the
				// bundler must keep in case they have effects) rode along with createSubscriber, which the
				// clock uses, into Capture's first load. Those modules only define classes.
				moduleSideEffects: (id: string) => !/\/node_modules\/svelte\/src\/reactivity\//.test(id)
			}
		}
	},
	define: {
		__APP_VERSION__: JSON.stringify(pkg.version)
	},
	plugins: [
		oneShellChunk(),
		sveltekit(),
		SvelteKitPWA({
			// We register the worker ourselves (src/lib/pwa) so that updates wait for the user.
			injectRegister: false,
			registerType: 'prompt',
			strategies: 'injectManifest',
			kit: { adapterFallback: '200.html', spa: true },
			manifest: {
				id: '/',
				name: 'Kith — networking notebook',
				short_name: 'Kith',
				description:
					'Capture new connections in seconds, follow up, rehearse your pitch and plan informational interviews. Works offline; your data stays on your phone.',
				lang: 'en',
				dir: 'ltr',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'portrait',
				theme_color: themeColor,
				background_color: '#f7f5f0',
				categories: ['productivity', 'business'],
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				],
				shortcuts: [
					{
						name: 'Capture a new contact',
						short_name: 'Capture',
						description: 'Note down someone you just met',
						url: '/capture?source=shortcut',
						icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
					},
					{
						name: 'Rehearse your pitch',
						short_name: 'Rehearse',
						description: 'Say the pitches due today out loud',
						url: '/pitches/rehearse?source=shortcut',
						icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
					},
					{
						name: 'Contacts',
						short_name: 'Contacts',
						url: '/contacts?source=shortcut',
						icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }]
					}
				],
				share_target: {
					action: '/capture',
					method: 'GET',
					params: { title: 'title', text: 'text', url: 'url' }
				}
			},
			// Our own worker (src/service-worker.ts): workbox's precaching and fallback as before, plus the daily
			// check of what is due (periodic sync), the badge and the notification's tap.
			srcDir: 'src',
			// SvelteKit builds src/service-worker.ts; the plugin adds the precache list and names it
			// sw.js, the address every installed copy is registered at.
			filename: 'sw.js',
			injectManifest: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest,html}',
					'prerendered/**/*.html',
					// Tells which build a worker serves: a tab started under an older one checks it.
					'client/_app/version.json'
				]
			},
			devOptions: { enabled: false }
		})
	],
	test: {
		// Both projects below share these (`extends: true`).
		setupFiles: ['src/vitest-setup.ts'],
		restoreMocks: true,
		// A test that asserts nothing fails instead of passing unnoticed.
		expect: { requireAssertions: true },
		// Property tests run hundreds of cases; a busy 2-core CI machine needs more than 5 s for some.
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				plugins: [runesNeedTheDom()],
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: DOM_TESTS
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'dom',
					environment: 'jsdom',
					include: DOM_TESTS,
					setupFiles: ['src/vitest-setup-dom.ts']
				}
			}
		]
	}
});
