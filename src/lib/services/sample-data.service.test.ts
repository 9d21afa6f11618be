import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { findInvalidRows } from '$lib/db/validate';
import { addSampleData, hasSampleData, removeSampleData } from './sample-data.service';

describe('sample data', () => {
	it('adds a valid sample network and removes it without touching the user’s own contacts', async () => {
		const db = testDb();
		const r = repos(db);
		const mine = makeContact({ name: 'My own' });
		await r.contacts.put(mine);
		const added = await addSampleData(db);
		expect(added).toBeGreaterThanOrEqual(28);
		expect(await r.contacts.countLive()).toBe(added + 1);
		expect(await hasSampleData(db)).toBe(true);
		expect(await findInvalidRows(db)).toEqual([]);

		// The user links one of their own contacts to a sample introducer.
		const introducer = (await r.contacts.search({ query: '' })).contacts.find(
			(c) => c.id !== mine.id
		)!;
		await r.contacts.put({ ...mine, introducedById: introducer.id });

		expect(await removeSampleData(db)).toBe(added);
		expect(await r.contacts.countLive()).toBe(1);
		expect(await r.contacts.get(mine.id)).not.toHaveProperty('introducedById');
		expect(await hasSampleData(db)).toBe(false);
	});
});
