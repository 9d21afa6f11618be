/**
 * The sync engine, loaded only when sync is on and run by one tab at a time: a local PouchDB
 * replica (its own IndexedDB database, `kith-sync-replica`) replicated with the person's server,
 * and the bridge that moves changes between it and Kith's database. A round pushes the outbox,
 * replicates both ways, applies what arrived and sends back any merge it made. Rounds run when
 * something changed here, when the server reports a change, every few minutes, when the browser
 * comes back online and on "Sync now"; a failed round is retried with growing pauses, and
 * replication resumes from its checkpoints, so a round cut short sends nothing twice.
 */
import PouchDB from 'pouchdb-browser';
import { observe, read, write, type KithDB } from '$lib/db';
import { fromBase64 } from '$lib/io/backup-base64';
import {
	keepPausedRecords,
	MassDeletePaused,
	pullAll,
	pullArrived,
	push,
	sent,
	type Bridge
} from './bridge';
import { CONFIG_KEY, REPLICA_NAME, STATUS_KEY, type SyncConfig, type SyncStatus } from './config';
import { describeSyncFailure } from './errors';
import type { Feed, PouchDatabase, ReplicationResult } from './pouch-types';
import type { Replica } from './replica';
import { releaseHeld } from './held';
import { importDataKey } from './seal';

const POLL_MS = 3 * 60_000;
/** Records applied to Kith's database per transaction (pullAll's default). */
const PULL_BATCH = 1000;
const BACKOFF_MS = [2_000, 5_000, 15_000, 30_000, 60_000, 5 * 60_000];

export interface Engine {
	syncNow(): Promise<void>;
	/** Answers a paused round: apply its deletions here too, or keep the records and send them back. */
	applyDeletes(): Promise<void>;
	keepDeleted(): Promise<void>;
	stop(): Promise<void>;
}

export function openReplica(): PouchDatabase {
	// Old revisions stay until replaced: a merge needs the version both devices started from.
	return new PouchDB(REPLICA_NAME, { auto_compaction: false });
}

export function openRemote(
	config: Pick<SyncConfig, 'server' | 'username' | 'password' | 'database'>
) {
	return new PouchDB(`${config.server}/${config.database}`, {
		auth: { username: config.username, password: config.password },
		skip_setup: true
	});
}

async function saveStatus(db: KithDB, change: Partial<SyncStatus>) {
	await write(db, ['syncState'], async (r) => {
		const now = (await r.syncState.read<SyncStatus>(STATUS_KEY)) ?? {
			phase: 'starting',
			lastSyncedAt: null,
			problem: null,
			pausedDeletes: null
		};
		await r.syncState.save(STATUS_KEY, { ...now, ...change });
	});
}

