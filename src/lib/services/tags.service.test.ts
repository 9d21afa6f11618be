import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { addTags, removeTag, restoreTag } from './tags.service';

describe('tags on a contact', () => {
	it('adds new tags only, removes one, and puts it back in its place', async () => {
		const db = testDb();
		const r = repos(db);
		const c = makeContact({ tags: ['mentor', 'archives'] });
		await r.contacts.put(c);
		expect(await addTags(db, c.id, 'Mentor, #museums  design', c.updatedAt + 5)).toEqual([
			'museums design'
		]);
		expect(await addTags(db, c.id, ' , ')).toEqual([]);
		expect((await r.contacts.get(c.id))!.tags).toEqual(['mentor', 'archives', 'museums design']);
		// The tag index and the search words follow the row.
		expect(await r.contacts.allTags()).toEqual(['archives', 'mentor', 'museums design']);
		expect((await r.contacts.search({ query: 'museums' })).contacts).toHaveLength(1);

		const at = await removeTag(db, c.id, 'archives');
		expect(at).toBe(1);
		expect((await r.contacts.search({ tag: 'archives' })).contacts).toHaveLength(0);
		await restoreTag(db, c.id, 'archives', at);
		expect((await r.contacts.get(c.id))!.tags).toEqual(['mentor', 'archives', 'museums design']);
		expect((await r.contacts.search({ tag: 'archives' })).contacts).toHaveLength(1);
		expect(await removeTag(db, c.id, 'not there')).toBe(-1);
	});
});
