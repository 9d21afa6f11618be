// The response headers every page and file of the built app is served with: the part of the
// security policy a <meta> tag cannot carry. The Content-Security-Policy proper (script hashes and
// all) is in each built page's meta tag, from `kit.csp` in svelte.config.js; browsers enforce
// both. Shared by `npm start` (scripts/serve.mjs) and the test server, and listed in the README.

/** @type {Readonly<Record<string, string>>} */
export const securityHeaders = Object.freeze({
	// No site may show Kith in a frame (clickjacking); only a header can say so.
	'Content-Security-Policy': "frame-ancestors 'none'",
	// A file is only ever what its Content-Type says, never sniffed into a script.
	'X-Content-Type-Options': 'nosniff',
	// Links to the outside world (a contact's website) do not learn which page they came from.
	'Referrer-Policy': 'no-referrer'
});

/** @param {import('node:http').ServerResponse} res */
export function setSecurityHeaders(res) {
	for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}

/**
 * Files under /_app/immutable/ have their content's hash in their name: a browser may keep them for
 * a year without asking again. Everything else (pages, the service worker, the manifest) is
 * checked on every load, so an update is seen at once.
 * @param {import('node:http').ServerResponse} res
 * @param {string} pathname
 */
export function setCacheHeaders(res, pathname) {
	res.setHeader(
		'Cache-Control',
		pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
	);
}
