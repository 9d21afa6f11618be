// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { conflictId, type SyncConflict } from '$lib/domain/sync-conflict';
import { keepAllShown, keepShown, settleSyncConflict } from './sync-conflicts.service';

function card(rowId: string, field: string, kept: unknown, other: unknown): SyncConflict {
	return {
		id: conflictId('contacts', rowId, field),
		table: 'contacts',
		rowId,
		field,
		kind: field === 'notes' ? 'long' : 'text',
		kept,
		other,
		at: 1
	};
}

describe('settling a "Changed on two devices" card', () => {
	it('keeps what is shown, takes the other value, or keeps both, and removes the card', async () => {
		const db = testDb();
		const r = repos(db);
		const ana = makeContact({ name: 'Ana', organization: 'A', notes: 'mine' });
		await r.contacts.put(ana);
		const org = card(ana.id, 'organization', 'A', 'B');
		const notes = card(ana.id, 'notes', 'mine', 'theirs');
		await r.conflicts.bulkPut([org, notes]);

		await settleSyncConflict(db, org, 'other', 50);
		let now = (await r.contacts.get(ana.id))!;
		expect(now.organization).toBe('B');
		expect(now.version).toBe(ana.version + 1);

		await settleSyncConflict(db, notes, 'both', 60);
		now = (await r.contacts.get(ana.id))!;
		expect(now.notes).toBe('mine\n\ntheirs');
		expect(await r.conflicts.count()).toBe(0);
	});

	it('"Delete it" on a record that came back moves it to the trash', async () => {
		const db = testDb();
		const r = repos(db);
		const ana = makeContact({ name: 'Ana' });
		await r.contacts.put(ana);
		const back = { ...card(ana.id, 'deletedAt', null, 30), revived: true };
		await r.conflicts.put(back);
		await settleSyncConflict(db, back, 'other', 70);
		expect((await r.contacts.get(ana.id))?.deletedAt).toBe(70);
	});

	it('"Resolve all" removes every card and leaves the records as shown', async () => {
		const db = testDb();
		const r = repos(db);
		const ana = makeContact({ name: 'Ana', organization: 'A' });
		await r.contacts.put(ana);
		await r.conflicts.bulkPut([
			card(ana.id, 'organization', 'A', 'B'),
			card('x', 'name', 'a', 'b')
		]);
		expect(await keepAllShown(db)).toBe(2);
		expect(await r.conflicts.count()).toBe(0);
		expect((await r.contacts.get(ana.id))?.organization).toBe('A');
	});

	it('"Resolve all" on a page removes only that page\'s cards, counting the ones still there', async () => {
		const db = testDb();
		const r = repos(db);
		const ana = makeContact({ name: 'Ana', organization: 'A' });
		await r.contacts.put(ana);
		const org = card(ana.id, 'organization', 'A', 'B');
		const notes = card(ana.id, 'notes', 'mine', 'theirs');
		const elsewhere = card('x', 'name', 'a', 'b');
		await r.conflicts.bulkPut([org, notes, elsewhere]);
		// One of them was settled on another device meanwhile.
		await r.conflicts.remove(notes.id);
		expect(await keepShown(db, [org.id, notes.id])).toBe(1);
		expect((await r.conflicts.all()).map((c) => c.id)).toEqual([elsewhere.id]);
		expect((await r.contacts.get(ana.id))?.organization).toBe('A');
		expect(await keepShown(db, [])).toBe(0);
	});
});
