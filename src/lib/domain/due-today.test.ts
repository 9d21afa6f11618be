import { describe, expect, it } from 'vitest';
import { dueList } from './cadence';
import {
	countDue,
	describeDueCounts,
	dueNotice,
	dueTotal,
	inQuietHours,
	type DueRows
} from './due-today';
import { thankYouOwed } from './interview-rules';
import type { Pitch } from './pitch';
import { dueDeck, newCardState } from './pitch-card';
import { makeContact, makeInterview, makeTouchpoint } from './testing/factories';

/** Local noon on 15 June 2026, and other hours of that day. */
const at = (hour: number, minute = 0) => new Date(2026, 5, 15, hour, minute).getTime();
const now = at(12);

function pitch(fields: Partial<Pitch> = {}): Pitch {
	return {
		id: crypto.randomUUID(),
		title: 'One minute',
		targetSeconds: 60,
		text: 'I catalogue things.',
		cues: [],
		card: newCardState(now - 86_400_000),
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...fields
	};
}

function rows(): DueRows {
	const ana = makeContact({ name: 'Ana', nextFollowUpOn: '2026-06-14' });
	const ben = makeContact({ name: 'Ben', nextFollowUpOn: '2026-06-15', keepInTouchDays: 30 });
	const later = makeContact({ name: 'Later', nextFollowUpOn: '2026-06-16' });
	const trashed = makeContact({ name: 'Gone', nextFollowUpOn: '2026-06-01', deletedAt: 5 });
	const touch = makeTouchpoint({ id: 't1', contactId: ana.id, followUpOn: '2026-06-10' });
	const done = makeTouchpoint({
		id: 't2',
		contactId: ana.id,
		followUpOn: '2026-06-10',
		followUpDone: true
	});
	return {
		contacts: [ana, ben, later, trashed],
		touchpoints: [touch, done],
		owners: new Map([[ana.id, ana]]),
		interviews: [
			// Ended yesterday, no thank-you yet: owed.
			makeInterview({ id: 'i1', contactId: ana.id, scheduledAt: now - 86_400_000 }),
			// Sent already, cancelled, or still ahead: nothing owed.
			makeInterview({ id: 'i2', contactId: ana.id, thankYouSentOn: '2026-06-14' }),
			makeInterview({ id: 'i3', contactId: ana.id, status: 'cancelled' }),
			makeInterview({
				id: 'i4',
				contactId: ana.id,
				status: 'planned',
				scheduledAt: now + 86_400_000
			})
		],
		pitches: [pitch(), pitch({ card: newCardState(now + 5 * 86_400_000) }), pitch({ deletedAt: 3 })]
	};
}

describe('what is due today', () => {
	it('counts follow-ups, thank-yous and pitches by the rules of Today’s own sections', () => {
		const r = rows();
		const counts = countDue(r, now);
		expect(counts).toEqual({ followUps: 3, thankYous: 1, pitches: 1 });
		// The same rules Today's sections call, not a second copy of them.
		expect(counts.followUps).toBe(
			dueList(r.contacts, r.touchpoints, r.owners, '2026-06-15').length
		);
		expect(counts.thankYous).toBe(
			[...r.interviews].filter((i) => thankYouOwed(i, now) !== undefined).length
		);
		expect(counts.pitches).toBe(dueDeck(r.pitches, now).length);
		expect(dueTotal(counts)).toBe(5);
	});

	it('says the counts in words, with the plural rule', () => {
		expect(describeDueCounts({ followUps: 3, thankYous: 1, pitches: 0 })).toBe(
			'3 follow-ups, 1 thank-you'
		);
		expect(describeDueCounts({ followUps: 1, thankYous: 2, pitches: 1 })).toBe(
			'1 follow-up, 2 thank-yous, 1 pitch to rehearse'
		);
		expect(describeDueCounts({ followUps: 0, thankYous: 0, pitches: 2 })).toBe(
			'2 pitches to rehearse'
		);
		expect(describeDueCounts({ followUps: 0, thankYous: 0, pitches: 0 })).toBe('');
	});

	it('keeps quiet before 8:00 and from 21:00 on, local time', () => {
		expect(inQuietHours(at(7, 59))).toBe(true);
		expect(inQuietHours(at(8, 0))).toBe(false);
		expect(inQuietHours(at(20, 59))).toBe(false);
		expect(inQuietHours(at(21, 0))).toBe(true);
		expect(inQuietHours(at(0, 30))).toBe(true);
	});

	it('makes one notification of it all, none in quiet hours and none when nothing is due', () => {
		const counts = { followUps: 3, thankYous: 1, pitches: 0 };
		expect(dueNotice(counts, at(9))).toEqual({
			title: '4 things to do today in Kith',
			body: '3 follow-ups, 1 thank-you. Tap to open Today.'
		});
		expect(dueNotice({ followUps: 1, thankYous: 0, pitches: 0 }, at(9))?.title).toBe(
			'1 thing to do today in Kith'
		);
		expect(dueNotice(counts, at(7))).toBeUndefined();
		expect(dueNotice(counts, at(22))).toBeUndefined();
		expect(dueNotice({ followUps: 0, thankYous: 0, pitches: 0 }, at(9))).toBeUndefined();
	});
});
