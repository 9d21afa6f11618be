// Starts and stops the sync server (scripts/sync-server.mjs) as a child process, for Playwright and
// vitest. Each server keeps its users and databases in a fresh temporary folder (removed by stop())
// unless the test names one; it is stopped by its process id, never by name.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/sync-server.mjs', import.meta.url));
const READY = /^Sync server listening on (http:\/\/\S+)$/m;

export type SyncServerOptions = {
	/** 0 or none: the server takes a free port itself, so no other process can race for it. */
	port?: number;
	/** A folder to keep the data in; none: a fresh temporary one, removed by stop(). */
	dataDir?: string;
	user?: string;
	/** None: a random one. */
	password?: string;
	/** --max-docs: writes that would store more documents are refused (a full server). */
	maxDocs?: number;
	/** How long to wait for the server to say it listens. */
	timeoutMs?: number;
};

export type SyncServer = {
	/** The server address, as typed into Kith's Settings > Sync: http://127.0.0.1:<port>. */
	readonly url: string;
	/** The user's database (CouchDB's couch_peruser name, userdb-<hex of the name>). */
	readonly dbName: string;
	readonly dbUrl: string;
	readonly username: string;
	readonly password: string;
	readonly port: number;
	readonly dataDir: string;
	/** The running process's id; a restart changes it. */
	readonly pid: number;
	/** Everything the server printed so far, for a failing test's message. */
	output(): string;
	/** SIGTERM, SIGKILL after 5 s if it has not exited; removes a temporary data folder. */
	stop(): Promise<void>;
	/** SIGKILL at once, as a crash or a pulled plug: the data folder stays for restart(). */
	kill(): Promise<void>;
	/** Starts it again on the same port and data folder (after kill(), or stops it first). */
	restart(): Promise<SyncServer>;
};

const running = new Set<ChildProcess>();
// A test runner that dies leaves no server behind.
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
	const ownsDir = options.dataDir === undefined;
	const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kith-sync-')));
	const username = options.user ?? 'kith';
	const password = options.password ?? randomBytes(12).toString('base64url');
	const timeoutMs = options.timeoutMs ?? 15_000;
	let log = '';

	const launch = async (port: number) => {
		const args = [SCRIPT, '--data', dataDir, '--host', '127.0.0.1', '--port', String(port)];
		if (options.maxDocs !== undefined) args.push('--max-docs', String(options.maxDocs));
		// The password goes by environment, not argv, where any process could read it.
		const env: NodeJS.ProcessEnv = { ...process.env, SYNC_USER: username, SYNC_PASSWORD: password };
		delete env.SYNC_PORT;
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		running.add(child);
		const exited = new Promise<void>((done) =>
			child.once('exit', () => {
				running.delete(child);
				done();
			})
		);
		const url = await new Promise<string>((done, fail) => {
			let out = '';
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				fail(new Error(`The sync server did not start in ${timeoutMs} ms:\n${log}`));
			}, timeoutMs);
			child.stdout!.setEncoding('utf8').on('data', (text: string) => {
				log += text;
				out += text;
				const ready = READY.exec(out);
				if (ready) {
					clearTimeout(timer);
					done(ready[1]!);
				}
			});
			child.stderr!.setEncoding('utf8').on('data', (text: string) => (log += text));
			child.once('exit', (code, signal) => {
				clearTimeout(timer);
				fail(new Error(`The sync server exited (${code ?? signal}) before it listened:\n${log}`));
			});
		});
		return { child, exited, url };
	};

	let current = await launch(options.port ?? 0);
	const port = Number(new URL(current.url).port);
	const dbName = `userdb-${Buffer.from(username, 'utf8').toString('hex')}`;

	const alive = () => current.child.exitCode === null && current.child.signalCode === null;
	const signal = async (name: NodeJS.Signals) => {
		if (alive()) process.kill(current.child.pid!, name);
		await current.exited;
	};

	const server: SyncServer = {
		url: current.url,
		dbName,
		dbUrl: `${current.url}/${dbName}`,
		username,
		password,
		port,
		dataDir,
		get pid() {
			return current.child.pid!;
		},
		output: () => log,
		async stop() {
			if (alive()) {
				process.kill(current.child.pid!, 'SIGTERM');
				const late = setTimeout(() => alive() && current.child.kill('SIGKILL'), 5000);
				await current.exited;
				clearTimeout(late);
			}
			if (ownsDir) await rm(dataDir, { recursive: true, force: true });
		},
		kill: () => signal('SIGKILL'),
		async restart() {
			await signal('SIGTERM');
			current = await launch(port);
			return server;
		}
	};
	return server;
}

/** The Authorization header the server's user sends. */
export function authorization(server: Pick<SyncServer, 'username' | 'password'>): string {
	return `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;
}

/**
 * Every document the server holds in a database (the user's unless named), as stored: what the
 * server could read of a person's data.
 */
export async function rawDocs(
	server: Pick<SyncServer, 'url' | 'dbName' | 'username' | 'password'>,
	options: { db?: string; attachments?: boolean } = {}
): Promise<Array<{ _id: string; _rev: string } & Record<string, unknown>>> {
	const query = `include_docs=true${options.attachments ? '&attachments=true' : ''}`;
	const url = `${server.url}/${encodeURIComponent(options.db ?? server.dbName)}/_all_docs?${query}`;
	const response = await fetch(url, {
		headers: { Authorization: authorization(server), Accept: 'application/json' }
	});
	if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
	const body = (await response.json()) as {
		rows: Array<{ doc: { _id: string; _rev: string } & Record<string, unknown> }>;
	};
	return body.rows.map((row) => row.doc);
}
