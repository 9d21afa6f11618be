import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route falls back to one shell, which the service worker precaches.
		// Each file is also written gzipped and brotli-compressed, once at build time, so a server
		// sends a first visit a third of the bytes without compressing on every request.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: '200.html',
			strict: true,
			precompress: true
		}),
		serviceWorker: { register: false },
		// Every built page (the prerendered shells and 200.html) gets this policy as a meta tag, with
		// the hash of SvelteKit's inline boot script added to script-src. What a meta tag cannot
		// carry (frame-ancestors, nosniff) the server sends: scripts/security-headers.mjs.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// Sync talks to a server the person chose: any https one, or one on this machine for
				// development (npm run sync-server). Nothing else is fetched from elsewhere.
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				// Also the boot guard in app.html (its hash; tests/csp.spec.ts fails if it drifts).
				'script-src': ['self', 'sha256-Mf6Kh2J8SNYGVntKMyWe+iWlsOYqORcgmgWBxURNeRA='],
				// Component CSS is in external files, and Svelte sets dynamic styles (`style:`) through
				// CSSOM (element.style), which CSP does not govern: no <style> element needs allowing.
				'style-src': ['self'],
				// One style attribute is parsed from markup: SvelteKit's route announcer (in its
				// generated root component) hides itself with it. Only that exact attribute is allowed,
				// by hash; tests/csp.spec.ts fails if a SvelteKit update changes it.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				// Recordings of a pitch play from blob: URLs made of the recorded audio.
				'media-src': ['self', 'blob:'],
				// The import worker and the service worker are both same-origin files.
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self']
			}
		}
	},
	compilerOptions: { runes: true }
};

export default config;
