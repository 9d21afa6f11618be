import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { addReferrals } from './referrals.service';

describe('addReferrals', () => {
	it('creates new contacts introduced by the introducer, once per normalised name', async () => {
		const db = testDb();
		const r = repos(db);
		const maya = makeContact({ name: 'Maya' });
		await r.contacts.put(maya);
		const result = await addReferrals(db, maya.id, [
			{ name: 'Sam Lee', context: 'Archivist at the museum' },
			{ name: 'SAM  LÉE' }
		]);
		expect(result.created.map((c) => c.name)).toEqual(['Sam Lee']);
		const sam = await r.contacts.get(result.created[0]!.id);
		expect(sam).toMatchObject({ introducedById: maya.id, notes: 'Archivist at the museum' });
		// Found by search: the row carries its derived words.
		expect((await r.contacts.search({ query: 'sam' })).contacts).toHaveLength(1);
	});

	it('links an existing contact instead of a duplicate, and refuses loops and other introducers', async () => {
		const db = testDb();
		const r = repos(db);
		const maya = makeContact({ name: 'Maya' });
		const zoe = makeContact({ name: 'Zoë' });
		const boss = makeContact({ name: 'Boss' });
		const mayasIntroducer = makeContact({ name: 'Ann' });
		const taken = makeContact({ name: 'Taken', introducedById: boss.id });
		await r.contacts.bulkPut([boss, mayasIntroducer, taken, zoe]);
		await r.contacts.put({ ...maya, introducedById: mayasIntroducer.id });
		const result = await addReferrals(db, maya.id, [
			{ name: 'Zoe', linkId: zoe.id, context: 'Met at the fair' },
			{ name: 'Ann', linkId: mayasIntroducer.id },
			{ name: 'Taken', linkId: taken.id },
			{ name: 'Maya', linkId: maya.id }
		]);
		expect(result.linked.map((c) => c.name)).toEqual(['Zoë']);
		expect(result.skipped.map((s) => s.name)).toEqual(['Ann', 'Taken', 'Maya']);
		expect(await r.contacts.get(zoe.id)).toMatchObject({
			introducedById: maya.id,
			notes: 'Met at the fair'
		});
		expect((await r.contacts.get(taken.id))?.introducedById).toBe(boss.id);
		expect(await r.contacts.countLive()).toBe(5);
	});

	it('does not hang on a loop already in the data', async () => {
		const db = testDb();
		const r = repos(db);
		const a = makeContact({ name: 'A' });
		const b = makeContact({ name: 'B', introducedById: a.id });
		const c = makeContact({ name: 'C' });
		await r.contacts.bulkPut([{ ...a, introducedById: b.id }, b, c]);
		const result = await addReferrals(db, a.id, [{ name: 'C', linkId: c.id }]);
		expect(result.linked).toHaveLength(1);
	});

	it('writes nothing when the introducer is gone', async () => {
		const db = testDb();
		await expect(addReferrals(db, 'nobody', [{ name: 'Sam' }])).rejects.toThrow();
		expect(await repos(db).contacts.countLive()).toBe(0);
	});
});
