import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { findInvalidRows } from '$lib/db/validate';
import { emptyPitchForm } from '$lib/domain/pitch-form';
import { editDraftKey, trashContact, updateFollowUp } from './contacts.service';
import { addQuestion } from './interview-questions.service';
import { createPitch, rateRehearsal } from './pitches.service';
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
		expect(await summarizeSampleData(db)).toEqual({
			count: 0,
			edited: 0,
			pitches: 0,
			interviews: 0
		});
		const added = await addSampleData(db, Date.UTC(2026, 3, 1));
		expect(await summarizeSampleData(db)).toEqual({
			count: added,
			edited: 0,
			pitches: 2,
			interviews: 3
		});

		const [first, second] = (await r.contacts.search({ query: '' })).contacts;
		await updateFollowUp(db, first!.id, undefined);
		await trashContact(db, second!.id); // still stored, so it still counts
		expect(await summarizeSampleData(db)).toMatchObject({ count: added, edited: 1 });

		// Unsaved edits of sample contacts go with them; other drafts stay.
		await r.drafts.save(editDraftKey(first!.id), { name: 'edited' });
		await r.drafts.save('capture', { name: 'typing' });
		expect(await removeSampleData(db)).toBe(added);
		expect(await r.drafts.get(editDraftKey(first!.id))).toBeUndefined();
		expect(await r.drafts.get('capture')).toBeDefined();
		expect(await summarizeSampleData(db)).toEqual({
			count: 0,
			edited: 0,
			pitches: 0,
			interviews: 0
		});
	});

	it('brings pitches with rehearsals, planned and done interviews with notes, and questions, and takes them away again', async () => {
		const db = testDb();
		const r = repos(db);
		const now = Date.UTC(2026, 3, 1, 9);
		// The user's own pitch, interview and question stay through the removal.
		const mine = makeContact({ name: 'My own' });
		await r.contacts.put(mine);
		const ownPitch = await createPitch(db, { ...emptyPitchForm(), title: 'Mine', text: 'Hi.' });
		if (!ownPitch.ok) throw new Error('no pitch');
		await r.interviews.put({
			id: 'my-interview',
			contactId: mine.id,
			mode: 'phone',
			status: 'planned',
			questions: [],
			referralIds: [],
			createdAt: now,
			updatedAt: now,
			version: 1
		});
		const ownQuestion = await addQuestion(db, { category: 'advice', text: 'Mine?' });
		if (!ownQuestion.ok) throw new Error('no question');

		await addSampleData(db, now);
		expect(await findInvalidRows(db)).toEqual([]);
		const pitches = (await r.pitches.all()).filter((p) => p.id !== ownPitch.pitch.id);
		expect(pitches).toHaveLength(2);
		for (const p of pitches) {
			expect(p.text).not.toMatch(/\[/);
			expect((await r.rehearsals.ofPitch(p.id)).length).toBeGreaterThan(0);
		}
		const interviews = (await r.interviews.all()).filter((i) => i.id !== 'my-interview');
		const planned = interviews.filter((i) => i.status === 'planned');
		const done = interviews.filter((i) => i.status === 'done');
		expect(planned).toHaveLength(1);
		expect(planned[0]!.scheduledAt).toBeGreaterThan(now);
		expect(planned[0]!.questions.length).toBeGreaterThanOrEqual(3);
		// Its questions are in the bank, built in or the sample's own.
		const bank = new Set((await r.questions.all()).map((q) => q.id));
		expect(planned[0]!.questions.every((q) => q.questionId && bank.has(q.questionId))).toBe(true);
		expect(done.length).toBeGreaterThanOrEqual(1);
		expect(done.every((i) => i.notes && i.questions.some((q) => q.answer))).toBe(true);
		const ownQuestions = (await r.questions.all()).filter((q) => !q.builtIn);
		expect(ownQuestions.length).toBeGreaterThan(1);

		// A rehearsal made later on a sample pitch goes with it.
		await rateRehearsal(db, { pitchId: pitches[0]!.id, rating: 'good', seconds: 30, now });
		await removeSampleData(db);
		expect((await r.pitches.all()).map((p) => p.id)).toEqual([ownPitch.pitch.id]);
		expect(await r.rehearsals.all()).toEqual([]);
		expect((await r.interviews.all()).map((i) => i.id)).toEqual(['my-interview']);
		expect((await r.questions.all()).filter((q) => !q.builtIn)).toEqual([ownQuestion.question]);
		expect(await r.settings.get('sampleRecordIds')).toBeUndefined();
		expect(await findInvalidRows(db)).toEqual([]);
	});
});
