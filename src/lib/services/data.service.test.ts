import type { Table } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { repos } from '$lib/db/repos';
import { readSnapshot, SNAPSHOT_TABLES } from '$lib/db/snapshot';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { deleteAllData, summarizeData } from './data.service';

async function seed() {
	const db = testDb();
	const r = repos(db);
	await r.contacts.put(makeContact({ name: 'Ada' }));
	await r.contacts.put(makeContact({ name: 'Grace', deletedAt: 5 }));
	await r.settings.set('lastBackupAt', 1_000);
	await r.settings.set('sampleContactIds', ['x']);
	await db.drafts.put({ key: 'capture', values: { name: 'Half typed' }, updatedAt: 1 });
	return db;
}

describe('deleteAllData', () => {
	it('counts every contact, the trash included, for the confirmation', async () => {
		const db = await seed();
		expect(await summarizeData(db)).toEqual({ contacts: 2 });
	});

	it('empties every table and says how many contacts went', async () => {
		const db = await seed();
		expect(await deleteAllData(db)).toBe(2);
		const after = await readSnapshot(db);
		for (const name of SNAPSHOT_TABLES) expect(after[name], name).toEqual([]);
		expect(await summarizeData(db)).toEqual({ contacts: 0 });
	});

	it('changes nothing when one table cannot be emptied', async () => {
		const db = await seed();
		const before = await readSnapshot(db);
		// The last table fails after the others were already emptied inside the transaction.
		const proto = Object.getPrototypeOf(db.settings) as { clear: (this: Table) => unknown };
		const clear = proto.clear;
		const spy = vi.spyOn(proto, 'clear').mockImplementation(function (this: Table) {
			if (this.name === 'settings')
				return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
			return clear.call(this);
		});
		await expect(deleteAllData(db)).rejects.toThrow('The disk is full.');
		spy.mockRestore();
		expect(await readSnapshot(db)).toEqual(before);
	});
});
