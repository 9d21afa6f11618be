/**
 * The repositories of pitches and what hangs off them: pitches (with their review card), their
 * rehearsals and their audio recordings, stored in the IndexedDB "kith" database's `pitches`,
 * `rehearsals` and `recordings` tables.
 */
import type { Pitch, Recording, Rehearsal } from '$lib/domain/pitch';
import type { KithDB } from './database';
import { entityRepo } from './entity.repo';

/** Pitches with their rehearsals and recordings; the due ones are found through `card.due`. */
export function pitchesRepo(db: KithDB) {
	return {
		...entityRepo(db.pitches),
		/** Pitches due by `end`, through the index; pitches with no card yet count as due. */
		async dueBy(end: number): Promise<Pitch[]> {
			const [scheduled, indexed, total] = await Promise.all([
				db.pitches.where('card.due').belowOrEqual(end).toArray(),
				db.pitches.where('card.due').above(-Infinity).count(),
				db.pitches.count()
			]);
			if (indexed === total) return scheduled;
			// Only rows from an older backup can lack a card: look for them when some do.
			return [...scheduled, ...(await db.pitches.filter((p) => p.card === undefined).toArray())];
		},
		/** The newest rehearsals of a pitch first. */
		rehearsalsOf: (pitchId: string, limit = Infinity) =>
			db.rehearsals
				.where('[pitchId+at]')
				.between([pitchId, -Infinity], [pitchId, Infinity])
				.reverse()
				.limit(limit)
				.toArray(),
		/** The latest rehearsals of every pitch, newest first. */
		recentRehearsals: (limit: number) =>
			db.rehearsals.orderBy('at').reverse().limit(limit).toArray(),
		recordingsOf: (pitchId: string) => db.recordings.where('pitchId').equals(pitchId).toArray(),
		/** Bytes all recordings take, without loading any audio into memory but the sizes. */
		async recordingBytes(): Promise<number> {
			let bytes = 0;
			await db.recordings.each((r) => {
				bytes += r.blob.size;
			});
			return bytes;
		}
	};
}

/** Rated runs of pitches. */
export function rehearsalsRepo(db: KithDB) {
	return {
		...entityRepo(db.rehearsals),
		/** Every rehearsal of a pitch, in the index's order. */
		ofPitch: (pitchId: string): Promise<Rehearsal[]> =>
			db.rehearsals.where('pitchId').equals(pitchId).toArray()
	};
}

/** Audio of rehearsals, kept apart from them so lists never load the audio. */
export function recordingsRepo(db: KithDB) {
	return {
		...entityRepo(db.recordings),
		ofPitch: (pitchId: string): Promise<Recording[]> =>
			db.recordings.where('pitchId').equals(pitchId).toArray()
	};
}
