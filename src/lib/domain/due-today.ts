/**
 * What is due today, counted once for every place that shows it: Today's sections, the app icon's
 * badge and the daily notification. Each count comes from the rule Today's own section uses
 * (follow-ups from `dueList`, thank-yous from `thankYouOwed`, pitches from `dueDeck`), so the three
 * can never disagree. Also the words of the daily notification and its quiet hours.
 */
import { dueList } from './cadence';
import type { Contact } from './contact';
import { todayIso } from './day';
import type { Interview } from './interview';
import { thankYouOwed } from './interview-rules';
import type { Pitch } from './pitch';
import { dueDeck } from './pitch-card';
import { count } from './plural';
import type { Touchpoint } from './touchpoint';

/** The daily check's periodic-sync tag, and its notification's: a new one replaces the last. */
export const DUE_CHECK_TAG = 'kith-due';

export interface DueRows {
	/** Contacts with a follow-up on or before today (more do no harm: the rule filters). */
	contacts: Iterable<Contact>;
	/** Touchpoints with an open follow-up on or before today. */
	touchpoints: Iterable<Touchpoint>;
	/** The owners of those touchpoints, by id. */
	owners: ReadonlyMap<string, Contact>;
	interviews: Iterable<Interview>;
	/** Pitches due by the end of today (more do no harm). */
	pitches: Pitch[];
}

export interface DueCounts {
	followUps: number;
	thankYous: number;
	pitches: number;
}

export const NOTHING_DUE: DueCounts = { followUps: 0, thankYous: 0, pitches: 0 };

export function countDue(rows: DueRows, now: number): DueCounts {
	let thankYous = 0;
	for (const interview of rows.interviews) if (thankYouOwed(interview, now)) thankYous++;
	return {
		followUps: dueList(rows.contacts, rows.touchpoints, rows.owners, todayIso(new Date(now)))
			.length,
		thankYous,
		pitches: dueDeck(rows.pitches, now).length
	};
}

export function dueTotal(counts: DueCounts): number {
	return counts.followUps + counts.thankYous + counts.pitches;
}

/** "3 follow-ups, 1 thank-you, 2 pitches to rehearse"; empty when nothing is due. */
export function describeDueCounts(counts: DueCounts): string {
	return [
		counts.followUps ? count(counts.followUps, 'follow-up', 'follow-ups') : '',
		counts.thankYous ? count(counts.thankYous, 'thank-you', 'thank-yous') : '',
		counts.pitches ? `${count(counts.pitches, 'pitch', 'pitches')} to rehearse` : ''
	]
		.filter(Boolean)
		.join(', ');
}

/** No notification before 8:00 or from 21:00 on, in the phone's own time. */
export const QUIET_UNTIL_HOUR = 8;
export const QUIET_FROM_HOUR = 21;

export function inQuietHours(now: number): boolean {
	const hour = new Date(now).getHours();
	return hour < QUIET_UNTIL_HOUR || hour >= QUIET_FROM_HOUR;
}

export interface DueNotice {
	title: string;
	body: string;
}

/**
 * The one notification the daily check shows, or none: when nothing is due, or in quiet hours (a
 * reminder at 6 in the morning helps nobody; the badge still says it).
 */
export function dueNotice(counts: DueCounts, now: number): DueNotice | undefined {
	const total = dueTotal(counts);
	if (total === 0 || inQuietHours(now)) return undefined;
	return {
		title: `${count(total, 'thing', 'things')} to do today in Kith`,
		body: `${describeDueCounts(counts)}. Tap to open Today.`
	};
}
