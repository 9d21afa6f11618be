// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeContact, makeTouchpoint, testDb } from './testing/factories';
import { repos } from './repos';
import { withoutMarks } from './outbox';
import { write } from './unit-of-work';
import { MARK_AT_ONCE_MAX } from './outbox';

describe('the sync outbox', () => {
	it('marks every changed synced row in the transaction that changes it', async () => {
		const db = testDb();
		const a = makeContact({ name: 'Ana' });
		const b = makeContact({ name: 'Bo' });
		await write(db, ['contacts', 'interactions'], async (r) => {
			await r.contacts.putMany([a, b]);
			await r.interactions.put(makeTouchpoint({ id: crypto.randomUUID(), contactId: a.id }));
		});
		const keys = (await db.syncOutbox.toArray()).map((m) => m.key).sort();
		expect(keys).toHaveLength(3);
		expect(keys).toContain(`contacts:${a.id}`);
		expect(keys).toContain(`contacts:${b.id}`);
		expect(keys.filter((k) => k.startsWith('interactions:'))).toHaveLength(1);
	});

	it('gives each change a new mark, so a pump can tell a later change from the one it pushed', async () => {
		const db = testDb();
		const a = makeContact({ name: 'Ana' });
		await repos(db).contacts.put(a);
		const first = (await db.syncOutbox.get(`contacts:${a.id}`))!.mark;
		await repos(db).contacts.put({ ...a, name: 'Ana B' });
		const second = (await db.syncOutbox.get(`contacts:${a.id}`))!.mark;
		expect(second).not.toBe(first);
	});

	it('leaves the outbox as it was for writes withoutMarks, and marks the ones after', async () => {
		const db = testDb();
		const [a, b, c] = ['Ana', 'Bo', 'Cy'].map((name) => makeContact({ name }));
		await repos(db).contacts.putMany([a!, b!]);
		const before = await db.syncOutbox.toArray();
		await write(db, ['contacts'], async (r) => {
			await withoutMarks(async () => {
				await r.contacts.put({ ...a!, name: 'Ana B' });
				await r.contacts.put(c!);
				await db.contacts.delete(b!.id);
			});
			await r.contacts.put({ ...c!, name: 'Cy B' });
		});
		const after = await db.syncOutbox.toArray();
		expect(after.filter((m) => m.id !== c!.id)).toEqual(before);
		expect(after.filter((m) => m.id === c!.id)).toHaveLength(1);
		expect(await db.contacts.get(b!.id)).toBeUndefined();
		await expect(withoutMarks(async () => undefined)).rejects.toThrow(/not in a transaction/);
	});

	it('marks deletes, bulk deletes and a cleared table', async () => {
		const db = testDb();
		const rows = [1, 2, 3].map((i) => makeContact({ name: `P${i}` }));
		await repos(db).contacts.putMany(rows);
		await db.syncOutbox.clear();
		await db.contacts.delete(rows[0]!.id);
		expect(await db.syncOutbox.count()).toBe(1);
		await db.syncOutbox.clear();
		await db.contacts.clear();
		expect((await db.syncOutbox.toArray()).map((m) => m.id).sort()).toEqual(
			rows
				.slice(1)
				.map((r) => r.id)
				.sort()
		);
	});

	it('marks rows changed by a modify over a collection', async () => {
		const db = testDb();
		const rows = [1, 2].map((i) => makeContact({ name: `P${i}` }));
		await repos(db).contacts.putMany(rows);
		await db.syncOutbox.clear();
		await db.contacts.toCollection().modify({ notes: 'changed' });
		expect(await db.syncOutbox.count()).toBe(2);
	});

	it('leaves drafts and settings out', async () => {
		const db = testDb();
		await repos(db).drafts.save('capture@t1', { name: 'x' });
		await db.settings.put({ key: 'speakingRate', value: 150 } as never);
		expect(await db.syncOutbox.count()).toBe(0);
	});

	it('keeps no mark of a change that rolled back', async () => {
		const db = testDb();
		await expect(
			write(db, ['contacts'], async (r) => {
				await r.contacts.put(makeContact({ name: 'Gone' }));
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(await db.syncOutbox.count()).toBe(0);
	});

	// A small put or add is marked beside the change (one round trip sooner); a failed row must
	// then get its earlier mark back, or none.
	it('leaves no mark for an add that failed and was caught, and keeps the earlier one', async () => {
		const db = testDb();
		const kept = makeContact({ name: 'Kept' });
		await repos(db).contacts.put(kept);
		const earlier = await db.syncOutbox.get(`contacts:${kept.id}`);
		const fresh = makeContact({ name: 'Fresh' });
		const added = makeContact({ name: 'Added' });
		const failures = await db.transaction('rw', db.contacts, async () => {
			const one = await db.contacts.add({ ...kept, name: 'Again' } as never).catch((e) => e);
			const two = await db.contacts.bulkAdd([fresh, kept] as never).catch((e) => e);
			await db.contacts.add(added as never);
			return [one, two].map((e: Error) => e.name);
		});
		expect(failures).toEqual(['ConstraintError', 'BulkError']);
		expect(await db.syncOutbox.get(`contacts:${kept.id}`)).toEqual(earlier);
		expect((await db.contacts.get(kept.id))?.name).toBe('Kept');
		expect((await db.syncOutbox.toArray()).map((m) => m.id).sort()).toEqual(
			[kept.id, fresh.id, added.id].sort()
		);
	});

	it('leaves no mark at all for a failed add of a row never marked', async () => {
		const db = testDb();
		const kept = makeContact({ name: 'Kept' });
		await repos(db).contacts.put(kept);
		await db.syncOutbox.clear();
		const failed = await db.transaction('rw', db.contacts, () =>
			db.contacts.add(kept as never).catch((e: Error) => e.name)
		);
		expect(failed).toBe('ConstraintError');
		expect(await db.syncOutbox.count()).toBe(0);
	});

	it('marks a big write after it, leaving out the rows that failed', async () => {
		const db = testDb();
		const kept = makeContact({ name: 'Kept' });
		await repos(db).contacts.put(kept);
		await db.syncOutbox.clear();
		const many = Array.from({ length: MARK_AT_ONCE_MAX + 5 }, (_, i) =>
			makeContact({ name: `P${i}` })
		);
		const failed = await db.transaction('rw', db.contacts, () =>
			db.contacts.bulkAdd([...many, kept] as never).catch((e: Error) => e.name)
		);
		expect(failed).toBe('BulkError');
		const marked = (await db.syncOutbox.toArray()).map((m) => m.id).sort();
		expect(marked).toEqual(many.map((c) => c.id).sort());
	});

	it('gives a new mark to each change, and one mark to the rows of one change', async () => {
		const db = testDb();
		const [a, b] = [makeContact({ name: 'A' }), makeContact({ name: 'B' })];
		await repos(db).contacts.putMany([a, b]);
		const first = await db.syncOutbox.bulkGet([`contacts:${a.id}`, `contacts:${b.id}`]);
		expect(first[0]!.mark).toBe(first[1]!.mark);
		await repos(db).contacts.put({ ...a, name: 'A2' });
		expect((await db.syncOutbox.get(`contacts:${a.id}`))!.mark).not.toBe(first[0]!.mark);
	});

	it('leaves no mark for a put that could not be stored at all, and was caught', async () => {
		const db = testDb();
		const odd = { ...makeContact({ name: 'Odd' }), clone: () => 1 };
		const failed = await db.transaction('rw', db.contacts, () =>
			db.contacts.put(odd as never).catch((e: Error) => e.name)
		);
		expect(failed).toBe('DataCloneError');
		expect(await db.syncOutbox.count()).toBe(0);
	});
});
