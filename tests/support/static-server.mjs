// A small static server for the built app, like the one `npm start` uses (scripts/serve.mjs: sirv
// with a 200.html fallback, the same security headers and the build's compressed copies), but
// reading files on every request so a test can publish a new build while it runs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { setSecurityHeaders } from '../../scripts/security-headers.mjs';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

/** @param {string} path */
async function file(path) {
	try {
		const s = await stat(path);
		return s.isFile() ? path : undefined;
	} catch {
		return undefined;
	}
}

/** @type {Map<string, boolean>} */
const verified = new Map();

/**
 * The copy the build wrote beside a file (precompress in svelte.config.js), if it still holds the
 * file's bytes: a test publishing a release edits sw.js and version.json in place, and copies of
 * build/ do not keep the files' times, so the copy is unpacked and compared (once per version).
 * @param {string} path
 * @param {'br' | 'gzip'} encoding
 */
async function compressed(path, encoding) {
	const copy = `${path}.${encoding === 'br' ? 'br' : 'gz'}`;
	try {
		const [a, b] = await Promise.all([stat(path), stat(copy)]);
		const key = `${copy}:${a.mtimeMs}:${a.size}:${b.mtimeMs}:${b.size}`;
		let same = verified.get(key);
		if (same === undefined) {
			const [original, packed] = await Promise.all([readFile(path), readFile(copy)]);
			same = (encoding === 'br' ? brotliDecompressSync(packed) : gunzipSync(packed)).equals(
				original
			);
			verified.set(key, same);
		}
		return same ? { path: copy, encoding } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * @param {string} root
 * @param {number} port
 * @returns {Promise<import('node:http').Server>}
 */
export function startStaticServer(root, port, host = '127.0.0.1') {
	const base = resolve(root);
	const server = createServer(async (req, res) => {
		setSecurityHeaders(res);
		const url = new URL(req.url ?? '/', 'http://x');
		const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
		const candidates = [join(base, rel), join(base, `${rel}.html`), join(base, rel, 'index.html')];
		let found;
		for (const c of candidates) if (c.startsWith(base) && (found = await file(c))) break;
		const fallback = !found && !extname(rel);
		if (!found && fallback) found = join(base, '200.html');
		if (!found) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		const accepts = String(req.headers['accept-encoding'] ?? '');
		const encoded =
			(/\bbr\b/.test(accepts) && (await compressed(found, 'br'))) ||
			(/\bgzip\b/.test(accepts) && (await compressed(found, 'gzip'))) ||
			undefined;
		const body = await readFile(encoded?.path ?? found);
		res.writeHead(200, {
			'content-type': TYPES[extname(found)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			vary: 'Accept-Encoding',
			...(encoded ? { 'content-encoding': encoded.encoding } : {})
		});
		res.end(body);
	});
	return new Promise((resolveStart) => server.listen(port, host, () => resolveStart(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [root = 'build', port = '4173'] = process.argv.slice(2);
	await startStaticServer(root, Number(port));
	console.log(`Serving ${root} on http://127.0.0.1:${port}`);
}
