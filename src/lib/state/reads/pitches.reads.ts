// The pitch screens' reads: the list, one pitch with its rehearsals and recordings, and the deck
// to rehearse. Uses only the light half of pitch scheduling; the scheduler loads on the screens.
import type { Pitch, Recording, Rehearsal } from '$lib/domain/pitch';
import { dueAt, dueDeck, endOfDay, notRehearsableReason } from '$lib/domain/pitch-card';
import type { Query } from './query';

/** Every pitch, deleted ones too (pages filter them). */
export const allPitches: Query<Pitch[]> = (r) => r.pitches.all();

/** One pitch, deleted or not. */
export function pitchById(id: string): Query<Pitch | undefined> {
	return (r) => r.pitches.get(id);
}

/** A pitch's rehearsals, the newest first, `limit` at most. */
export function pitchHistory(id: string, limit = 20): Query<Rehearsal[]> {
	return (r) => r.pitches.rehearsalsOf(id, limit);
}

export function pitchRecordings(id: string): Query<Recording[]> {
	return (r) => r.pitches.recordingsOf(id);
}

/** Bytes every recording takes, all pitches together. */
export const recordingBytes: Query<number> = (r) => r.pitches.recordingBytes();

export interface RehearseDeck {
	/** The pitches to rehearse, in order. */
	deck: Pitch[];
	/** Why the one pitch asked for cannot be rehearsed. */
	blocked?: { title: string; reason: string };
	/** Pitches due but with no text to say, left out of the deck. */
	skippedEmpty: number;
	/** How many pitches there are in all. */
	total: number;
}

/** The one pitch `only` names, or every pitch due by the end of the day `now` falls in. */
export function rehearseDeck(only: string | null, now: number): Query<RehearseDeck> {
	return async (r) => {
		const [rows, total] = await Promise.all([
			only ? r.pitches.get(only).then((p) => (p ? [p] : [])) : r.pitches.dueBy(endOfDay(now)),
			r.pitches.count()
		]);
		const live = rows.filter((p) => p.deletedAt === undefined);
		if (only) {
			const p = live[0];
			const reason = p ? notRehearsableReason(p) : 'This pitch is no longer here.';
			return reason
				? { deck: [], blocked: { title: p?.title ?? 'Pitch', reason }, skippedEmpty: 0, total }
				: { deck: live, skippedEmpty: 0, total };
		}
		const skippedEmpty = live.filter(
			(p) => dueAt(p) <= endOfDay(now) && notRehearsableReason(p) !== undefined
		).length;
		return { deck: dueDeck(live, now), skippedEmpty, total };
	};
}
