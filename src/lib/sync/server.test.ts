// The sync server (scripts/sync-server.mjs) as PouchDB 9 sees it: real passwords, one database per
// user, a push that survives the server being killed halfway, and a full server that says so.
// Here rather than beside tests/support/sync-server.ts, because vitest only runs tests under src.
import { randomBytes } from 'node:crypto';
import PouchDB, { type Database } from 'pouchdb';
import memory from 'pouchdb-adapter-memory';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
	authorization,
	rawDocs,
	startSyncServer,
	type SyncServer
} from '../../../tests/support/sync-server';

PouchDB.plugin(memory);

const started: SyncServer[] = [];
afterEach(async () => {
	await Promise.all(started.splice(0).map((server) => server.stop()));
});

async function start(options: Parameters<typeof startSyncServer>[0] = {}): Promise<SyncServer> {
	const server = await startSyncServer(options);
	started.push(server);
	return server;
}

function localDb(): Database {
	return new PouchDB(`local-${randomBytes(6).toString('hex')}`, { adapter: 'memory' });
}

function remoteDb(server: SyncServer, password = server.password): Database {
	return new PouchDB(server.dbUrl, { auth: { username: server.username, password } });
}

/** What a sealed row looks like to the server: an id and an opaque blob. */
function sealedDocs(count: number) {
	return Array.from({ length: count }, (_, i) => ({
		_id: `contacts:${String(i).padStart(4, '0')}`,
		c: randomBytes(600).toString('base64')
	}));
}

