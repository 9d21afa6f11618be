/**
 * Give and take: what a contact gave the user (the outcomes of their touchpoints) and what the
 * user gave back, and the gentle nudges on Today for people who gave without hearing back.
 */
import { addDays, daysBetween, type IsoDate } from './dates';
import type { Touchpoint, Outcome } from './touchpoint';
import { OUTCOMES } from './touchpoint';

/** Days after receiving something before Today suggests giving back. */
export const NUDGE_AFTER_DAYS = 30;
/** Older than this, a gift is left alone: Today is about what can still be answered naturally. */
export const NUDGE_WINDOW_DAYS = 120;

export interface Balance {
	/** How many touchpoints brought each outcome. */
	received: Partial<Record<Outcome, number>>;
	receivedTotal: number;
	/** Touchpoints where the user gave or offered something back, newest first. */
	gave: Array<{ on: IsoDate; text: string }>;
}

/** What one contact's touchpoints add up to. */
export function balance(touchpoints: Iterable<Touchpoint>): Balance {
	const received: Partial<Record<Outcome, number>> = {};
	let receivedTotal = 0;
	const gave: Balance['gave'] = [];
	for (const t of touchpoints) {
		if (t.deletedAt !== undefined) continue;
		for (const o of t.received) {
			received[o] = (received[o] ?? 0) + 1;
			receivedTotal++;
		}
		if (t.gave?.trim()) gave.push({ on: t.on, text: t.gave });
	}
	gave.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
	return { received, receivedTotal, gave };
}

/** The outcomes in their fixed order, with counts, for display. */
export function receivedList(b: Balance): Array<{ outcome: Outcome; count: number }> {
	return OUTCOMES.filter((o) => b.received[o]).map((o) => ({ outcome: o, count: b.received[o]! }));
}

export interface Nudge {
	contactId: string;
	/** The latest touchpoint that brought something and was not answered by a later gift. */
	touchpointId: string;
	on: IsoDate;
	received: Outcome[];
	daysSince: number;
}

/** First day of the touchpoints a nudge list needs to read. */
export function nudgeWindowStart(today: IsoDate): IsoDate {
	return addDays(today, -NUDGE_WINDOW_DAYS);
}

/**
 * People who gave something at least NUDGE_AFTER_DAYS ago with nothing given back since.
 * `touchpoints` are every touchpoint on or after `nudgeWindowStart(today)`; `dismissed` maps a
 * contact to the touchpoint its nudge was dismissed at: a later gift brings the nudge back.
 */
export function reciprocityNudges(
	touchpoints: Iterable<Touchpoint>,
	today: IsoDate,
	dismissed: Readonly<Record<string, string>> = {}
): Nudge[] {
	const start = nudgeWindowStart(today);
	const byContact = new Map<string, Touchpoint[]>();
	for (const t of touchpoints) {
		if (t.deletedAt !== undefined || t.on < start || t.on > today) continue;
		let list = byContact.get(t.contactId);
		if (!list) byContact.set(t.contactId, (list = []));
		list.push(t);
	}
	const out: Nudge[] = [];
	for (const [contactId, list] of byContact) {
		// The latest gift not followed (same day or later) by anything the user gave.
		let lastGave: IsoDate | undefined;
		let latest: Touchpoint | undefined;
		for (const t of list) {
			if (t.gave?.trim() && (!lastGave || t.on > lastGave)) lastGave = t.on;
		}
		for (const t of list) {
			if (t.received.length === 0) continue;
			if (lastGave && lastGave >= t.on) continue;
			if (!latest || t.on > latest.on || (t.on === latest.on && t.updatedAt > latest.updatedAt))
				latest = t;
		}
		if (!latest) continue;
		const daysSince = daysBetween(latest.on, today);
		if (daysSince < NUDGE_AFTER_DAYS) continue;
		if (dismissed[contactId] === latest.id) continue;
		out.push({
			contactId,
			touchpointId: latest.id,
			on: latest.on,
			received: latest.received,
			daysSince
		});
	}
	return out.sort((a, b) => b.daysSince - a.daysSince || a.contactId.localeCompare(b.contactId));
}

/** Ways to give back, in our own words; the first ones fit what was received best. */
export function waysToGiveBack(received: readonly Outcome[]): string[] {
	const ideas: string[] = [];
	if (
		received.some((o) => o === 'job-search-advice' || o === 'resume-tips' || o === 'portfolio-tips')
	)
		ideas.push('Tell them how their advice worked out, with a short thank-you.');
	if (received.includes('names'))
		ideas.push('Let them know how the talks with the people they named went.');
	if (received.includes('inside-info'))
		ideas.push('Send an article or event you think they would enjoy.');
	if (received.includes('interview') || received.includes('job-offer'))
		ideas.push('Share the good news and thank them for opening the door.');
	ideas.push('Introduce them to someone in your network they would like to know.');
	ideas.push('Recommend or endorse their work where others can see it.');
	ideas.push('Send an article or event you think they would enjoy.');
	return [...new Set(ideas)].slice(0, 3);
}
