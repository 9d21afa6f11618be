// @vitest-environment node
// Node, not jsdom: jsdom's Blob does not survive fake-indexeddb's structured clone, and recordings
// hold Blobs.
import { describe, expect, it, vi } from 'vitest';
import type { KithDB } from '$lib/db';
import { repos } from '$lib/db/repos';
import { allTables, putRows, readSnapshot, SNAPSHOT_TABLES } from '$lib/db/snapshot';
import { testDb } from '$lib/db/testing/factories';
import { LATEST_VERSION } from '$lib/db/versions';
import { exampleTables } from '$lib/io/backup-arbitraries';
import { serializeBackup, type BackupTables } from '$lib/io/backup';
import {
	BackupError,
	exportBackup,
	mergeRow,
	NeedsPassphraseError,
	readBackup,
	restoreBackup,
	type RestoreCounts
} from './backup.service';

const now = Date.UTC(2026, 3, 1, 9, 30);
const opts = { appVersion: '0.1.0', now };

async function seed(db: KithDB, tables: Partial<BackupTables>) {
	await db.transaction('rw', allTables(db), async () => {
		for (const name of SNAPSHOT_TABLES)
			if (tables[name]) await putRows(db, name, tables[name] as never[]);
	});
}

async function fileOf(tables: BackupTables, appVersion = 'x') {
	return serializeBackup(tables, { schemaVersion: LATEST_VERSION, exportedAt: now, appVersion });
}

const none = { added: 0, updated: 0, kept: 0, unchanged: 0, removed: 0 };
function countsWith(changes: Partial<RestoreCounts>): RestoreCounts {
	return Object.fromEntries(
		SNAPSHOT_TABLES.map((t) => [t, { ...none, ...changes[t] }])
	) as RestoreCounts;
}

describe('exportBackup', () => {
	it('writes every table and notes the time of the backup', async () => {
		const db = testDb();
		await seed(db, exampleTables());
		expect(await repos(db).settings.get('lastBackupAt')).toBeUndefined();
		const result = await exportBackup(db, opts);
		expect(result.fileName).toMatch(/^kith-backup-2026-04-01\.json$/);
		expect(result.problems).toEqual([]);
		expect(result.text).toBe(await fileOf(exampleTables(), '0.1.0'));
		// The derived search words stay in the database.
		expect(result.text).not.toContain('"words"');
		expect(await repos(db).settings.get('lastBackupAt')).toBe(now);
	});

	it('reads every table in one transaction', async () => {
		const db = testDb();
		const spy = vi.spyOn(db, 'transaction');
		await exportBackup(db, opts);
		const reads = spy.mock.calls.filter((c) => c[0] === 'r');
		expect(reads).toHaveLength(1);
		expect((reads[0]![1] as unknown as { name: string }[]).map((t) => t.name).sort()).toEqual(
			[...SNAPSHOT_TABLES].sort()
		);
	});

	it('locks the file with a passphrase when given one', async () => {
		const db = testDb();
		await seed(db, exampleTables());
		const result = await exportBackup(db, { ...opts, passphrase: 'pw', iterations: 1000 });
		expect(result.fileName).toBe('kith-backup-2026-04-01-locked.json');
		expect(JSON.parse(result.text).format).toBe('kith-backup-encrypted');
		await expect(readBackup(result.text)).rejects.toBeInstanceOf(NeedsPassphraseError);
		const parsed = await readBackup(result.text, 'pw');
		expect(parsed.tables.contacts).toHaveLength(2);
	});

	it('still writes a file with rows a restore would refuse, but says so and sets no backup time', async () => {
		const db = testDb();
		await seed(db, exampleTables());
		// A row that slipped past validation somehow (an old bug, a hand-edited database).
		await db.contacts.put({ ...exampleTables().contacts[1]!, emails: ['broken'], words: [] });
		const result = await exportBackup(db, opts);
		expect(result.problems).toMatchObject([{ table: 'contacts', key: 'c1', path: ['emails', 0] }]);
		expect(result.text).toContain('"broken"');
		expect(await repos(db).settings.get('lastBackupAt')).toBeUndefined();
		await expect(readBackup(result.text)).rejects.toMatchObject({ code: 'invalid-rows' });
	});
});

describe('readBackup', () => {
	it('refuses a backup from a newer Kith than this one', async () => {
		const doc = JSON.parse(await fileOf(exampleTables()));
		doc.schemaVersion = LATEST_VERSION + 1;
		const error = await readBackup(JSON.stringify(doc)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackupError);
		expect((error as BackupError).code).toBe('newer-version');
	});
});

