// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
	GIVE_BACK_SHOWN,
	openIntroAsks,
	pitchesDueToday,
	todayInterviews,
	todayLists,
	unsavedCapture
} from './today.reads';
import {
	DAY,
	makeContact,
	makeInterview,
	makePitch,
	makeTouchpoint,
	NOON,
	testRepos
} from './testing/rows';

const today = '2026-06-15';

describe("Today's read models", () => {
	it('lists follow-ups due from contacts and touchpoints, and give-back nudges of live people', async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana', nextFollowUpOn: '2026-06-12' });
		const ben = makeContact({ name: 'Ben', nextFollowUpOn: '2026-06-20' });
		const cleo = makeContact({ name: 'Cleo' });
		const dan = makeContact({ name: 'Dan', nextFollowUpOn: '2026-06-01', deletedAt: NOON });
		const eve = makeContact({ name: 'Eve' });
		const fay = makeContact({ name: 'Fay', deletedAt: NOON });
		await r.contacts.bulkPut([ana, ben, cleo, dan, eve, fay]);
		await r.interactions.put(makeTouchpoint(cleo.id, { followUpOn: today, summary: 'Portfolio' }));
		await r.interactions.put(
			makeTouchpoint(cleo.id, { followUpOn: '2026-06-10', followUpDone: true })
		);
		await r.interactions.put(makeTouchpoint(eve.id, { on: '2026-04-01', received: ['names'] }));
		await r.interactions.put(makeTouchpoint(fay.id, { on: '2026-04-02', received: ['names'] }));

		const lists = await todayLists(today)(r);
		expect(lists.followUps.map((f) => [f.kind, f.contact.name, f.overdueDays])).toEqual([
			['contact', 'Ana', 3],
			['touchpoint', 'Cleo', 0]
		]);
		expect(lists.giveBack.map((n) => n.contact.name)).toEqual(['Eve']);
		expect((await todayLists('2026-06-20')(r)).followUps.map((f) => f.contact.name)).toEqual([
			'Ana',
			'Cleo',
			'Ben'
		]);
	});

	it('shows a few give-back nudges at once, reading more owners past the trashed ones', async () => {
		const r = testRepos();
		const people = Array.from({ length: 14 }, (_, i) =>
			makeContact({ name: `P${i}`, deletedAt: i < 10 ? NOON : undefined })
		);
		await r.contacts.bulkPut(people);
		for (const [i, p] of people.entries())
			await r.interactions.put(
				makeTouchpoint(p.id, {
					on: `2026-04-${String(i + 1).padStart(2, '0')}`,
					received: ['names']
				})
			);
		const { giveBack } = await todayLists(today)(r);
		expect(giveBack).toHaveLength(4);
		expect(giveBack.map((n) => n.contact.name).sort()).toEqual(['P10', 'P11', 'P12', 'P13']);
		await r.contacts.bulkPut(people.map((p) => ({ ...p, deletedAt: undefined })));
		expect((await todayLists(today)(r)).giveBack).toHaveLength(GIVE_BACK_SHOWN);
	});

	it('reads the capture left unsaved', async () => {
		const r = testRepos();
		expect(await unsavedCapture(r)).toBeUndefined();
		await r.drafts.save('capture', { name: 'Half typed' });
		expect((await unsavedCapture(r))?.values).toEqual({ name: 'Half typed' });
	});

	it('lists thank-yous owed for interviews that took place, the most pressing first, and asks about the past planned ones', async () => {
		const r = testRepos();
		const [ana, ben, cleo] = ['Ana', 'Ben', 'Cleo'].map((name) => makeContact({ name }));
		await r.contacts.bulkPut([ana!, ben!, cleo!]);
		const soon = makeInterview(ana!.id, { scheduledAt: NOON + 2 * DAY });
		const later = makeInterview(ana!.id, { scheduledAt: NOON + 20 * DAY });
		const unscheduled = makeInterview(ben!.id);
		const doneLastWeek = makeInterview(cleo!.id, {
			status: 'done',
			scheduledAt: NOON - 3 * DAY,
			durationMinutes: 30
		});
		const endedThisMorning = makeInterview(ben!.id, {
			scheduledAt: NOON - 2 * 3_600_000,
			durationMinutes: 60
		});
		const ranThisMorning = makeInterview(cleo!.id, {
			scheduledAt: NOON - 2 * 3_600_000,
			startedAt: NOON - 2 * 3_600_000,
			durationMinutes: 60
		});
		const thanked = makeInterview(cleo!.id, {
			status: 'done',
			scheduledAt: NOON - 5 * DAY,
			thankYouSentOn: '2026-06-11'
		});
		const trashed = makeInterview(cleo!.id, { scheduledAt: NOON + DAY, deletedAt: NOON });
		for (const i of [
			soon,
			later,
			unscheduled,
			doneLastWeek,
			endedThisMorning,
			ranThisMorning,
			thanked,
			trashed
		])
			await r.interviews.put(i);

		const view = await todayInterviews(NOON)(r);
		expect(view.upcoming.map((i) => i.id)).toEqual([unscheduled.id, soon.id]);
		expect(view.owed.map((o) => [o.interview.id, o.owed.overdue])).toEqual([
			[doneLastWeek.id, true],
			[ranThisMorning.id, false]
		]);
		// Planned and over, but not known to have happened: asked about, never owed a thank-you.
		expect(view.howDidItGo.map((i) => i.id).sort()).toEqual(
			[endedThisMorning.id, ranThisMorning.id].sort()
		);
		expect(view.owed[1]!.owed.dueBy).toBe(NOON - 3_600_000 + DAY);
		expect([...view.people.values()].map((c) => c.name).sort()).toEqual(['Ana', 'Ben', 'Cleo']);
	});

	it('counts the pitches due by the end of today that have words to say', async () => {
		const r = testRepos();
		await r.pitches.put(makePitch({ due: NOON - DAY }));
		await r.pitches.put(makePitch({ due: NOON + 2 * 3_600_000 }));
		await r.pitches.put(makePitch({ due: NOON + 2 * DAY }));
		await r.pitches.put(makePitch({ due: NOON - DAY, text: '' }));
		await r.pitches.put(makePitch({ due: NOON - DAY, deletedAt: NOON }));
		await r.pitches.put({ ...makePitch(), card: undefined, createdAt: NOON - DAY });
		expect(await pitchesDueToday(NOON)(r)).toBe(3);
		expect(await pitchesDueToday(NOON + 2 * DAY)(r)).toBe(4);
	});

	it('lists intro requests not yet asked, the oldest first, of live contacts only', async () => {
		const r = testRepos();
		const ana = makeContact({
			name: 'Ana',
			introRequests: [
				{ id: 'a1', who: 'Xavier', createdAt: 3 },
				{ id: 'a2', who: 'Yara', createdAt: 1, doneAt: 2 }
			]
		});
		const ben = makeContact({
			name: 'Ben',
			introRequests: [{ id: 'b1', who: 'Zoe', createdAt: 2 }]
		});
		const gone = makeContact({
			name: 'Gone',
			deletedAt: NOON,
			introRequests: [{ id: 'g1', who: 'Wim', createdAt: 1 }]
		});
		await r.contacts.bulkPut([ana, ben, gone]);
		const asks = await openIntroAsks(r);
		expect(asks.map((a) => [a.contact.name, a.request.who])).toEqual([
			['Ben', 'Zoe'],
			['Ana', 'Xavier']
		]);
	});
});
