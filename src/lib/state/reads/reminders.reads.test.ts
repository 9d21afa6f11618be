// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dueTotal } from '$lib/domain/due-today';
import { calendarItemOf, dueToday, upcomingCalendar } from './reminders.reads';
import { pitchesDueToday, todayInterviews, todayLists } from './today.reads';
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

describe('reminders read models', () => {
	it('the badge count is what Today’s sections count: follow-ups, thank-yous owed, pitches due', async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana', nextFollowUpOn: '2026-06-12' });
		const ben = makeContact({ name: 'Ben', nextFollowUpOn: '2026-06-20' });
		const cleo = makeContact({ name: 'Cleo' });
		await r.contacts.bulkPut([ana, ben, cleo]);
		await r.interactions.put(makeTouchpoint(cleo.id, { followUpOn: today }));
		await r.interactions.put(makeTouchpoint(cleo.id, { followUpOn: today, followUpDone: true }));
		await r.interviews.put(makeInterview(ana.id, { status: 'done', scheduledAt: NOON - DAY }));
		await r.interviews.put(makeInterview(ben.id, { status: 'planned', scheduledAt: NOON + DAY }));
		await r.pitches.put(makePitch({ due: NOON - DAY }));
		await r.pitches.put(makePitch({ due: NOON + 3 * DAY }));

		const counts = await dueToday(NOON)(r);
		expect(counts).toEqual({ followUps: 2, thankYous: 1, pitches: 1 });
		const lists = await todayLists(today)(r);
		const interviews = await todayInterviews(NOON)(r);
		const pitches = await pitchesDueToday(NOON)(r);
		expect(dueTotal(counts)).toBe(lists.followUps.length + interviews.owed.length + pitches);
	});

	it('finds the calendar entry of one record, and none once it is done', async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana', nextFollowUpOn: '2026-06-20' });
		await r.contacts.put(ana);
		const t = makeTouchpoint(ana.id, { followUpOn: '2026-06-18' });
		await r.interactions.put(t);
		expect(await calendarItemOf({ kind: 'contact', id: ana.id }, NOON)(r)).toMatchObject({
			day: '2026-06-20',
			summary: 'Follow up with Ana'
		});
		expect(await calendarItemOf({ kind: 'touchpoint', id: t.id }, NOON)(r)).toMatchObject({
			day: '2026-06-18'
		});
		await r.interactions.put({ ...t, followUpDone: true });
		expect(await calendarItemOf({ kind: 'touchpoint', id: t.id }, NOON)(r)).toBeUndefined();
		expect(await calendarItemOf({ kind: 'rehearsal', id: 'nope' }, NOON)(r)).toBeUndefined();
	});

	it('all upcoming reads the next 90 days and leaves later dates out', async () => {
		const r = testRepos();
		const near = makeContact({ name: 'Near', nextFollowUpOn: '2026-07-01' });
		const far = makeContact({ name: 'Far', nextFollowUpOn: '2026-12-01' });
		await r.contacts.bulkPut([near, far]);
		await r.interviews.put(
			makeInterview(far.id, { status: 'planned', scheduledAt: NOON + 2 * DAY })
		);
		const items = await upcomingCalendar(NOON)(r);
		expect(items.map((i) => i.summary)).toEqual([
			'Informational interview with Far',
			'Send a thank-you to Far',
			'Follow up with Near'
		]);
	});
});
