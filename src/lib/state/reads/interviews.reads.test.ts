// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
	interviewList,
	interviewView,
	interviewWithPerson,
	plannableContact
} from './interviews.reads';
import { makeContact, makeInterview, makePitch, NOON, testRepos } from './testing/rows';

async function setup() {
	const r = testRepos();
	const ana = makeContact({ name: 'Ana' });
	const ben = makeContact({ name: 'Ben' });
	const gone = makeContact({ name: 'Gone', deletedAt: NOON });
	await r.contacts.bulkPut([ana, ben, gone]);
	const withAna = makeInterview(ana.id, { referralIds: [ben.id], scheduledAt: NOON });
	const trashed = makeInterview(ben.id, { deletedAt: NOON });
	await r.interviews.put(withAna);
	await r.interviews.put(trashed);
	return { r, ana, ben, gone, withAna, trashed };
}

describe("the interview screens' read models", () => {
	it('list every interview with the people met', async () => {
		const { r, ana, ben, withAna, trashed } = await setup();
		const list = await interviewList(r);
		expect(list.interviews.map((i) => i.id).sort()).toEqual([withAna.id, trashed.id].sort());
		expect(list.people.get(ana.id)?.name).toBe('Ana');
		expect(list.people.get(ben.id)?.name).toBe('Ben');
	});

	it('read one interview with its person, the pitches not deleted and the question bank', async () => {
		const { r, withAna } = await setup();
		const kept = makePitch({ title: 'Kept' });
		await r.pitches.put(kept);
		await r.pitches.put(makePitch({ title: 'Deleted', deletedAt: NOON }));
		const t = NOON;
		await r.questions.put({
			id: 'q1',
			category: 'field',
			text: 'What is changing?',
			builtIn: true,
			createdAt: t,
			updatedAt: t,
			version: 1
		});
		const view = await interviewView(withAna.id)(r);
		expect(view.interview?.id).toBe(withAna.id);
		expect(view.person?.name).toBe('Ana');
		expect(view.pitches).toEqual([{ id: kept.id, title: 'Kept' }]);
		expect(view.bank.map((q) => q.text)).toEqual(['What is changing?']);
		expect(await interviewView('nothing')(r)).toEqual({ pitches: [], bank: [] });
	});

	it('open a run or a debrief on an interview not in the trash, with its referrals', async () => {
		const { r, withAna, trashed } = await setup();
		const read = await interviewWithPerson(withAna.id)(r);
		expect(read?.person?.name).toBe('Ana');
		expect(read?.referred.map((c) => c.name)).toEqual(['Ben']);
		expect(await interviewWithPerson(trashed.id)(r)).toBeUndefined();
		expect(await interviewWithPerson('nothing')(r)).toBeUndefined();
	});

	it('preset a new plan only with a contact not in the trash', async () => {
		const { r, ana, gone } = await setup();
		expect((await plannableContact(ana.id)(r))?.name).toBe('Ana');
		expect(await plannableContact(gone.id)(r)).toBeUndefined();
		expect(await plannableContact('nobody')(r)).toBeUndefined();
	});
});
