// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeContact, testDb } from './testing/factories';
import { stampNew, touch, write } from './unit-of-work';
import { repos } from './repos';

describe('write, the one write path', () => {
	it('keeps every write when the work succeeds', async () => {
		const db = testDb();
		const contact = makeContact({ name: 'Ana' });
		const result = await write(db, ['contacts', 'drafts'], async (r) => {
			await r.contacts.put(contact);
			await r.drafts.save('edit:x', { name: 'A' });
			return 'done';
		});
		expect(result).toBe('done');
		const r = repos(db);
		expect(await r.contacts.get(contact.id)).toEqual(contact);
		expect(await r.drafts.get('edit:x')).toBeDefined();
	});

	it('rolls back every table when the work throws', async () => {
		const db = testDb();
		const r = repos(db);
		const before = makeContact({ name: 'Before' });
		await r.contacts.put(before);
		await r.drafts.save('keep', { a: 1 }, 1);
		await expect(
			write(db, ['contacts', 'drafts', 'interactions'], async (w) => {
				await w.contacts.put({ ...before, name: 'After' });
				await w.contacts.put(makeContact({ name: 'New' }));
				await w.drafts.remove('keep');
				await w.drafts.save('other', { b: 2 });
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect((await r.contacts.get(before.id))?.name).toBe('Before');
		expect(await r.contacts.countLive()).toBe(1);
		expect(await r.drafts.get('keep')).toBeDefined();
		expect(await r.drafts.get('other')).toBeUndefined();
	});

	it('hands over only the repositories of the tables named, and refuses the others', async () => {
		const db = testDb();
		const contact = makeContact({ name: 'Ana' });
		await expect(
			write(db, ['drafts'], async (w) => {
				expect(Object.keys(w)).toEqual(['drafts']);
				expect('contacts' in w).toBe(false);
				await w.drafts.save('d', { a: 1 });
				// Reaching a table around the unit of work fails, and takes the draft with it.
				await repos(db).contacts.put(contact);
			})
		).rejects.toMatchObject({ name: 'NotFoundError' });
		expect(await repos(db).contacts.get(contact.id)).toBeUndefined();
		expect(await repos(db).drafts.get('d')).toBeUndefined();
	});

	it('joins an outer write over more tables, so both commit or neither', async () => {
		const db = testDb();
		const contact = makeContact({ name: 'Ana' });
		await expect(
			write(db, ['contacts', 'drafts'], async () => {
				await write(db, ['contacts'], (w) => w.contacts.put(contact));
				throw new Error('later');
			})
		).rejects.toThrow('later');
		expect(await repos(db).contacts.get(contact.id)).toBeUndefined();
	});
});

describe('touch', () => {
	it('stamps a change with the time now', () => {
		expect(touch({ id: 'a', updatedAt: 100, version: 3 }, 500)).toEqual({
			id: 'a',
			updatedAt: 500,
			version: 4
		});
	});

	it('stays monotonic when the clock goes back or stands still', () => {
		expect(touch({ updatedAt: 1000, version: 1 }, 400).updatedAt).toBe(1001);
		expect(touch({ updatedAt: 1000, version: 1 }, 1000).updatedAt).toBe(1001);
		let row = { updatedAt: 5000, version: 1 };
		for (let i = 0; i < 3; i++) row = touch(row, 10);
		expect(row.updatedAt).toBe(5003);
	});

	it('goes past the version it replaces when that is given', () => {
		const next = touch({ updatedAt: 0, version: 1 }, 50, { updatedAt: 90, version: 6 });
		expect(next).toEqual({ updatedAt: 91, version: 7 });
	});

	it('moves the version on by one with every change, so no save can forget it', () => {
		let row = { updatedAt: 1, version: 1 };
		for (let i = 0; i < 3; i++) row = touch(row, 10);
		expect(row.version).toBe(4);
	});

	it('leaves the record it was given as it was', () => {
		const row = { updatedAt: 1, version: 1 };
		touch(row, 9);
		expect(row.updatedAt).toBe(1);
	});
});

describe('touch of a new record', () => {
	it('stamps it with the time now and version 1, whatever it held', () => {
		expect(touch({ updatedAt: 9_999, version: 7 }, 50, null)).toEqual({
			updatedAt: 50,
			version: 1
		});
	});
});

describe('stampNew', () => {
	it('stamps a new record as created and changed now, at version 1', () => {
		expect(stampNew({ id: 'a' }, 50)).toEqual({
			id: 'a',
			createdAt: 50,
			updatedAt: 50,
			version: 1
		});
	});

	it('replaces the stamps of the record it was copied from', () => {
		const copy = stampNew({ id: 'b', createdAt: 1, updatedAt: 9_999, version: 4 }, 50);
		expect(copy).toEqual({ id: 'b', createdAt: 50, updatedAt: 50, version: 1 });
	});

	it('leaves the row it was given alone', () => {
		const row = { id: 'c' };
		stampNew(row, 50);
		expect(row).toEqual({ id: 'c' });
	});

	it('is stamped as touch stamps a record that replaces nothing', () => {
		const row = stampNew({ id: 'd' }, 70);
		expect(touch(row, 70, null)).toEqual(row);
	});
});
