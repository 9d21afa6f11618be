import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { findInvalidRows } from '$lib/db/validate';
import { editDraftKey, trashContact, updateFollowUp } from './contacts.service';
import {
	addSampleData,
	hasSampleData,
	removeSampleData,
	summarizeSampleData
} from './sample-data.service';

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

	it('says how many sample contacts would go and how many the user changed', async () => {
		const db = testDb();
		const r = repos(db);
		expect(await summarizeSampleData(db)).toEqual({ count: 0, edited: 0 });
		const added = await addSampleData(db, Date.UTC(2026, 3, 1));
		expect(await summarizeSampleData(db)).toEqual({ count: added, edited: 0 });

		const [first, second] = (await r.contacts.search({ query: '' })).contacts;
		await updateFollowUp(db, first!.id, undefined);
		await trashContact(db, second!.id); // still stored, so it still counts
		expect(await summarizeSampleData(db)).toEqual({ count: added, edited: 1 });

		// Unsaved edits of sample contacts go with them; other drafts stay.
		await r.drafts.save(editDraftKey(first!.id), { name: 'edited' });
		await r.drafts.save('capture', { name: 'typing' });
		expect(await removeSampleData(db)).toBe(added);
		expect(await r.drafts.get(editDraftKey(first!.id))).toBeUndefined();
		expect(await r.drafts.get('capture')).toBeDefined();
		expect(await summarizeSampleData(db)).toEqual({ count: 0, edited: 0 });
	});
});