export async function startEngine(
	db: KithDB,
	{ online = () => true }: { online?: () => boolean } = {}
): Promise<Engine> {
	const config = await read(db, ['syncState'], (r) => r.syncState.read<SyncConfig>(CONFIG_KEY));
	if (!config) throw new Error('Sync is not on.');
	const raw = fromBase64(config.key);
	if (!raw) throw new Error('The stored sync key is damaged.');
	const replica = openReplica();
	const remote = openRemote(config);
	const bridge: Bridge = { db, replica: replica as Replica, key: await importDataKey(raw) };
	// Records a newer Kith wrote may be readable by this one now (the app was updated).
	await releaseHeld(db);

	let stopped = false;
	let running: Promise<void> | null = null;
	let again = false;
	let failures = 0;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let allowDeletes = false;
	let paused: string[] = [];

	/**
	 * Replicates from the server into the replica, and applies what has arrived meanwhile, a whole
	 * batch at a time (pullArrived), instead of all of it after the last document came: a first
	 * sync's 25,000 records took 10 s to apply after 24 s of replication, while this page waited on
	 * the server half of the time.
	 */
	async function replicateFrom(recordings: boolean) {
		// Without recordings, their documents (and audio) are not even fetched from the server.
		const replication = replica.replicate.from(remote, {
			batch_size: 100,
			...(recordings
				? {}
				: { filter: (doc: { _id: string }) => !doc._id.startsWith('recordings:') })
		});
		let pulling: Promise<void> | undefined;
		let done = false;
		let failure: { error: unknown } | undefined;
		let from = 0;
		replication.on('change', (info: ReplicationResult) => {
			if (pulling || done || failure || info.docs_written - from < PULL_BATCH) return;
			from = info.docs_written;
			pulling = pullArrived(bridge, { allowDeletes, recordings, limit: PULL_BATCH }).then(
				({ clash }) => {
					// Settled by pullAll once the replication is over.
					done = clash;
					pulling = undefined;
				},
				(error: unknown) => {
					failure = { error };
					pulling = undefined;
				}
			);
		});
		try {
			await replication;
		} finally {
			done = true;
			await pulling;
		}
		if (failure) throw failure.error;
	}

	async function roundOnce() {
		await saveStatus(db, { phase: 'syncing' });
		const now = await read(db, ['syncState'], (r) => r.syncState.read<SyncConfig>(CONFIG_KEY));
		const recordings = now?.recordings !== false;
		while ((await push(bridge)).more);
		await replica.replicate.to(remote, { batch_size: 100 });
		await sent(bridge);
		await replicateFrom(recordings);
		// Everything in the replica up to here was sent (above) or came from the server (just now),
		// as only this engine, in one tab, writes to it: the way back starts after it. Without
		// that, the replication below reads every document that arrived and asks the server about
		// each again (6 to 13 s of a first sync of 25,000 records, with nothing to send).
		const arrived = (await replica.info()).update_seq;
		// What a settled clash merged into is in the replica then: it is applied in this round too.
		await pullAll(bridge, { allowDeletes, recordings, limit: PULL_BATCH });
		allowDeletes = false;
		// A merge settled in this round is a new revision in the replica: send it on.
		while ((await push(bridge)).more);
		await replica.replicate.to(remote, { batch_size: 100, since: arrived });
		await sent(bridge);
		failures = 0;
		await saveStatus(db, {
			phase: 'idle',
			lastSyncedAt: Date.now(),
			problem: null,
			pausedDeletes: null
		});
	}

	/** Runs rounds while asked to; says whether the last one ended well. */
	async function loop(): Promise<boolean> {
		do {
			again = false;
			try {
				await roundOnce();
			} catch (error) {
				if (error instanceof MassDeletePaused) {
					paused = error.keys;
					await saveStatus(db, { phase: 'paused', pausedDeletes: { count: error.count } });
					return false;
				}
				const failure = describeSyncFailure(error, { online: online() });
				await saveStatus(db, {
					phase: failure.kind === 'offline' ? 'offline' : 'problem',
					problem: failure.message
				}).catch(() => undefined);
				const wait = BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!;
				clearTimeout(retry);
				if (!stopped) retry = setTimeout(() => void round(), wait);
				return false;
			}
		} while (again && !stopped);
		return true;
	}

	function round(): Promise<void> {
		if (stopped) return Promise.resolve();
		if (running) {
			again = true;
			return running;
		}
		const done = loop().finally(() => {
			running = null;
		});
		// A change made here while the round ran, and not sent by it, gets a round of its own
		// (after a failure, the retry above sends it).
		void done.then(
			async (ok) => {
				if (ok && (await waiting())) void round();
			},
			() => undefined
		);
		running = done.then(() => undefined);
		return running;
	}

	/** Whether a change made here waits to be handed to the replica. */
	const waiting = () =>
		read(db, ['syncOutbox'], async (r) => (await r.syncOutbox.page(1)).length > 0).catch(
			() => false
		);

	// Local changes: the outbox fills in the transaction that makes them, in any tab. While a
	// round runs, the outbox changes with its own bookkeeping too, which is no reason for another
	// round: a change made meanwhile is found when it ends (above).
	const unwatch = observe(
		() => db.syncOutbox.count(),
		(n) => {
			if (n > 0 && !running) void round();
		},
		() => undefined
	);
	// Remote changes: the server's feed says when another device wrote.
	let feed: Feed<void> | undefined;
	const listen = () => {
		feed = remote.changes({ live: true, since: 'now' });
		// Its failures are reported through 'error' below; the promise itself has nothing to add.
		feed.catch(() => undefined);
		// This device's own revision coming back from the server is nothing new.
		feed.on('change', (change: { id: string; changes: { rev: string }[] }) => {
			void read(db, ['syncBase'], (r) => r.syncBase.get(change.id)).then(
				(base) => {
					if (!base || !change.changes.some((c) => c.rev === base.rev)) void round();
				},
				() => void round()
			);
		});
		feed.on('error', () => {
			// The polling below and the retries keep sync going; listen again after a pause.
			if (!stopped) setTimeout(listen, 30_000);
		});
	};
	listen();
	const poll = setInterval(() => void round(), POLL_MS);
	void round();

	return {
		syncNow: () => {
			failures = 0;
			return round();
		},
		async applyDeletes() {
			allowDeletes = true;
			await round();
		},
		async keepDeleted() {
			await keepPausedRecords(bridge, paused);
			paused = [];
			await round();
		},
		async stop() {
			stopped = true;
			clearTimeout(retry);
			clearInterval(poll);
			unwatch();
			feed?.cancel();
			await running?.catch(() => undefined);
			await replica.close();
		}
	};
}
