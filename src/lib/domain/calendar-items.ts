/**
 * The dated things a calendar can remind of, as calendar entries: a contact's next follow-up or
 * keep-in-touch date, a touchpoint's or an interview's follow-up, an interview, the thank-you after
 * it, and a pitch's next rehearsal. Each entry's UID is made of its record's id and what it is
 * about, never of its date or words, so a calendar that imports it again moves the entry it has
 * instead of adding a second one. Pure: the .ics text is io/ics.ts's business.
 */
import type { Contact } from './contact';
import { addDays, toIsoDate, type IsoDate } from './day';
import type { Interview } from './interview';
import { endsAt, MODE_LABELS, THANK_YOU_WITHIN_MS, thankYouOwed } from './interview-rules';
import type { Pitch } from './pitch';
import { dueAt, endOfDay } from './pitch-card';
import { CHANNEL_LABELS, type Touchpoint } from './touchpoint';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Reminders for a whole day ring at 9:00 that day (an alarm 9 hours after its start). */
export const DAY_ALARM_MINUTES_BEFORE = -9 * 60;
/** "All upcoming" covers this many days from today. */
export const UPCOMING_DAYS = 90;

export type CalendarKind = 'follow-up' | 'keep-in-touch' | 'interview' | 'thank-you' | 'rehearsal';

interface Common {
	uid: string;
	kind: CalendarKind;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	/** Minutes before the start the phone reminds; negative is after the start (a day's 9:00). */
	alarmMinutesBefore: number;
}

/** A whole day (a follow-up, a rehearsal) or a span of time (an interview, a thank-you). */
export type CalendarItem = Common & ({ day: IsoDate } | { start: number; end: number });

/** When the item begins, for sorting and for the 90-day window. */
export function itemStart(item: CalendarItem): number {
	if ('start' in item) return item.start;
	const [y, m, d] = item.day.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d).getTime();
}

/** The day an overdue date is still due on: today (Today lists it until it is done). */
function notBefore(day: IsoDate, today: IsoDate): IsoDate {
	return day < today ? today : day;
}

/** A contact's next follow-up: a keep-in-touch round when they have a cadence. */
export function contactFollowUpItem(contact: Contact, today: IsoDate): CalendarItem | undefined {
	if (contact.deletedAt !== undefined || !contact.nextFollowUpOn) return undefined;
	const cadence = contact.keepInTouchDays !== undefined;
	const where = [contact.role, contact.organization].filter(Boolean).join(', ');
	return {
		uid: `${contact.id}@kith.follow-up`,
		kind: cadence ? 'keep-in-touch' : 'follow-up',
		day: notBefore(contact.nextFollowUpOn, today),
		summary: cadence ? `Keep in touch with ${contact.name}` : `Follow up with ${contact.name}`,
		description: [
			where,
			cadence
				? `You planned to be in touch every ${contact.keepInTouchDays} days.`
				: 'A follow-up you set in Kith.',
			'Mark it done in Kith once you have been in touch.'
		]
			.filter(Boolean)
			.join('\n'),
		alarmMinutesBefore: DAY_ALARM_MINUTES_BEFORE
	};
}

/** A touchpoint's open follow-up, with what the touchpoint was about. */
export function touchpointFollowUpItem(
	touchpoint: Touchpoint,
	contact: Contact | undefined,
	today: IsoDate
): CalendarItem | undefined {
	const on = touchpoint.followUpOn;
	if (!on || touchpoint.followUpDone || touchpoint.deletedAt !== undefined) return undefined;
	if (!contact || contact.deletedAt !== undefined) return undefined;
	return {
		uid: `${touchpoint.id}@kith.touchpoint-follow-up`,
		kind: 'follow-up',
		day: notBefore(on, today),
		summary: `Follow up with ${contact.name}`,
		description:
			`After: ${CHANNEL_LABELS[touchpoint.channel].toLowerCase()} on ${touchpoint.on}. ${touchpoint.summary}`.trim(),
		alarmMinutesBefore: DAY_ALARM_MINUTES_BEFORE
	};
}

function who(contact: Contact | undefined): string {
	return contact?.name ?? 'someone';
}

/** The interview itself, with a reminder an hour before; none without a time or when it is over. */
export function interviewItem(
	interview: Interview,
	contact: Contact | undefined
): (CalendarItem & { start: number; end: number }) | undefined {
	const end = endsAt(interview);
	if (interview.scheduledAt === undefined || end === undefined) return undefined;
	const place = interview.place;
	const isLink = !!place && /^https?:\/\//i.test(place);
	return {
		uid: `${interview.id}@kith.interviews`,
		kind: 'interview',
		start: interview.scheduledAt,
		end,
		summary: `Informational interview with ${who(contact)}${interview.organization ? ` (${interview.organization})` : ''}`,
		description: [
			`Informational interview (${MODE_LABELS[interview.mode].toLowerCase()}).`,
			interview.goal ? `Goal: ${interview.goal}` : '',
			interview.questions.length
				? `Questions:\n${interview.questions.map((q, n) => `${n + 1}. ${q.text}`).join('\n')}`
				: ''
		]
			.filter(Boolean)
			.join('\n\n'),
		...(place ? { location: place } : {}),
		...(isLink ? { url: place } : {}),
		alarmMinutesBefore: 60
	};
}

