// @vitest-environment node
// Node, not jsdom: jsdom's Blob does not survive fake-indexeddb's structured clone, and recordings
// hold Blobs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTables, putRows, SNAPSHOT_TABLES } from '$lib/db/snapshot';
import { testDb } from '$lib/db/testing/factories';
import { LATEST_VERSION } from '$lib/db/versions';
import type { KithDB } from '$lib/db';
import { backupTables } from '$lib/io/backup-arbitraries';
import { serializeBackup, type BackupTables } from '$lib/io/backup';
import { exportBackup, readBackup, restoreBackup } from './backup.service';

const meta = { appVersion: '9.9.9', now: Date.UTC(2026, 3, 1, 12) };
const fileMeta = {
	schemaVersion: LATEST_VERSION,
	exportedAt: meta.now,
	appVersion: meta.appVersion
};

/**
 * The tables as a phone holds them once it has restored a backup made at `at`: the backup counts
 * as one, so lastBackupAt is `at` unless the data has a later one.
 */
function backedUpAt(tables: BackupTables, at: number): BackupTables {
	const own = tables.settings.find((row) => row.key === 'lastBackupAt')?.value as
		number | undefined;
	return {
		...tables,
		settings: [
			...tables.settings.filter((row) => row.key !== 'lastBackupAt'),
			{ key: 'lastBackupAt', value: Math.max(own ?? -1, at) }
		]
	};
}

async function seed(db: KithDB, tables: BackupTables) {
	await db.transaction('rw', allTables(db), async () => {
		for (const name of SNAPSHOT_TABLES) await putRows(db, name, tables[name] as never[]);
	});
}

describe('backup round trip (property)', () => {
	it('export, restore into an empty database, export again: the same bytes', async () => {
		await fc.assert(
			fc.asyncProperty(backupTables, async (tables) => {
				const source = testDb();
				await seed(source, tables);
				const first = await exportBackup(source, meta);
				expect(first.problems).toEqual([]);
				// Reading the database lost nothing: the export is what the data itself serialises to.
				expect(first.text).toBe(await serializeBackup(tables, fileMeta));

				const parsed = await readBackup(new TextEncoder().encode(first.text));
				const target = testDb();
				const counts = await restoreBackup(target, parsed, { mode: 'replace' });
				for (const name of SNAPSHOT_TABLES)
					expect(counts[name]).toEqual({
						added: tables[name].length,
						updated: 0,
						kept: 0,
						unchanged: 0,
						removed: 0
					});
				// Byte for byte the same data, and the restored phone counts the backup as made.
				const second = await exportBackup(target, meta);
				expect(second.text).toBe(await serializeBackup(backedUpAt(tables, meta.now), fileMeta));
				source.close();
				target.close();
			}),
			{ numRuns: 200 }
		);
	}, 60_000);

	it('merging a backup into the database it came from changes nothing', async () => {
		await fc.assert(
			fc.asyncProperty(backupTables, async (tables) => {
				const db = testDb();
				await seed(db, tables);
				const text = await serializeBackup(tables, fileMeta);
				const counts = await restoreBackup(db, await readBackup(text), { mode: 'merge' });
				for (const name of SNAPSHOT_TABLES)
					expect(counts[name]).toEqual({
						added: 0,
						updated: 0,
						kept: 0,
						unchanged: tables[name].length,
						removed: 0
					});
				expect((await exportBackup(db, meta)).text).toBe(
					await serializeBackup(backedUpAt(tables, meta.now), fileMeta)
				);
				db.close();
			}),
			{ numRuns: 40 }
		);
	}, 60_000);
});
