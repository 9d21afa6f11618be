// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact } from '$lib/db/testing/factories';
import { pull } from './bridge';
import { SCHEMA_VERSION } from './doc';
import { releaseHeld } from './held';
import { sealDoc } from './seal';
import { device, memoryPouch, settleAll, sharedKey } from './testing/devices';

describe('records held back for a newer Kith', () => {
	it('are applied once this device runs a Kith that knows their shape', async () => {
		const a = device('a', await sharedKey());
		const server = memoryPouch('server');
		const next = SCHEMA_VERSION + 1;
		const future = makeContact({ name: 'From a newer Kith' });
		await server.put({
			_id: `contacts:${future.id}`,
			s: await sealDoc(a.key, `contacts:${future.id}`, { v: next, row: future })
		} as never);
		await repos(a.db).contacts.put(makeContact({ name: 'Now' }));
		await settleAll([a], server);
		expect(await a.db.syncHeld.count()).toBe(1);
		// Still this version: nothing to read again.
		expect(await releaseHeld(a.db)).toBe(false);

		// As if updated: this build now reads version `next` (the row fits today's schema as is).
		expect(await releaseHeld(a.db, next)).toBe(true);
		await pull(a, { schemaVersion: next });
		expect(await a.db.syncHeld.count()).toBe(0);
		expect((await repos(a.db).contacts.get(future.id))?.name).toBe('From a newer Kith');
	});
});
