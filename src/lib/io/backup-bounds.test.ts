// @vitest-environment node
// What a backup's rows may point at and how large they may be: references to contacts that are
// not there, loops of introductions, drafts too large or too deep, and files nested too deeply,
// all refused before anything is written. The data is generated here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '$lib/db/versions';
import { draftSchema, DRAFT_BOUNDS } from '$lib/domain/draft';
import { exceedsBounds } from '$lib/domain/json-bounds';
import { backupTables, exampleTables } from './backup-arbitraries';
import { BackupError } from './backup-errors';
import { findReferenceProblem, type ContactLink } from './backup-references';
import { MAX_BACKUP_DEPTH, nestsDeeperThan, parseBackup, serializeBackup } from './backup';

const meta = { schemaVersion: LATEST_VERSION, exportedAt: Date.UTC(2026, 3, 1), appVersion: '1' };
const options = { currentVersion: LATEST_VERSION };

function nested(depth: number): unknown {
	let v: unknown = 'end';
	for (let i = 0; i < depth; i++) v = { a: v };
	return v;
}

describe('findReferenceProblem', () => {
	it('finds nothing in sound tables, generated or example', () => {
		expect(findReferenceProblem(exampleTables())).toBeUndefined();
		fc.assert(fc.property(backupTables, (t) => findReferenceProblem(t) === undefined));
	});

	it('names the first touchpoint, interview, referral or introduction that points at nobody', () => {
		const t = exampleTables();
		t.interactions[1]!.contactId = 'gone';
		t.interactions[2]!.contactId = 'gone';
		expect(findReferenceProblem(t)).toBe(
			`Touchpoint on ${t.interactions[1]!.on} names a contact that is not in the backup`
		);

		const v = exampleTables();
		v.interviews[0]!.referralIds = ['c1', 'gone'];
		expect(findReferenceProblem(v)).toMatch(
			/^Interview .*names a referral to a contact that is not in the backup$/
		);
		v.interviews[0]!.contactId = 'gone';
		expect(findReferenceProblem(v)).toMatch(
			/^Interview .*names a contact that is not in the backup$/
		);

		const c = exampleTables();
		c.contacts[0]!.introducedById = 'gone';
		expect(findReferenceProblem(c)).toBe(
			`${c.contacts[0]!.name} is introduced by a contact that is not in the backup`
		);
	});

	it('accepts a contact found on the phone when merging, and says so when it is not', () => {
		const t = exampleTables();
		t.interactions[0]!.contactId = 'mine';
		const after = new Map<string, ContactLink>(t.contacts.map((c) => [c.id, c]));
		expect(findReferenceProblem(t, after, true)).toMatch(/not in the backup nor on this phone$/);
		after.set('mine', { name: 'Mine' });
		expect(findReferenceProblem(t, after, true)).toBeUndefined();
	});

	it('finds a loop of introductions, in the backup or through the phone', () => {
		const t = exampleTables();
		const [a, b] = t.contacts as [(typeof t.contacts)[0], (typeof t.contacts)[0]];
		a.introducedById = b.id;
		b.introducedById = a.id;
		expect(findReferenceProblem(t)).toMatch(/^The introductions go round in a loop: /);
		expect(findReferenceProblem(t)).toContain(`${a.name} was introduced by ${b.name}`);

		const self = exampleTables();
		self.contacts[0]!.introducedById = self.contacts[0]!.id;
		expect(findReferenceProblem(self)).toMatch(/loop/);

		// Only the phone's contact closes the loop.
		const merging = exampleTables();
		merging.contacts[0]!.introducedById = 'mine';
		const after = new Map<string, { name: string; introducedById?: string }>(
			merging.contacts.map((c) => [c.id, c])
		);
		after.set('mine', { name: 'Mine', introducedById: merging.contacts[0]!.id });
		expect(findReferenceProblem(merging, after, true)).toMatch(/loop/);
		after.set('mine', { name: 'Mine' });
		expect(findReferenceProblem(merging, after, true)).toBeUndefined();
	});

	it('follows a long chain once, without a loop, quickly', () => {
		const t = exampleTables();
		const base = t.contacts[0]!;
		t.contacts = Array.from({ length: 20_000 }, (_, i) => ({
			...base,
			id: `k${i}`,
			...(i > 0 ? { introducedById: `k${i - 1}` } : {})
		}));
		t.interactions = [];
		t.interviews = [];
		const started = performance.now();
		expect(findReferenceProblem(t)).toBeUndefined();
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

describe('size and depth bounds', () => {
	it('measures depth and size without recursion, stopping at the first bound passed', () => {
		expect(exceedsBounds({ a: ['x', { b: true }] }, { maxDepth: 3, maxChars: 100 })).toBe(
			undefined
		);
		expect(exceedsBounds({ a: ['x', { b: true }] }, { maxDepth: 2, maxChars: 100 })).toBe('depth');
		expect(exceedsBounds({ a: 'x'.repeat(200) }, { maxDepth: 9, maxChars: 100 })).toBe('size');
		expect(exceedsBounds(nested(1_000_000), { maxDepth: 10, maxChars: Infinity })).toBe('depth');
	});

	it('keeps every form draft the app writes, and refuses one too large or too deep', () => {
		const full = { notes: 'n'.repeat(100_000), summary: 's'.repeat(100_000), emails: ['a@b.c'] };
		expect(draftSchema.safeParse({ key: 'capture', values: full, updatedAt: 1 }).success).toBe(
			true
		);
		const shared = {
			items: [{ title: '', text: '', url: '', card: { links: ['https://x.org'] } }]
		};
		expect(draftSchema.safeParse({ key: 'k', values: shared, updatedAt: 1 }).success).toBe(true);

		const huge = draftSchema.safeParse({
			key: 'capture',
			values: { notes: 'x'.repeat(DRAFT_BOUNDS.maxChars) },
			updatedAt: 1
		});
		expect(huge.success).toBe(false);
		const deep = draftSchema.safeParse({ key: 'capture', values: { a: nested(50) }, updatedAt: 1 });
		expect(deep.success).toBe(false);
	});

	it('refuses a backup holding a draft too large, saying where and why, quickly', async () => {
		const t = exampleTables();
		t.drafts = [{ key: 'capture', values: { notes: 'x'.repeat(3_000_000) }, updatedAt: 1 }];
		const started = performance.now();
		const error = await parseBackup(await serializeBackup(t, meta), options).catch((e) => e);
		expect(performance.now() - started).toBeLessThan(5000);
		expect(error).toBeInstanceOf(BackupError);
		expect((error as BackupError).code).toBe('invalid-rows');
		expect((error as BackupError).message).toContain(
			'drafts[0].values: is larger than any form’s unsaved values can be'
		);
	});

	it('refuses a file nested too deeply before parsing it, and skips brackets inside text', async () => {
		expect(nestsDeeperThan('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[["}', 3)).toBe(false);
		expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
		const doc = JSON.parse(await serializeBackup(exampleTables(), meta));
		doc.tables.drafts = [{ key: 'capture', values: nested(200_000), updatedAt: 1 }];
		const text = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
		const file = JSON.stringify({ ...doc, tables: { ...doc.tables, drafts: [] } }).replace(
			'"drafts":[]',
			`"drafts":[{"key":"capture","updatedAt":1,"values":${text}}]`
		);
		const started = performance.now();
		const error = await parseBackup(file, options).catch((e) => e);
		expect(performance.now() - started).toBeLessThan(2000);
		expect((error as BackupError).code).toBe('too-deep');
		expect((error as BackupError).message).toContain(`more than ${MAX_BACKUP_DEPTH} levels`);
		// The app's own deepest data is well inside the bound.
		const sound = await serializeBackup(exampleTables(), meta);
		expect(nestsDeeperThan(sound, MAX_BACKUP_DEPTH)).toBe(false);
	});
});
