import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, makeInterview, testDb } from '$lib/db/testing/factories';
import { contactToForm, emptyContactForm } from '$lib/domain/contact';
import {
	captureContact,
	editDraftKey,
	purgeContacts,
	restoreContact,
	trashContact,
	updateContact,
	updateFollowUp
} from './contacts.service';

const form = (fields: Partial<ReturnType<typeof emptyContactForm>>) => ({
	...emptyContactForm('2026-04-01'),
	...fields
});

describe('contacts service', () => {
	it('captures a contact and clears its draft in one go', async () => {
		const db = testDb();
		const r = repos(db);
		await r.drafts.save('capture', { name: 'Ma' });
		const result = await captureContact(db, form({ name: 'Maya', organization: 'Acme' }), {
			draftKey: 'capture',
			now: 1000
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(await r.contacts.get(result.contact.id)).toMatchObject({
			name: 'Maya',
			createdAt: 1000
		});
		expect(await r.drafts.get('capture')).toBeUndefined();
	});

	it('writes nothing and keeps the draft when the form is invalid', async () => {
		const db = testDb();
		const r = repos(db);
		await r.drafts.save('capture', { name: ' ' });
		const result = await captureContact(db, form({ name: ' ' }), { draftKey: 'capture' });
		expect(result).toEqual({ ok: false, errors: { name: expect.any(String) } });
		expect(await r.contacts.countLive()).toBe(0);
		expect(await r.drafts.get('capture')).toBeDefined();
	});

	it('keeps the draft when the write fails part-way', async () => {
		const db = testDb();
		const r = repos(db);
		await r.drafts.save('capture', { name: 'Lee' });
		db.contacts.hook('creating', () => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		await expect(
			captureContact(db, form({ name: 'Lee' }), { draftKey: 'capture' })
		).rejects.toThrow();
		expect(await r.drafts.get('capture')).toBeDefined();
	});

	it('updates fields but keeps id and creation time', async () => {
		const db = testDb();
		const r = repos(db);
		const c = makeContact({ name: 'Old name', createdAt: 5, updatedAt: 5 });
		await r.contacts.put(c);
		const result = await updateContact(db, c.id, form({ name: 'New name' }), { now: 10 });
		expect(result.ok && result.contact).toMatchObject({
			id: c.id,
			name: 'New name',
			createdAt: 5,
			updatedAt: 10
		});
	});

	it('refuses an introducer that is the contact itself or would close a loop', async () => {
		const db = testDb();
		const r = repos(db);
		const a = makeContact({ name: 'A' });
		const b = makeContact({ name: 'B', introducedById: a.id });
		await r.contacts.bulkPut([a, b]);
		const self = await updateContact(db, a.id, form({ name: 'A', introducedById: a.id }));
		expect(self.ok).toBe(false);
		const loop = await updateContact(db, a.id, form({ name: 'A', introducedById: b.id }));
		expect(loop).toEqual({ ok: false, errors: { introducedById: expect.stringMatching(/loop/) } });
		const missing = await captureContact(db, form({ name: 'C', introducedById: 'nobody' }));
		expect(missing.ok).toBe(false);
	});

	it('moves to the trash and back, keeping introductions', async () => {
		const db = testDb();
		const r = repos(db);
		const a = makeContact({ name: 'Intro' });
		const b = makeContact({ name: 'Friend', introducedById: a.id });
		await r.contacts.bulkPut([a, b]);
		await trashContact(db, a.id, 99);
		expect((await r.contacts.get(a.id))?.deletedAt).toBe(99);
		expect((await r.contacts.search({ query: 'intro' })).contacts).toEqual([]);
		await restoreContact(db, a.id, 5);
		const back = await r.contacts.get(a.id);
		expect(back).not.toHaveProperty('deletedAt');
		// Newer than both its last edit and its trashing, so a merge from a backup keeps the restore.
		expect(back!.updatedAt).toBeGreaterThan(Math.max(a.updatedAt, 99));
		expect((await r.contacts.search({ query: 'intro' })).contacts).toHaveLength(1);
		expect((await r.contacts.get(b.id))?.introducedById).toBe(a.id);
	});

	it('purges only trashed contacts and forgets their introductions', async () => {
		const db = testDb();
		const r = repos(db);
		const a = makeContact({ name: 'Gone', deletedAt: 1 });
		const b = makeContact({ name: 'Stays', introducedById: a.id });
		const c = makeContact({ name: 'Live' });
		await r.contacts.bulkPut([a, b, c]);
		expect(await purgeContacts(db)).toBe(1);
		expect(await r.contacts.get(a.id)).toBeUndefined();
		expect(await r.contacts.get(b.id)).not.toHaveProperty('introducedById');
		expect(await r.contacts.get(c.id)).toBeDefined();
	});

	it('purges the interviews of purged contacts, and removes them as referrals elsewhere', async () => {
		const db = testDb();
		const r = repos(db);
		const gone = makeContact({ name: 'Gone', deletedAt: 1 });
		const kept = makeContact({ name: 'Kept' });
		await r.contacts.bulkPut([gone, kept]);
		await r.interviews.bulkPut([
			makeInterview({ id: 'with-gone', contactId: gone.id }),
			makeInterview({ id: 'with-kept', contactId: kept.id, referralIds: [gone.id, kept.id] })
		]);
		expect(await purgeContacts(db)).toBe(1);
		expect(await r.interviews.get('with-gone')).toBeUndefined();
		const other = await r.interviews.get('with-kept');
		expect(other?.referralIds).toEqual([kept.id]);
		expect(other!.updatedAt).toBeGreaterThan(1);
	});

	it('merges an edit with a change saved since it began, and clears the draft', async () => {
		const db = testDb();
		const r = repos(db);
		const c = makeContact({ name: 'Zoë', nextFollowUpOn: '2026-01-01' });
		await r.contacts.put(c);
		const base = { form: contactToForm(c), version: c.version };
		await r.drafts.save(editDraftKey(c.id), { name: 'Zoë' });
		await updateFollowUp(db, c.id, undefined, Date.now()); // marked done on Today meanwhile
		const result = await updateContact(
			db,
			c.id,
			form({ name: 'Zoë', role: 'Curator', nextFollowUpOn: '2026-01-01' }),
			{ draftKey: editDraftKey(c.id), base }
		);
		expect(result).toMatchObject({ ok: true, merged: true });
		const stored = await r.contacts.get(c.id);
		expect(stored).toMatchObject({ role: 'Curator', version: c.version + 2 });
		expect(stored).not.toHaveProperty('nextFollowUpOn');
		expect(await r.drafts.get(editDraftKey(c.id))).toBeUndefined();
	});

	it('refuses to overwrite a field changed since the edit began, and keeps the draft', async () => {
		const db = testDb();
		const r = repos(db);
		const c = makeContact({ name: 'Zoë', role: 'Assistant' });
		await r.contacts.put(c);
		const base = { form: contactToForm(c), version: c.version };
		await r.drafts.save(editDraftKey(c.id), { name: 'Zoë' });
		await updateContact(db, c.id, form({ name: 'Zoë', role: 'Archivist' }), { base });
		const result = await updateContact(db, c.id, form({ name: 'Zoë', role: 'Curator' }), {
			draftKey: editDraftKey(c.id),
			base
		});
		expect(result).toEqual({
			ok: false,
			errors: {},
			current: expect.objectContaining({ id: c.id, role: 'Archivist' }),
			conflicts: [{ field: 'role', kind: 'text', theirs: 'Archivist' }]
		});
		expect((await r.contacts.get(c.id))?.role).toBe('Archivist');
		expect(await r.drafts.get(editDraftKey(c.id))).toBeDefined();

		const stored = (await r.contacts.get(c.id))!;
		const again = await updateContact(db, c.id, form({ name: 'Zoë', role: 'Curator' }), {
			draftKey: editDraftKey(c.id),
			base: { form: contactToForm(stored), version: stored.version }
		});
		expect(again.ok && again.contact.role).toBe('Curator');
		expect(await r.drafts.get(editDraftKey(c.id))).toBeUndefined();
	});

	it('deletes the unsaved edits of purged contacts, and only theirs', async () => {
		const db = testDb();
		const r = repos(db);
		const gone = makeContact({ name: 'Gone', deletedAt: 1 });
		const kept = makeContact({ name: 'Kept in trash', deletedAt: 1 });
		const live = makeContact({ name: 'Live' });
		await r.contacts.bulkPut([gone, kept, live]);
		for (const c of [gone, kept, live]) await r.drafts.save(editDraftKey(c.id), { name: 'x' });
		await r.drafts.save('capture', { name: 'typing' });
		expect(await purgeContacts(db, [gone.id])).toBe(1);
		expect(await r.drafts.get(editDraftKey(gone.id))).toBeUndefined();
		expect(await r.drafts.get(editDraftKey(kept.id))).toBeDefined();
		expect(await r.drafts.get(editDraftKey(live.id))).toBeDefined();
		expect(await r.drafts.get('capture')).toBeDefined();

		expect(await purgeContacts(db)).toBe(1);
		expect(await r.drafts.get(editDraftKey(kept.id))).toBeUndefined();
		expect(await r.drafts.get(editDraftKey(live.id))).toBeDefined();
	});

	it('sets, snoozes and clears a follow-up', async () => {
		const db = testDb();
		const r = repos(db);
		const a = makeContact({ nextFollowUpOn: '2026-01-01' });
		await r.contacts.put(a);
		await updateFollowUp(db, a.id, '2026-01-08');
		expect((await r.contacts.get(a.id))?.nextFollowUpOn).toBe('2026-01-08');
		await updateFollowUp(db, a.id, undefined);
		expect(await r.contacts.get(a.id)).not.toHaveProperty('nextFollowUpOn');
	});
});