describe('restoreBackup, replace', () => {
	it('makes the device hold exactly what the backup holds', async () => {
		const db = testDb();
		const t = exampleTables();
		const mine = exampleTables();
		mine.contacts[0]!.name = 'Zoë (edited here)';
		mine.contacts[0]!.updatedAt += 1000;
		mine.contacts.push({ ...mine.contacts[1]!, id: 'c9', name: 'Only here' });
		mine.drafts = [];
		await seed(db, mine);

		const file = await fileOf(t);
		const counts = await restoreBackup(db, await readBackup(file), { mode: 'replace' });
		expect(counts).toEqual(
			countsWith({
				contacts: { ...none, updated: 1, unchanged: 1, removed: 1 },
				interactions: { ...none, unchanged: 4 },
				pitches: { ...none, unchanged: 1 },
				rehearsals: { ...none, unchanged: 1 },
				recordings: { ...none, unchanged: 1 },
				interviews: { ...none, unchanged: 1 },
				questions: { ...none, unchanged: 1 },
				drafts: { ...none, added: 1 },
				settings: { ...none, unchanged: 2 },
				contactExtras: { ...none, unchanged: 1 },
				templates: { ...none, unchanged: 2 }
			})
		);
		// The same data, and the backup, made at `now`, counts as this phone's last backup.
		const backedUp = {
			...t,
			settings: [
				...t.settings.filter((row) => row.key !== 'lastBackupAt'),
				{ key: 'lastBackupAt' as const, value: now }
			]
		};
		expect((await exportBackup(db, { ...opts, appVersion: 'x' })).text).toBe(
			await fileOf(backedUp)
		);
	});

	it('keeps this phone’s later backup time, which the file cannot hold about itself', async () => {
		const db = testDb();
		const settings = repos(db).settings;
		await settings.set('lastBackupAt', now);
		const older = exampleTables();
		older.settings = older.settings.filter((s) => s.key !== 'lastBackupAt');
		await restoreBackup(db, await readBackup(await fileOf(older)), { mode: 'replace' });
		expect(await settings.get('lastBackupAt')).toBe(now);

		const newer = exampleTables();
		newer.settings = [
			...newer.settings.filter((s) => s.key !== 'lastBackupAt'),
			{ key: 'lastBackupAt', value: now + 5000 }
		];
		await restoreBackup(db, await readBackup(await fileOf(newer)), { mode: 'replace' });
		expect(await settings.get('lastBackupAt')).toBe(now + 5000);
	});

	it('leaves contacts searchable', async () => {
		const db = testDb();
		await restoreBackup(db, await readBackup(await fileOf(exampleTables())), { mode: 'replace' });
		const found = await repos(db).contacts.search({ query: 'zoe library' });
		expect(found.contacts.map((c) => c.name)).toEqual(['Zoë Ångström']);
	});
});

