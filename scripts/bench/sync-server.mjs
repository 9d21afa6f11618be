// The project's sync server (scripts/sync-server.mjs) as a child process of the bench, with its
// users and databases in a temporary folder. Each start of the server adds (or resets) the one
// user it is given, so the bench starts it once per extra user and then for good; it is stopped by
// its process id. (tests/support/sync-server.ts does the same for the tests, in TypeScript.)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../sync-server.mjs', import.meta.url));
const READY = /^Sync server listening on (http:\/\/\S+)$/m;

/** CouchDB's couch_peruser name for a user's database. @param {string} name */
export const userDbName = (name) => `userdb-${Buffer.from(name, 'utf8').toString('hex')}`;

/**
 * @param {string} dataDir
 * @param {{ name: string, password: string }} user
 */
function launch(dataDir, user) {
	const args = [SCRIPT, '--data', dataDir, '--host', '127.0.0.1', '--port', '0'];
	// The password by environment, not argv, as the tests' helper does.
	const env = { ...process.env, SYNC_USER: user.name, SYNC_PASSWORD: user.password };
	delete env.SYNC_PORT;
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	const exited = new Promise((done) => child.once('exit', done));
	/** @type {Promise<string>} */
	const url = new Promise((done, fail) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			fail(new Error(`The sync server did not start in 30 s:\n${log}`));
		}, 30_000);
		child.stdout.setEncoding('utf8').on('data', (/** @type {string} */ text) => {
			log += text;
			const ready = READY.exec(log);
			if (ready) {
				clearTimeout(timer);
				done(/** @type {string} */ (ready[1]));
			}
		});
		child.stderr.setEncoding('utf8').on('data', (/** @type {string} */ text) => (log += text));
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			fail(new Error(`The sync server exited (${code ?? signal}) before it listened:\n${log}`));
		});
	});
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null && child.pid) {
			process.kill(child.pid, 'SIGTERM');
			const late = setTimeout(() => child.pid && child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(late);
		}
	};
	return {
		url,
		stop,
		pid: () => child.pid,
		output: () => log,
		alive: () => child.exitCode === null && child.signalCode === null
	};
}

/**
 * Starts the server with every user of `users` (the first one is the server's own for its last
 * start); `stop()` ends it and removes its data.
 * @param {{ name: string, password: string }[]} users
 */
export async function startBenchSyncServer(users) {
	const dataDir = await mkdtemp(join(tmpdir(), 'kith-bench-sync-'));
	for (const user of users.slice(1)) {
		const once = launch(dataDir, user);
		await once.url;
		await once.stop();
	}
	const server = launch(dataDir, /** @type {{ name: string, password: string }} */ (users[0]));
	const url = await server.url.catch(async (error) => {
		await rm(dataDir, { recursive: true, force: true });
		throw error;
	});
	const pid = server.pid();
	return {
		url,
		pid,
		/**
		 * Waits until the server has used under 5% of a core for a whole second (LevelDB compacts in
		 * the background after many writes), up to `timeoutMs`; on a system without /proc, returns.
		 * Resolves to the time waited, in ms.
		 */
		async quiet(timeoutMs = 60_000) {
			const start = performance.now();
			const ticks = async () => {
				const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
				const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
				// utime and stime, in clock ticks (100 a second on Linux)
				return fields ? Number(fields[11]) + Number(fields[12]) : undefined;
			};
			const until = start + timeoutMs;
			for (let last = await ticks(); last !== undefined && performance.now() < until;) {
				await new Promise((r) => setTimeout(r, 1000));
				const now = await ticks();
				if (now === undefined || now - last <= 5) break;
				last = now;
			}
			return Math.round(performance.now() - start);
		},
		/** Everything the server printed, for an error's message. */
		output: server.output,
		alive: server.alive,
		async stop() {
			await server.stop();
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * A request to a user's database: `path` after the database's name ('' for its info).
 * @param {string} url the server
 * @param {{ name: string, password: string }} user
 * @param {string} path
 * @param {RequestInit} [init]
 */
export async function dbRequest(url, user, path, init = {}) {
	const auth = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
	const send = () =>
		fetch(`${url}/${userDbName(user.name)}${path}`, {
			...init,
			headers: {
				Authorization: auth,
				Accept: 'application/json',
				'Content-Type': 'application/json',
				...init.headers
			}
		});
	// A read after the bench's own thread was busy for a while (sizing 25,000 documents) can go out
	// on a kept-alive connection the server closed meanwhile: it is sent again, once, on a new one.
	// A write is not, as it may have been done.
	const response = await send().catch((error) => {
		if (init.method === undefined && error?.cause?.code === 'UND_ERR_SOCKET') return send();
		throw error;
	});
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return response.json();
}