async function status(url: string, headers: Record<string, string> = {}) {
	const response = await fetch(url, { headers: { Accept: 'application/json', ...headers } });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the sync server', () => {
	test('refuses missing and wrong passwords, and other databases', async () => {
		const server = await start();
		const wrong = { ...server, password: 'not-the-password' };

		expect(await status(server.dbUrl)).toEqual({
			status: 401,
			body: { error: 'unauthorized', reason: 'Authentication required.' }
		});
		expect(await status(server.dbUrl, { Authorization: authorization(wrong) })).toEqual({
			status: 401,
			body: { error: 'unauthorized', reason: 'Name or password is incorrect.' }
		});
		const stranger = { ...server, username: 'someone' };
		expect((await status(server.dbUrl, { Authorization: authorization(stranger) })).status).toBe(
			401
		);
		// PouchDB hands the client the same 401, so the app can say "wrong password".
		await expect(remoteDb(server, 'not-the-password').info()).rejects.toMatchObject({
			status: 401
		});

		const auth = { Authorization: authorization(server) };
		expect((await status(server.dbUrl, auth)).status).toBe(200);
		expect((await status(`${server.url}/_session`, auth)).body).toMatchObject({
			userCtx: { name: server.username, roles: [] }
		});
		expect((await status(`${server.url}/userdb-6f74686572`, auth)).status).toBe(403);
		expect((await status(`${server.url}/_all_dbs`, auth)).status).toBe(403);
		// No design document, so no code of a user's ever runs on the server.
		await expect(remoteDb(server).put({ _id: '_design/x', views: {} })).rejects.toMatchObject({
			status: 403
		});

		// A browser page on another local port may ask, before any password is sent.
		const preflight = await fetch(`${server.dbUrl}/_bulk_docs`, {
			method: 'OPTIONS',
			headers: {
				Origin: 'http://127.0.0.1:4173',
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'authorization,content-type'
			}
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
		expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
		expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
	});

	test('a push killed halfway resumes from its checkpoint and leaves no duplicates', async () => {
		const server = await start();
		const local = localDb();
		const docs = sealedDocs(300);
		const clip = randomBytes(200_000);
		docs[0] = Object.assign(docs[0]!, {
			_attachments: { clip: { content_type: 'application/octet-stream', data: clip } }
		});
		await local.bulkDocs(docs);

		// Killed between two batches, once 100 documents are on the server.
		let killing: Promise<void> | undefined;
		const first = local.replicate.to(remoteDb(server), { batch_size: 25 });
		void first.on('change', (info) => {
			if (info.docs_written >= 100) killing ??= server.kill();
		});
		const failure = await first.then(
			() => undefined,
			(error: unknown) => error
		);
		await killing;
		expect(killing, 'the server was killed during the push').toBeDefined();
		expect(failure, 'the push failed when the server died').toBeDefined();

		const pid = server.pid;
		await server.restart();
		expect(server.pid).not.toBe(pid);
		const kept = await rawDocs(server);
		expect(kept.length).toBeGreaterThanOrEqual(100);
		expect(kept.length).toBeLessThan(300);

		// The second push starts where the first one's checkpoint (a _local document on both
		// sides) says, not from the beginning.
		// (Recorded as called: the replicator reuses and moves on one options object.)
		const sinces: unknown[] = [];
		const changes = local.changes.bind(local);
		vi.spyOn(local, 'changes').mockImplementation((options) => {
			sinces.push(options?.since);
			return changes(options);
		});
		const second = await local.replicate.to(remoteDb(server), { batch_size: 25 });
		expect(second.ok).toBe(true);
		expect(Number(sinces[0])).toBeGreaterThan(0);
		expect(second.docs_written).toBe(300 - kept.length);

		const held = await rawDocs(server);
		expect(held.map((doc) => doc._id).sort()).toEqual(docs.map((doc) => doc._id).sort());
		expect(held.every((doc) => doc._rev.startsWith('1-'))).toBe(true);
		expect((await remoteDb(server).info()).doc_count).toBe(300);

		// Pulled into a new device: _changes, _revs_diff, _bulk_get and the attachment's bytes.
		const other = localDb();
		const pulled = await other.replicate.from(remoteDb(server));
		expect(pulled.docs_written).toBe(300);
		expect((await other.allDocs()).total_rows).toBe(300);
		const attachment = await other.getAttachment(docs[0]!._id, 'clip');
		expect(attachment.equals(clip)).toBe(true);

		const last = server.pid;
		await server.stop();
		expect(() => process.kill(last, 0)).toThrow(/ESRCH/);
	});

	test('a _bulk_docs that is the first request to a database since the start is answered', async () => {
		// PouchDB runs a write that comes before the database is open from its task queue, through
		// the server's write guard a second time; the guard once answered that call with nothing and
		// the process died. With and without the quota check, which takes another path.
		for (const maxDocs of [undefined, 10]) {
			const server = await start({ maxDocs });
			const post = (docs: object[]) =>
				fetch(`${server.dbUrl}/_bulk_docs`, {
					method: 'POST',
					headers: {
						Authorization: authorization(server),
						Accept: 'application/json',
						'Content-Type': 'application/json'
					},
					body: JSON.stringify({ docs })
				});
			const first = await post(sealedDocs(3));
			expect(first.status).toBe(201);
			const written = (await first.json()) as { ok?: boolean; id: string }[];
			expect(written.map((r) => [r.id, r.ok])).toEqual([
				['contacts:0000', true],
				['contacts:0001', true],
				['contacts:0002', true]
			]);
			const second = await post([{ _id: 'contacts:0003', c: 'x' }]);
			expect(second.status).toBe(201);
			expect(() => process.kill(server.pid, 0)).not.toThrow();
			expect((await rawDocs(server)).map((doc) => doc._id)).toEqual([
				'contacts:0000',
				'contacts:0001',
				'contacts:0002',
				'contacts:0003'
			]);
		}
	});

	test('a full server refuses new documents with a 413, and still takes edits', async () => {
		const server = await start({ maxDocs: 5 });
		const local = localDb();
		await local.bulkDocs(sealedDocs(4));
		await local.replicate.to(remoteDb(server));

		await local.bulkDocs(sealedDocs(8).slice(4));
		await expect(local.replicate.to(remoteDb(server))).rejects.toMatchObject({
			status: 413,
			name: 'forbidden'
		});
		expect(await rawDocs(server)).toHaveLength(4);

		const remote = remoteDb(server);
		const doc = await remote.get('contacts:0000');
		await expect(remote.put({ ...doc, c: 'edited' })).resolves.toMatchObject({ ok: true });
	});
});
