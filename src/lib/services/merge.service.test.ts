import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, makeTouchpoint, makeInterview, testDb } from '$lib/db/testing/factories';
import { readSnapshot as snapshot } from '$lib/db/snapshot';
import { defaultChoices } from '$lib/domain/merge';
import { mergeContacts, undoMerge } from './merge.service';

const touch = (id: string, contactId: string) =>
	makeTouchpoint({ id, contactId, received: ['interview'] });

const interview = (id: string, contactId: string, referralIds: string[]) =>
	makeInterview({ id, contactId, referralIds });

async function seed() {
	const db = testDb();
	const r = repos(db);
	const root = makeContact({ name: 'Root' });
	const keep = makeContact({ name: 'Maya', emails: ['m@example.org'], introducedById: root.id });
	const other = makeContact({ name: 'Maya Lopez', emails: ['maya@example.org'], tags: ['mentor'] });
	const child = makeContact({ name: 'Child', introducedById: other.id });
	await r.contacts.bulkPut([root, keep, other, child]);
	await db.interactions.bulkPut([
		touch('t1', other.id),
		touch('t2', keep.id),
		touch('t3', child.id)
	]);
	await db.interviews.bulkPut([
		interview('v1', other.id, [child.id]),
		interview('v2', root.id, [other.id])
	]);
	return { db, r, root, keep, other, child };
}

describe('merge service', () => {
	it('re-points everything to the survivor and trashes the other as merged', async () => {
		const { db, r, keep, other, child, root } = await seed();
		const result = await mergeContacts(db, keep.id, other.id, defaultChoices(keep, other), 5e12);
		expect(result.ok).toBe(true);
		const survivor = await r.contacts.get(keep.id);
		expect(survivor).toMatchObject({
			name: 'Maya',
			emails: ['m@example.org', 'maya@example.org'],
			tags: ['mentor'],
			introducedById: root.id
		});
		expect(await r.contacts.get(other.id)).toMatchObject({
			deletedAt: 5e12,
			mergedIntoId: keep.id
		});
		expect((await r.contacts.get(child.id))?.introducedById).toBe(keep.id);
		const touches = await db.interactions.where('contactId').equals(keep.id).primaryKeys();
		expect(touches.sort()).toEqual(['t1', 't2']);
		expect(await db.interviews.get('v1')).toMatchObject({
			contactId: keep.id,
			referralIds: [child.id]
		});
		expect((await db.interviews.get('v2'))?.referralIds).toEqual([keep.id]);
		// The survivor is found by what it took from the other (search data lives with the row).
		const found = await r.contacts.search({ query: 'mentor' });
		expect(found.contacts.map((c) => c.id)).toEqual([keep.id]);
	});

	it('undo puts every row back exactly', async () => {
		const { db, keep, other } = await seed();
		const before = await snapshot(db);
		const result = await mergeContacts(db, keep.id, other.id, defaultChoices(keep, other));
		if (!result.ok) throw new Error(result.message);
		await undoMerge(db, result.undo);
		expect(await snapshot(db)).toEqual(before);
	});

	it('A introduced B: merging them leaves nobody introduced by themselves', async () => {
		const db = testDb();
		const r = repos(db);
		const a = makeContact({ name: 'A' });
		const b = makeContact({ name: 'B', introducedById: a.id });
		const c = makeContact({ name: 'C', introducedById: b.id });
		await r.contacts.bulkPut([a, b, c]);
		// Keep B, taking its own introducer (A, about to be merged into it).
		const kept = await mergeContacts(db, b.id, a.id, defaultChoices(b, a));
		expect(kept.ok && kept.survivor.introducedById).toBeUndefined();
		expect((await r.contacts.get(b.id))?.introducedById).toBeUndefined();
		expect((await r.contacts.get(c.id))?.introducedById).toBe(b.id);

		const db2 = testDb();
		const r2 = repos(db2);
		await r2.contacts.bulkPut([a, b, c]);
		// Keep A, taking B's introducer (A itself): dropped too; B's people now hang off A.
		const other = await mergeContacts(db2, a.id, b.id, {
			...defaultChoices(a, b),
			introducedById: 'other'
		});
		expect(other.ok && other.survivor.introducedById).toBeUndefined();
		expect((await r2.contacts.get(c.id))?.introducedById).toBe(a.id);
	});

	it('drops a chosen introducer that would close a loop through the merged pair', async () => {
		const db = testDb();
		const r = repos(db);
		const keep = makeContact({ name: 'Keep' });
		const other = makeContact({ name: 'Other' });
		const x = makeContact({ name: 'X', introducedById: other.id });
		await r.contacts.bulkPut([keep, { ...keep, introducedById: x.id }, other, x]);
		const result = await mergeContacts(db, keep.id, other.id, defaultChoices(keep, other));
		expect(result.ok && result.survivor.introducedById).toBeUndefined();
		expect((await r.contacts.get(x.id))?.introducedById).toBe(keep.id);
	});

	it('refuses a contact that is gone or in the trash, and changes nothing', async () => {
		const { db, keep, other } = await seed();
		const before = await snapshot(db);
		await db.contacts.update(other.id, { deletedAt: 1 });
		const trashed = await snapshot(db);
		expect(await mergeContacts(db, keep.id, other.id, defaultChoices(keep, other))).toMatchObject({
			ok: false
		});
		expect(await mergeContacts(db, keep.id, 'nobody', defaultChoices(keep, other))).toMatchObject({
			ok: false
		});
		expect(await mergeContacts(db, keep.id, keep.id, defaultChoices(keep, other))).toMatchObject({
			ok: false
		});
		expect(await snapshot(db)).toEqual(trashed);
		expect(before).not.toEqual(trashed);
	});

	it('writes nothing when the write fails part-way', async () => {
		const { db, keep, other } = await seed();
		const before = await snapshot(db);
		db.interviews.hook('updating', () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		db.interviews.hook('creating', () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		await expect(
			mergeContacts(db, keep.id, other.id, defaultChoices(keep, other))
		).rejects.toThrow();
		expect(await snapshot(db)).toEqual(before);
	});
});
