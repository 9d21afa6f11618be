import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { get, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startStaticServer } from './support/static-server.mjs';

// What `npm start` sends a first visit: the build's compressed copies, a year's caching for the
// files whose names carry their content's hash, and the security headers. Lighthouse's scores
// (npm run bench) depend on the first two.

interface Reply {
	status: number;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

function fetchRaw(url: string, encoding?: string): Promise<Reply> {
	return new Promise((resolve, reject) => {
		get(url, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		}).on('error', reject);
	});
}

function decoded(reply: Reply): Buffer {
	const encoding = reply.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(reply.body);
	if (encoding === 'gzip') return gunzipSync(reply.body);
	return reply.body;
}

async function someScript(): Promise<string> {
	const names = await readdir('build/_app/immutable/chunks');
	const name = names.find((n) => n.endsWith('.js'));
	if (!name) throw new Error('No script in build/_app/immutable/chunks: build first');
	return `/_app/immutable/chunks/${name}`;
}

async function waitForServer(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			await fetchRaw(url);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`${url} did not answer`);
}

test.describe('npm start', () => {
	let server: ChildProcess;
	let origin: string;

	test.beforeAll(async () => {
		const port = 4340 + test.info().workerIndex;
		origin = `http://127.0.0.1:${port}`;
		server = spawn(process.execPath, ['scripts/serve.mjs', 'build', '--port', String(port)], {
			stdio: 'ignore'
		});
		await waitForServer(`${origin}/`);
	});

	test.afterAll(() => {
		if (server.pid) process.kill(server.pid);
	});

	test('sends the build compressed, the hashed files cached for a year, pages checked each time', async () => {
		const script = await someScript();
		const original = await readFile(join('build', script));

		const br = await fetchRaw(`${origin}${script}`, 'gzip, deflate, br');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['vary']).toMatch(/accept-encoding/i);
		expect(br.body.length).toBeLessThan(original.length);
		expect(decoded(br).equals(original)).toBe(true);
		expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

		const gzip = await fetchRaw(`${origin}${script}`, 'gzip');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(decoded(gzip).equals(original)).toBe(true);

		const plain = await fetchRaw(`${origin}${script}`);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(original)).toBe(true);

		for (const path of ['/', '/capture', '/contacts/some-id', '/sw.js', '/manifest.webmanifest']) {
			const page = await fetchRaw(`${origin}${path}`, 'br');
			expect(page.status, path).toBe(200);
			expect(page.headers['cache-control'], path).toBe('no-cache');
			expect(page.headers['x-content-type-options'], path).toBe('nosniff');
		}
		const html = await fetchRaw(`${origin}/capture`, 'br');
		expect(html.headers['content-encoding']).toBe('br');
		expect(decoded(html).toString()).toContain('<!doctype html>');
	});
});

test('the test server sends a compressed copy only while it still matches the file', async () => {
	const root = await mkdtemp(join(tmpdir(), 'kith-serve-'));
	let server: Server | undefined;
	try {
		await cp('build', root, { recursive: true });
		const port = 4350 + test.info().workerIndex;
		server = await startStaticServer(root, port);
		const url = `http://127.0.0.1:${port}/sw.js`;
		const before = await fetchRaw(url, 'br');
		expect(before.headers['content-encoding']).toBe('br');
		expect(decoded(before).equals(await readFile(join(root, 'sw.js')))).toBe(true);

		// A test publishing a release edits the worker in place; its old compressed copy is stale.
		await appendFile(join(root, 'sw.js'), '\n// next release\n');
		const after = await fetchRaw(url, 'br');
		expect(after.headers['content-encoding']).toBeUndefined();
		expect(after.body.toString()).toContain('// next release');
	} finally {
		await new Promise((r) => (server ? server.close(r) : r(undefined)));
		await rm(root, { recursive: true, force: true });
	}
});
