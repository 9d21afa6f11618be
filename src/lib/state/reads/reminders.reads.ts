// Reads for reminders outside the app: how many things are due today (the app icon's badge) and
// the dated things a calendar file holds, one record's or every one of the next 90 days.
import {
	contactFollowUpItem,
	interviewFollowUpItem,
	rehearsalItem,
	thankYouItem,
	touchpointFollowUpItem,
	upcomingItems,
	UPCOMING_DAYS,
	type CalendarItem
} from '$lib/domain/calendar-items';
import { addDays, todayIso } from '$lib/domain/day';
import { countDue, type DueCounts } from '$lib/domain/due-today';
import { endOfDay } from '$lib/domain/pitch-card';
import type { Query } from './query';

/**
 * Today's due counts, read as Today reads its sections (the same indexed reads) and counted by
 * the one rule Today's sections follow (domain/due-today.ts).
 */
export function dueToday(now: number): Query<DueCounts> {
	return async (r) => {
		const today = todayIso(new Date(now));
		const [contacts, touchpoints, interviews, pitches] = await Promise.all([
			r.contacts.followUpsUpTo(today),
			r.interactions.followUpsUpTo(today),
			r.interviews.all(),
			r.pitches.dueBy(endOfDay(now))
		]);
		const owners = await r.contacts.getMany([...new Set(touchpoints.map((t) => t.contactId))]);
		return countDue({ contacts, touchpoints, owners, interviews, pitches }, now);
	};
}

/** Every dated thing from today through the next 90 days, the soonest first. */
export function upcomingCalendar(now: number): Query<CalendarItem[]> {
	return async (r) => {
		const last = addDays(todayIso(new Date(now)), UPCOMING_DAYS);
		const [contacts, touchpoints, interviews, pitches] = await Promise.all([
			r.contacts.followUpsUpTo(last),
			r.interactions.followUpsUpTo(last),
			r.interviews.all(),
			r.pitches.all()
		]);
		const people = await r.contacts.getMany([
			...new Set([...touchpoints, ...interviews].map((x) => x.contactId))
		]);
		return upcomingItems({ contacts, touchpoints, interviews, pitches, people }, now);
	};
}

/** What one record can put in a calendar: the dated thing it is about. */
export type CalendarSource =
	| { kind: 'contact'; id: string }
	| { kind: 'touchpoint'; id: string }
	| { kind: 'thank-you'; id: string }
	| { kind: 'interview-follow-up'; id: string }
	| { kind: 'rehearsal'; id: string };

/** The calendar entry of one record's dated thing, or undefined when it has none (any more). */
export function calendarItemOf(
	source: CalendarSource,
	now: number
): Query<CalendarItem | undefined> {
	return async (r) => {
		const today = todayIso(new Date(now));
		switch (source.kind) {
			case 'contact': {
				const contact = await r.contacts.get(source.id);
				return contact && contactFollowUpItem(contact, today);
			}
			case 'touchpoint': {
				const touchpoint = await r.interactions.get(source.id);
				return (
					touchpoint &&
					touchpointFollowUpItem(touchpoint, await r.contacts.get(touchpoint.contactId), today)
				);
			}
			case 'thank-you':
			case 'interview-follow-up': {
				const interview = await r.interviews.get(source.id);
				if (!interview) return undefined;
				const person = await r.contacts.get(interview.contactId);
				return source.kind === 'thank-you'
					? thankYouItem(interview, person, now)
					: interviewFollowUpItem(interview, person, today);
			}
			case 'rehearsal': {
				const pitch = await r.pitches.get(source.id);
				return pitch && rehearsalItem(pitch, now);
			}
		}
	};
}
