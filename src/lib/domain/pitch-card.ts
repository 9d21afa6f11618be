/**
 * The light half of pitch scheduling, for lists and Today: when a pitch is due and what a new
 * card looks like. The scheduler itself (ts-fsrs) lives in pitch-schedule.ts and loads on use.
 */
import type { Pitch } from './pitch';
import { countWords } from './pitch-timing';

export type CardState = NonNullable<Pitch['card']>;

/** A card never rehearsed, due at once: the same values ts-fsrs's `createEmptyCard` gives. */
export function newCardState(now: number): CardState {
	return {
		due: now,
		stability: 0,
		difficulty: 0,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		state: 0
	};
}

/** The last millisecond of the local day `now` falls in: what is due by then is due "today". */
export function endOfDay(now: number): number {
	const d = new Date(now);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1;
}

/** Why a pitch cannot be rehearsed yet, or undefined when it can. */
export function notRehearsableReason(pitch: Pick<Pitch, 'text'>): string | undefined {
	return countWords(pitch.text) === 0
		? 'There is no text to say yet. Write your pitch first, then rehearse it.'
		: undefined;
}

/** A pitch with no card yet (from an older backup) is new, so due now. */
export function dueAt(pitch: Pick<Pitch, 'card' | 'createdAt'>): number {
	return pitch.card?.due ?? pitch.createdAt;
}

/** Due by the end of today, not deleted, and with something to say. */
export function isDueToday(pitch: Pitch, now: number): boolean {
	return (
		pitch.deletedAt === undefined &&
		dueAt(pitch) <= endOfDay(now) &&
		notRehearsableReason(pitch) === undefined
	);
}

/** Due pitches, the longest waiting first. */
export function dueDeck(pitches: Pitch[], now: number): Pitch[] {
	return pitches.filter((p) => isDueToday(p, now)).sort((a, b) => dueAt(a) - dueAt(b));
}

/** "today", "tomorrow", "in 3 days", or a date: when a pitch is next due. */
export function describeDue(due: number, now: number): string {
	const days = Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
	if (days <= 0) return 'today';
	if (days === 1) return 'tomorrow';
	if (days < 14) return `in ${days} days`;
	return new Intl.DateTimeFormat(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	}).format(new Date(due));
}

function startOfDay(t: number): number {
	const d = new Date(t);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
