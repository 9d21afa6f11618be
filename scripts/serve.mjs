// `npm start` / `npm run serve`: serves build/ as a single-page app (any unknown path gets
// 200.html) with the security headers a meta tag cannot carry, the build's compressed copies where
// the browser takes them, and a year's caching for the files whose names change with their
// content. sirv-cli has no option for custom headers, so this uses sirv as a library. sirv lists the files when it starts:
// restart it after a build.
import { createServer } from 'node:http';
import sirv from 'sirv';
import { setCacheHeaders, setSecurityHeaders } from './security-headers.mjs';

const args = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const root = args[0] && !args[0].startsWith('--') ? args[0] : 'build';
const port = Number(option('port', '4173'));
const host = option('host', '127.0.0.1');

const serve = sirv(root, {
	single: '200.html',
	etag: true,
	// The build wrote .br and .gz beside each file (precompress in svelte.config.js).
	brotli: true,
	gzip: true,
	setHeaders: (res, pathname) => {
		setSecurityHeaders(res);
		setCacheHeaders(res, pathname);
	}
});

createServer((req, res) =>
	serve(req, res, () => {
		setSecurityHeaders(res);
		res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
	})
).listen(port, host, () => console.log(`Serving ${root} on http://${host}:${port}`));
