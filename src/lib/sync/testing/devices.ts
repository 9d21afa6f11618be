/**
 * Test support: devices for sync tests in Node. Each device is a Kith database (fake-indexeddb)
 * with its own replica; the "server" is a third PouchDB, all on PouchDB's memory adapter, and a
 * round replicates with it exactly as the engine does with a real server.
 */
import PouchDB from 'pouchdb';
import memory from 'pouchdb-adapter-memory';
import type { KithDB } from '$lib/db';
import { testDb } from '$lib/db/testing/factories';
import { pull, push, sent, type Bridge } from '../bridge';
import type { Replica } from '../replica';
import { createKeyring } from '../seal';
import type { PouchDatabase } from '../pouch-types';

PouchDB.plugin(memory);

export type Pouch = PouchDatabase;

export function memoryPouch(name: string): Pouch {
	return new PouchDB(`${name}-${crypto.randomUUID()}`, {
		adapter: 'memory'
	}) as unknown as PouchDatabase;
}

export interface Device extends Bridge {
	name: string;
	pouch: Pouch;
}

export async function sharedKey(): Promise<CryptoKey> {
	return (await createKeyring('correct horse battery', { iterations: 1000 })).dataKey;
}

export function device(name: string, key: CryptoKey, db: KithDB = testDb()): Device {
	const pouch = memoryPouch(name);
	return { name, db, key, pouch, replica: pouch as unknown as Replica };
}

export class Crash extends Error {}

/**
 * Runs `step` as if the app died right after it wrote to the replica: every write it makes to the
 * device's `tables` (its bookkeeping: outbox, base revisions, checkpoint) fails, so its Dexie
 * transaction rolls back while what it wrote to the replica stays. Returns whether it crashed.
 */
export async function crashing(
	d: Device,
	tables: readonly ('syncBase' | 'syncOutbox' | 'syncState')[],
	step: () => Promise<unknown>
): Promise<boolean> {
	const boom = () => {
		throw new Crash('crash');
	};
	const hooks = tables.flatMap((t) =>
		(['creating', 'updating', 'deleting'] as const).map((h) => ({ table: d.db.table(t), h }))
	);
	// Dexie types each hook name on its own; the same thrower serves all three.
	for (const { table, h } of hooks) table.hook(h as 'deleting', boom as never);
	try {
		await step();
		return false;
	} catch (e) {
		if (e instanceof Crash) return true;
		throw e;
	} finally {
		for (const { table, h } of hooks) table.hook(h as 'deleting').unsubscribe(boom as never);
	}
}

/** Pushes every mark, then pulls every change, until the replica has nothing new. */
export async function drain(d: Device): Promise<void> {
	for (let i = 0; i < 50; i++) {
		const pushed = await push(d);
		const pulled = await pull(d);
		if (
			!pushed.more &&
			pushed.pushed === 0 &&
			!pulled.more &&
			pulled.applied === 0 &&
			pulled.settled === 0
		)
			return;
	}
	throw new Error(`${d.name} did not settle`);
}

/** One device's sync round with the server: local in, replicate both ways, local out. */
export async function round(d: Device, server: Pouch): Promise<void> {
	await drain(d);
	await d.pouch.replicate.to(server);
	await sent(d);
	await d.pouch.replicate.from(server);
	// As the engine does: what came from the server is not offered back to it.
	const arrived = (await d.pouch.info()).update_seq;
	await drain(d);
	await d.pouch.replicate.to(server, { since: arrived });
	await sent(d);
}

/** Rounds on every device until none of them changes anything. */
export async function settleAll(devices: Device[], server: Pouch): Promise<void> {
	for (let i = 0; i < 4; i++) for (const d of devices) await round(d, server);
}
