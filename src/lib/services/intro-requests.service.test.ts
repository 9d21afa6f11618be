import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { contactSchema, contactToForm } from '$lib/domain/contact';
import { updateContact } from './contacts.service';
import {
	addIntroRequest,
	removeIntroRequest,
	restoreIntroRequest,
	setIntroRequestDone
} from './intro-requests.service';

async function seed() {
	const db = testDb();
	const r = repos(db);
	const maya = makeContact({ name: 'Maya' });
	await r.contacts.put(maya);
	return { db, r, maya };
}

describe('intro requests', () => {
	it('adds, marks done, lists only open ones for Today, and keeps them valid', async () => {
		const { db, r, maya } = await seed();
		const a = await addIntroRequest(db, maya.id, '  the  head archivist ', 10);
		const b = await addIntroRequest(db, maya.id, 'Someone at the museum', 11);
		expect(a.ok && a.request.who).toBe('the head archivist');
		expect((await r.contacts.withOpenIntroRequests()).map((c) => c.id)).toEqual([maya.id]);
		if (!a.ok || !b.ok) throw new Error('not added');
		await setIntroRequestDone(db, maya.id, a.request.id, true, 20);
		await setIntroRequestDone(db, maya.id, b.request.id, true, 21);
		const stored = (await r.contacts.get(maya.id))!;
		expect(stored.introRequests?.map((q) => q.doneAt)).toEqual([20, 21]);
		expect(contactSchema.safeParse(stored).success).toBe(true);
		expect(await r.contacts.withOpenIntroRequests()).toEqual([]);
		await setIntroRequestDone(db, maya.id, a.request.id, false, 30);
		expect((await r.contacts.get(maya.id))!.introRequests![0]).not.toHaveProperty('doneAt');
	});

	it('refuses an empty or overlong request and a trashed contact', async () => {
		const { db, maya } = await seed();
		expect(await addIntroRequest(db, maya.id, '   ')).toMatchObject({ ok: false });
		expect(await addIntroRequest(db, maya.id, 'x'.repeat(201))).toMatchObject({ ok: false });
		await db.contacts.update(maya.id, { deletedAt: 5 });
		expect(await addIntroRequest(db, maya.id, 'Anyone')).toMatchObject({ ok: false });
		expect(await addIntroRequest(db, 'nobody', 'Anyone')).toMatchObject({ ok: false });
	});

	it('delete comes back in its place with undo', async () => {
		const { db, r, maya } = await seed();
		for (const who of ['A', 'B', 'C']) await addIntroRequest(db, maya.id, who);
		const middle = (await r.contacts.get(maya.id))!.introRequests![1]!;
		const removed = await removeIntroRequest(db, maya.id, middle.id);
		expect((await r.contacts.get(maya.id))!.introRequests!.map((q) => q.who)).toEqual(['A', 'C']);
		await restoreIntroRequest(db, maya.id, removed!);
		expect((await r.contacts.get(maya.id))!.introRequests!.map((q) => q.who)).toEqual([
			'A',
			'B',
			'C'
		]);
	});

	it('survive an edit of the contact through the form', async () => {
		const { db, r, maya } = await seed();
		await addIntroRequest(db, maya.id, 'The editor');
		const current = (await r.contacts.get(maya.id))!;
		const saved = await updateContact(db, maya.id, { ...contactToForm(current), role: 'Chief' });
		expect(saved.ok).toBe(true);
		expect((await r.contacts.get(maya.id))!.introRequests?.map((q) => q.who)).toEqual([
			'The editor'
		]);
	});
});
