// @vitest-environment node
// Node, not jsdom: jsdom's Blob does not survive fake-indexeddb's structured clone.
import { describe, expect, it } from 'vitest';
import { exampleTables } from '$lib/io/backup-arbitraries';
import { BACKUP_TABLES } from '$lib/io/backup';
import { repos } from './repos';
import {
	allTables,
	clearTables,
	putRows,
	readKeys,
	readRows,
	readSnapshot,
	SNAPSHOT_TABLES
} from './snapshot';
import { NOT_BACKED_UP } from './sync-rows';
import { testDb } from './testing/factories';
import { TABLE_SCHEMAS } from './validate';

describe('snapshot', () => {
	it('covers every table of the database, as the backup does', () => {
		const db = testDb();
		const records = db.tables.map((t) => t.name).filter((n) => !NOT_BACKED_UP.includes(n));
		expect([...SNAPSHOT_TABLES].sort()).toEqual(records.sort());
		expect([...SNAPSHOT_TABLES]).toEqual([...BACKUP_TABLES]);
		expect([...SNAPSHOT_TABLES].sort()).toEqual(Object.keys(TABLE_SCHEMAS).sort());
	});

	it('writes contacts with their search words and reads them back without', async () => {
		const db = testDb();
		const { contacts } = exampleTables();
		await putRows(db, 'contacts', contacts);
		const stored = await db.contacts.get('c2');
		expect(stored?.words).toEqual(expect.arrayContaining(['zoe', 'angstrom']));
		expect((await repos(db).contacts.search({ query: 'angs' })).contacts.map((c) => c.id)).toEqual([
			'c2'
		]);
		const snapshot = await readSnapshot(db);
		expect(snapshot.contacts).toEqual([contacts[1], contacts[0]]);
		expect(await readRows(db, 'contacts', ['c2', 'nobody', 'c1'])).toEqual([
			contacts[0],
			undefined,
			contacts[1]
		]);
	});

	it('reads every table, keys sorted, Blobs intact, and clears them all', async () => {
		const db = testDb();
		const tables = exampleTables();
		await db.transaction('rw', allTables(db), async () => {
			for (const name of SNAPSHOT_TABLES) await putRows(db, name, tables[name] as never[]);
		});
		const snapshot = await readSnapshot(db);
		for (const name of SNAPSHOT_TABLES)
			expect(snapshot[name], name).toHaveLength(tables[name].length);
		expect(await readKeys(db, 'interactions')).toEqual(['i0', 'i1', 'i2', 'i3']);
		const blob = snapshot.recordings[0]!.blob;
		expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
		await clearTables(db);
		for (const name of SNAPSHOT_TABLES) expect(await readKeys(db, name)).toEqual([]);
	});
});
