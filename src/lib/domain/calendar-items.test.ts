import { describe, expect, it } from 'vitest';
import {
	calendarFileName,
	contactFollowUpItem,
	interviewItem,
	itemStart,
	rehearsalItem,
	thankYouItem,
	upcomingItems,
	type CalendarItem
} from './calendar-items';
import { THANK_YOU_WITHIN_MS } from './interview-rules';
import type { Pitch } from './pitch';
import { newCardState } from './pitch-card';
import { makeContact, makeInterview, makeTouchpoint } from './testing/factories';

const DAY = 86_400_000;
const now = new Date(2026, 5, 15, 12, 0).getTime();
const today = '2026-06-15';

function pitch(fields: Partial<Pitch> = {}): Pitch {
	return {
		id: 'p1',
		title: 'One minute',
		targetSeconds: 60,
		text: 'I catalogue things.',
		cues: [],
		card: newCardState(now + 3 * DAY),
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...fields
	};
}

const day = (item: CalendarItem | undefined) => (item && 'day' in item ? item.day : undefined);

describe('calendar entries', () => {
	it('a follow-up is a whole day with a 9:00 alarm; a cadence makes it a keep-in-touch', () => {
		const ana = makeContact({ id: 'c1', name: 'Ana', nextFollowUpOn: '2026-06-20' });
		const item = contactFollowUpItem(ana, today)!;
		expect(item).toMatchObject({
			uid: 'c1@kith.follow-up',
			kind: 'follow-up',
			day: '2026-06-20',
			summary: 'Follow up with Ana',
			alarmMinutesBefore: -540
		});
		const ben = makeContact({
			id: 'c2',
			name: 'Ben',
			nextFollowUpOn: '2026-06-01',
			keepInTouchDays: 60
		});
		const round = contactFollowUpItem(ben, today)!;
		expect(round.kind).toBe('keep-in-touch');
		expect(round.summary).toBe('Keep in touch with Ben');
		// Overdue is due today, as Today lists it.
		expect(day(round)).toBe(today);
		expect(contactFollowUpItem(makeContact({ name: 'None' }), today)).toBeUndefined();
	});

	it('the UID stays the same when the date or the name changes', () => {
		const a = contactFollowUpItem(
			makeContact({ id: 'c1', name: 'Ana', nextFollowUpOn: '2026-06-20' }),
			today
		)!;
		const b = contactFollowUpItem(
			makeContact({ id: 'c1', name: 'Ana L.', nextFollowUpOn: '2026-07-20' }),
			today
		)!;
		expect(a.uid).toBe(b.uid);
		const rehearsal = rehearsalItem(pitch(), now)!;
		expect(
			rehearsalItem(pitch({ title: 'Other', card: newCardState(now + 9 * DAY) }), now)!.uid
		).toBe(rehearsal.uid);
	});

	it('a thank-you follows an interview by an hour and is planned before the interview too', () => {
		const start = now + 2 * DAY;
		const planned = makeInterview({
			id: 'i1',
			contactId: 'c1',
			status: 'planned',
			scheduledAt: start,
			durationMinutes: 30
		});
		const ana = makeContact({ id: 'c1', name: 'Ana' });
		const item = thankYouItem(planned, ana, now)!;
		expect(item).toMatchObject({ uid: 'i1@kith.thank-you', summary: 'Send a thank-you to Ana' });
		expect(itemStart(item)).toBe(start + 30 * 60_000 + 3_600_000);
		expect(thankYouItem({ ...planned, thankYouSentOn: today }, ana, now)).toBeUndefined();
		expect(thankYouItem({ ...planned, status: 'cancelled' }, ana, now)).toBeUndefined();
		// Owed and overdue: it starts now (the next quarter hour), not in the past.
		const late = makeInterview({ id: 'i2', contactId: 'c1', scheduledAt: now - 3 * DAY });
		const owed = thankYouItem(late, ana, now)!;
		expect(itemStart(owed)).toBeGreaterThanOrEqual(now);
		expect(itemStart(owed)).toBeLessThan(now + 15 * 60_000);
		expect(THANK_YOU_WITHIN_MS).toBe(DAY);
	});

	it('the interview keeps the UID its own page has always written', () => {
		const i = makeInterview({
			id: 'i9',
			contactId: 'c1',
			status: 'planned',
			scheduledAt: now + DAY
		});
		expect(interviewItem(i, undefined)).toMatchObject({
			uid: 'i9@kith.interviews',
			alarmMinutesBefore: 60,
			summary: 'Informational interview with someone'
		});
		expect(interviewItem({ ...i, scheduledAt: undefined }, undefined)).toBeUndefined();
	});

	it('a rehearsal already due is today’s; a pitch with nothing to say has none', () => {
		expect(day(rehearsalItem(pitch({ card: newCardState(now - 5 * DAY) }), now))).toBe(today);
		expect(day(rehearsalItem(pitch(), now))).toBe('2026-06-18');
		expect(rehearsalItem(pitch({ text: '  ' }), now)).toBeUndefined();
		expect(rehearsalItem(pitch({ deletedAt: 4 }), now)).toBeUndefined();
	});

	it('upcoming holds the next 90 days, soonest first, and nothing later or finished', () => {
		const ana = makeContact({ id: 'c1', name: 'Ana', nextFollowUpOn: '2026-09-13' });
		const far = makeContact({ id: 'c2', name: 'Far', nextFollowUpOn: '2026-09-14' });
		const touch = makeTouchpoint({ id: 't1', contactId: 'c1', followUpOn: '2026-06-16' });
		const doneTouch = makeTouchpoint({
			id: 't2',
			contactId: 'c1',
			followUpOn: '2026-06-16',
			followUpDone: true
		});
		const interview = makeInterview({
			id: 'i1',
			contactId: 'c1',
			status: 'planned',
			scheduledAt: now + DAY
		});
		const past = makeInterview({
			id: 'i2',
			contactId: 'c1',
			status: 'planned',
			scheduledAt: now - 10 * DAY,
			thankYouSentOn: '2026-06-06'
		});
		const items = upcomingItems(
			{
				contacts: [ana, far],
				touchpoints: [touch, doneTouch],
				interviews: [interview, past],
				pitches: [pitch()],
				people: new Map([['c1', ana]])
			},
			now
		);
		expect(items.map((i) => i.uid)).toEqual([
			't1@kith.touchpoint-follow-up',
			'i1@kith.interviews',
			'i1@kith.thank-you',
			'p1@kith.rehearsal',
			'c1@kith.follow-up'
		]);
	});

	it('names files after what they hold', () => {
		const ana = makeContact({ id: 'c1', name: 'Ána Lima', nextFollowUpOn: '2026-06-20' });
		expect(calendarFileName(contactFollowUpItem(ana, today))).toBe(
			'kith-follow-up-with-ana-lima.ics'
		);
		expect(calendarFileName(undefined)).toBe('kith-upcoming.ics');
	});
});