describe('restoreBackup, merge', () => {
	const base = exampleTables().contacts[1]!;

	it('adds what the device lacks and keeps what only the device has', async () => {
		const db = testDb();
		await seed(db, { contacts: [{ ...base, id: 'mine', name: 'Mine' }] });
		const counts = await restoreBackup(db, await readBackup(await fileOf(exampleTables())), {
			mode: 'merge'
		});
		expect(counts.contacts).toEqual({ ...none, added: 2 });
		expect(counts.interactions.added).toBe(4);
		expect((await readSnapshot(db)).contacts.map((c) => c.id)).toEqual(['c1', 'c2', 'mine']);
		expect((await repos(db).contacts.search({ query: 'sam' })).contacts).toHaveLength(1);
	});

	it('takes the row changed last, and keeps the device’s on a tie', async () => {
		const tables = exampleTables();
		const theirs = tables.contacts;
		const db = testDb();
		await seed(db, {
			contacts: [
				{ ...theirs[1]!, name: 'Sam (older here)', updatedAt: theirs[1]!.updatedAt - 1 },
				{ ...theirs[0]!, name: 'Zoë (same time here)' }
			],
			interactions: [{ ...tables.interactions[0]!, summary: 'newer here', updatedAt: now }]
		});
		const counts = await restoreBackup(db, await readBackup(await fileOf(tables)), {
			mode: 'merge'
		});
		// The tie differs from the backup's row: the device's is kept, and said so, not "already here".
		expect(counts.contacts).toEqual({ ...none, updated: 1, kept: 1 });
		expect(counts.interactions).toEqual({ ...none, added: 3, kept: 1 });
		const r = repos(db);
		expect((await r.contacts.get('c1'))?.name).toBe('Sam Lee');
		expect((await r.contacts.get('c2'))?.name).toBe('Zoë (same time here)');
		expect((await r.interactions.get('i0'))?.summary).toBe('newer here');
		// The words follow the row that won.
		expect((await r.contacts.search({ query: 'older' })).contacts).toEqual([]);
	});

	it('counts a move to the trash as a change', () => {
		const trashed = { ...base, deletedAt: base.updatedAt + 5 };
		expect(mergeRow('contacts', base, trashed)).toEqual({ kind: 'updated', row: trashed });
		expect(mergeRow('contacts', trashed, base)).toEqual({ kind: 'kept' });
		expect(mergeRow('contacts', { ...base, updatedAt: base.updatedAt + 9 }, trashed)).toEqual({
			kind: 'kept'
		});
		expect(mergeRow('contacts', trashed, { ...trashed })).toEqual({ kind: 'unchanged' });
	});

	it('keeps the device’s rehearsals and recordings, which are never edited', async () => {
		const tables = exampleTables();
		const db = testDb();
		const audio = new Blob([new Uint8Array([9])], { type: 'audio/mp4' });
		await seed(db, {
			rehearsals: [{ ...tables.rehearsals[0]!, seconds: 10 }],
			recordings: [{ ...tables.recordings[0]!, blob: audio }]
		});
		const counts = await restoreBackup(db, await readBackup(await fileOf(tables)), {
			mode: 'merge'
		});
		expect(counts.rehearsals).toEqual({ ...none, kept: 1 });
		expect(counts.recordings).toEqual({ ...none, kept: 1 });
		expect((await db.rehearsals.get('r1'))?.seconds).toBe(10);
		const kept = (await db.recordings.get('a1'))!.blob;
		expect(new Uint8Array(await kept.arrayBuffer())).toEqual(new Uint8Array([9]));
	});

	it('takes the newer draft', async () => {
		const tables = exampleTables();
		tables.drafts.push({ key: 'edit:c1', values: { name: 'from backup' }, updatedAt: 5 });
		const db = testDb();
		await seed(db, {
			drafts: [
				{ key: 'capture', values: { name: 'older here' }, updatedAt: 1 },
				{ key: 'edit:c1', values: { name: 'newer here' }, updatedAt: 6 }
			]
		});
		const counts = await restoreBackup(db, await readBackup(await fileOf(tables)), {
			mode: 'merge'
		});
		expect(counts.drafts).toEqual({ ...none, updated: 1, kept: 1 });
		expect((await repos(db).drafts.get('capture'))?.values).toEqual({ name: 'Half typed' });
		expect((await repos(db).drafts.get('edit:c1'))?.values).toEqual({ name: 'newer here' });
	});

	it('keeps the device’s settings, adds missing ones, takes the later backup time and both sample lists', async () => {
		const tables = exampleTables();
		tables.settings.push(
			{ key: 'lastBackupAt', value: 500 },
			{ key: 'sampleContactIds', value: ['s1', 's2'] },
			{ key: 'persistAsked', value: true }
		);
		const db = testDb();
		const r = repos(db);
		await r.settings.set('wordsPerMinute', 120);
		await r.settings.set('lastBackupAt', 400);
		await r.settings.set('sampleContactIds', ['s0', 's1']);
		const counts = await restoreBackup(db, await readBackup(await fileOf(tables)), {
			mode: 'merge'
		});
		expect(counts.settings).toEqual({ ...none, added: 2, updated: 2, kept: 1 });
		expect(await r.settings.get('wordsPerMinute')).toBe(120);
		expect(await r.settings.get('myCard')).toEqual({ name: 'Me', links: [] });
		expect(await r.settings.get('persistAsked')).toBe(true);
		// 500 is later than this phone's 400, and the backup itself, made at `now`, later still.
		expect(await r.settings.get('lastBackupAt')).toBe(now);
		expect(await r.settings.get('sampleContactIds')).toEqual(['s0', 's1', 's2']);
		expect(
			mergeRow('settings', { key: 'lastBackupAt', value: 600 }, { key: 'lastBackupAt', value: 500 })
		).toEqual({ kind: 'kept' });
	});

	it('takes both lists of sample pitches, rehearsals, interviews and questions', () => {
		const ids = (p: string[], i: string[] = []) => ({
			key: 'sampleRecordIds' as const,
			value: { pitches: p, rehearsals: [], interviews: i, questions: [] }
		});
		expect(mergeRow('settings', ids(['p1'], ['i1']), ids(['p1', 'p2'], ['i1']))).toEqual({
			kind: 'updated',
			row: ids(['p1', 'p2'], ['i1'])
		});
		expect(mergeRow('settings', ids(['p1']), ids(['p1']))).toEqual({ kind: 'unchanged' });
	});
});

