// The sync server as Chromium sees it from the app's origin: the policy lets the page reach it,
// CORS lets the page read its answers (a 401 included, so the app can say "wrong password"), and
// PouchDB's browser build replicates both ways with the password.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type PouchDBNode from 'pouchdb';
import { openControlled } from './support/app';
import { rawDocs, startSyncServer, type SyncServer } from './support/sync-server';

const POUCHDB = fileURLToPath(new URL('../node_modules/pouchdb/dist/pouchdb.js', import.meta.url));

let server: SyncServer;
test.beforeEach(async () => {
	server = await startSyncServer();
});
test.afterEach(async () => {
	await server.stop();
});

test('a page of the app, under its policy and worker, reaches the server', async ({ page }) => {
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|CORS/i.test(message.text())) blocked.push(message.text());
	});
	await openControlled(page, '/about');
	const seen = await page.evaluate(
		async ({ dbUrl, username, password }) => {
			const basic = (pw: string) => ({ Authorization: `Basic ${btoa(`${username}:${pw}`)}` });
			const none = await fetch(dbUrl);
			const wrong = await fetch(dbUrl, { headers: basic('not-the-password') });
			const right = await fetch(dbUrl, { headers: basic(password) });
			const put = await fetch(`${dbUrl}/probe`, {
				method: 'PUT',
				headers: { ...basic(password), 'Content-Type': 'application/json' },
				body: JSON.stringify({ c: 'sealed' })
			});
			return {
				none: none.status,
				wrong: [wrong.status, ((await wrong.json()) as { reason: string }).reason],
				right: right.status,
				put: put.status
			};
		},
		{ dbUrl: server.dbUrl, username: server.username, password: server.password }
	);
	expect(seen).toEqual({
		none: 401,
		wrong: [401, 'Name or password is incorrect.'],
		right: 200,
		put: 201
	});
	expect(blocked).toEqual([]);
});

test.describe('PouchDB in the browser', () => {
	// The app does not ship PouchDB yet; its browser build is put in the page for this test.
	test.use({ bypassCSP: true });

	test('replicates to the server and back, attachment included', async ({ page }) => {
		await page.goto('/about');
		await page.addScriptTag({ path: POUCHDB });
		const result = await page.evaluate(
			async ({ dbUrl, username, password }) => {
				// The browser build has the Node build's API (attachments come as Blobs).
				const Pouch = (window as unknown as { PouchDB: typeof PouchDBNode }).PouchDB;
				const denied = await new Pouch(dbUrl, { auth: { username, password: 'wrong-password' } })
					.info()
					.then(
						() => 0,
						(error: { status?: number }) => error.status ?? -1
					);

				const local = new Pouch('sync-probe');
				const clip = new Blob([new Uint8Array(200_000).fill(7)], { type: 'audio/webm' });
				await local.bulkDocs(
					Array.from({ length: 50 }, (_, i) => ({
						_id: `contacts:${String(i).padStart(4, '0')}`,
						c: `sealed-${i}`,
						...(i === 0
							? { _attachments: { clip: { content_type: 'audio/webm', data: clip } } }
							: {})
					}))
				);
				const remote = new Pouch(dbUrl, { auth: { username, password } });
				const push = await local.replicate.to(remote);
				const other = new Pouch('sync-probe-other');
				const pull = await other.replicate.from(remote);
				const attachment = (await other.getAttachment('contacts:0000', 'clip')) as unknown as Blob;
				return {
					denied,
					pushed: push.docs_written,
					pulled: pull.docs_written,
					size: attachment.size
				};
			},
			{ dbUrl: server.dbUrl, username: server.username, password: server.password }
		);
		expect(result).toEqual({ denied: 401, pushed: 50, pulled: 50, size: 200_000 });
		expect(await rawDocs(server)).toHaveLength(50);
	});
});
