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
	await drain(d);
	await d.pouch.replicate.to(server);
	await sent(d);
}

/** Rounds on every device until none of them changes anything. */
export async function settleAll(devices: Device[], server: Pouch): Promise<void> {
	for (let i = 0; i < 4; i++) for (const d of devices) await round(d, server);
}