describe('restoreBackup, all or nothing', () => {
	it.each(['replace', 'merge'] as const)(
		'writes nothing when one write fails (%s)',
		async (mode) => {
			const db = testDb();
			// Fails at the IndexedDB level, under Dexie, as a full disk would: settings are written
			// last, after every other table (and after the clear, for a replace).
			let failing = false;
			const failed: string[] = [];
			db.use({
				stack: 'dbcore',
				name: 'fail-settings-writes',
				create: (down) => ({
					...down,
					table: (name) => {
						const table = down.table(name);
						if (name !== 'settings') return table;
						return {
							...table,
							mutate: (req) => {
								if (!failing || req.type !== 'put') return table.mutate(req);
								failed.push(name);
								return Promise.reject(new Error('disk full'));
							}
						};
					}
				})
			});
			const mine = exampleTables();
			mine.contacts = [{ ...mine.contacts[1]!, id: 'mine', name: 'Mine' }];
			await seed(db, mine);
			const before = await readSnapshot(db);
			const beforeText = await fileOf(before);

			const incoming = exampleTables();
			incoming.settings.push({ key: 'persistAsked', value: true });
			const parsed = await readBackup(await fileOf(incoming));
			failing = true;
			await expect(restoreBackup(db, parsed, { mode })).rejects.toThrow('disk full');
			expect(failed).toEqual(['settings']);
			failing = false;

			// Snapshots compare Blobs as equal whatever their bytes; the file compares those too.
			const after = await readSnapshot(db);
			expect(after).toEqual(before);
			expect(await fileOf(after)).toBe(beforeText);
			expect((await repos(db).contacts.search({ query: 'sam' })).contacts).toEqual([]);
		}
	);

	it('runs in one read-write transaction over every table', async () => {
		const db = testDb();
		const parsed = await readBackup(await fileOf(exampleTables()));
		const spy = vi.spyOn(db, 'transaction');
		await restoreBackup(db, parsed, { mode: 'merge' });
		expect(spy).toHaveBeenCalledTimes(1);
		expect(spy.mock.calls[0]![0]).toBe('rw');
		expect(
			(spy.mock.calls[0]![1] as unknown as { name: string }[]).map((t) => t.name).sort()
		).toEqual([...SNAPSHOT_TABLES].sort());
	});
});

describe('restoreBackup, references', () => {
	it.each(['replace', 'merge'] as const)(
		'refuses a touchpoint naming nobody and writes nothing (%s)',
		async (mode) => {
			const db = testDb();
			const mine = exampleTables();
			mine.contacts = [{ ...mine.contacts[1]!, id: 'mine', name: 'Mine' }];
			mine.interactions = [];
			mine.interviews = [];
			await seed(db, mine);
			const before = await readSnapshot(db);
			const t = exampleTables();
			t.interactions[0]!.contactId = 'nobody';
			const error = await restoreBackup(db, await readBackup(await fileOf(t)), { mode }).catch(
				(e: unknown) => e
			);
			expect(error).toBeInstanceOf(BackupError);
			expect((error as BackupError).code).toBe('broken-references');
			expect((error as BackupError).message).toContain(
				`Touchpoint on ${t.interactions[0]!.on} names a contact that is not in the backup`
			);
			expect(await readSnapshot(db)).toEqual(before);
		}
	);

	it('when merging, accepts a contact that is on this phone, and refuses a loop through it', async () => {
		const db = testDb();
		const { introducedById: _by, ...sam } = exampleTables().contacts[1]!;
		const mine = { ...sam, id: 'mine', name: 'Mine' };
		await seed(db, { contacts: [mine] });
		const t = exampleTables();
		t.interactions[0]!.contactId = 'mine';
		t.contacts[0]!.introducedById = 'mine';
		const file = await readBackup(await fileOf(t));
		await expect(restoreBackup(db, file, { mode: 'replace' })).rejects.toThrow(
			/not in the backup\./
		);
		const counts = await restoreBackup(db, file, { mode: 'merge' });
		expect(counts.interactions.added).toBe(4);

		const loop = testDb();
		await seed(loop, { contacts: [{ ...mine, introducedById: t.contacts[0]!.id }] });
		const before = await readSnapshot(loop);
		await expect(restoreBackup(loop, file, { mode: 'merge' })).rejects.toThrow(
			/The introductions go round in a loop/
		);
		expect(await readSnapshot(loop)).toEqual(before);
	});

	it('notes the restored backup’s time as the last backup, unless this phone has a later one', async () => {
		const db = testDb();
		await restoreBackup(db, await readBackup(await fileOf(exampleTables())), { mode: 'merge' });
		expect(await repos(db).settings.get('lastBackupAt')).toBe(now);
		await repos(db).settings.set('lastBackupAt', now + 1);
		await restoreBackup(db, await readBackup(await fileOf(exampleTables())), { mode: 'replace' });
		expect(await repos(db).settings.get('lastBackupAt')).toBe(now + 1);
	});
});