/**
 * The thank-you after an interview: half an hour, starting an hour after it ends (or now, when
 * that has passed), to be sent within a day. For one still ahead it is the plan; once owed it
 * follows the owed rule; once sent, cancelled or deleted there is none.
 */
export function thankYouItem(
	interview: Interview,
	contact: Contact | undefined,
	now: number
): CalendarItem | undefined {
	if (interview.deletedAt !== undefined || interview.thankYouSentOn) return undefined;
	if (interview.status === 'cancelled') return undefined;
	const end = endsAt(interview);
	const dueBy =
		thankYouOwed(interview, now)?.dueBy ??
		(interview.status === 'planned' && end !== undefined ? end + THANK_YOU_WITHIN_MS : undefined);
	if (dueBy === undefined) return undefined;
	const start = Math.max(
		dueBy - THANK_YOU_WITHIN_MS + HOUR,
		Math.ceil(now / (15 * MINUTE)) * 15 * MINUTE
	);
	return {
		uid: `${interview.id}@kith.thank-you`,
		kind: 'thank-you',
		start,
		end: start + 30 * MINUTE,
		summary: `Send a thank-you to ${who(contact)}`,
		description:
			'A short note within a day of the interview: thank them for their time and name one thing they said that helped. Mark it sent in Kith.',
		alarmMinutesBefore: 0
	};
}

/** An interview's own follow-up date. */
export function interviewFollowUpItem(
	interview: Interview,
	contact: Contact | undefined,
	today: IsoDate
): CalendarItem | undefined {
	if (!interview.followUpOn || interview.deletedAt !== undefined) return undefined;
	if (interview.status === 'cancelled') return undefined;
	return {
		uid: `${interview.id}@kith.interview-follow-up`,
		kind: 'follow-up',
		day: notBefore(interview.followUpOn, today),
		summary: `Follow up with ${who(contact)} after your interview`,
		description: 'Tell them what came of their advice, or ask about the names they gave you.',
		alarmMinutesBefore: DAY_ALARM_MINUTES_BEFORE
	};
}

/** A pitch's next rehearsal, on the day spaced repetition set (today when it is already due). */
export function rehearsalItem(pitch: Pitch, now: number): CalendarItem | undefined {
	if (pitch.deletedAt !== undefined || !pitch.text.trim()) return undefined;
	const due = dueAt(pitch);
	const day = due <= endOfDay(now) ? toIsoDate(new Date(now)) : toIsoDate(new Date(due));
	return {
		uid: `${pitch.id}@kith.rehearsal`,
		kind: 'rehearsal',
		day,
		summary: `Rehearse your pitch: ${pitch.title}`,
		description: 'Say it out loud once, timed, and rate how it went in Kith.',
		alarmMinutesBefore: DAY_ALARM_MINUTES_BEFORE
	};
}

export interface CalendarRows {
	contacts: Iterable<Contact>;
	touchpoints: Iterable<Touchpoint>;
	interviews: Iterable<Interview>;
	pitches: Iterable<Pitch>;
	/** The people the touchpoints and interviews are with, by id. */
	people: ReadonlyMap<string, Contact>;
}

/**
 * Every dated thing from today through the next `days` days (overdue follow-ups and rehearsals
 * count as today's, as on Today), the soonest first. Later ones stay out.
 */
export function upcomingItems(
	rows: CalendarRows,
	now: number,
	days = UPCOMING_DAYS
): CalendarItem[] {
	const today = toIsoDate(new Date(now));
	const last = addDays(today, days);
	const [y, m, d] = last.split('-').map(Number) as [number, number, number];
	const until = new Date(y, m - 1, d + 1).getTime();
	const items: (CalendarItem | undefined)[] = [];
	for (const c of rows.contacts) items.push(contactFollowUpItem(c, today));
	for (const t of rows.touchpoints)
		items.push(touchpointFollowUpItem(t, rows.people.get(t.contactId), today));
	for (const i of rows.interviews) {
		const person = rows.people.get(i.contactId);
		if (i.deletedAt === undefined && i.status === 'planned' && (endsAt(i) ?? 0) > now)
			items.push(interviewItem(i, person));
		items.push(thankYouItem(i, person, now), interviewFollowUpItem(i, person, today));
	}
	for (const p of rows.pitches) items.push(rehearsalItem(p, now));
	return items
		.filter((item): item is CalendarItem => item !== undefined)
		.filter((item) => {
			const at = itemStart(item);
			return 'day' in item ? at < until : item.end > now && at < until;
		})
		.sort((a, b) => itemStart(a) - itemStart(b) || a.uid.localeCompare(b.uid));
}

/** A file name for one entry or a set: `kith-follow-up-ana-lima.ics`. */
export function calendarFileName(item: CalendarItem | undefined): string {
	if (!item) return 'kith-upcoming.ics';
	const slug = item.summary
		.normalize('NFD')
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60)
		.replace(/-$/, '');
	return `kith-${slug || item.kind}.ics`;
}
