/**
 * Pitch use cases: write, duplicate and delete a pitch; log a rated rehearsal and schedule the
 * next one; keep and delete recordings. Each change runs in one Dexie transaction. The
 * scheduler (ts-fsrs) is imported only when a run is rated, before the transaction opens
 * (waiting on a module load inside one would let IndexedDB commit it early).
 */
import type { KithDB } from '$lib/db';
import { repos } from '$lib/db/repos';
import { newId } from '$lib/domain/ids';
import type { Pitch, Recording, Rehearsal } from '$lib/domain/pitch';
import { newCardState, notRehearsableReason } from '$lib/domain/pitch-card';
import { parsePitchForm, type PitchFieldErrors, type PitchForm } from '$lib/domain/pitch-form';
import { CALIBRATION_RUNS, calibrateWpm, countWords } from '$lib/domain/pitch-timing';

export type PitchSaveResult = { ok: true; pitch: Pitch } | { ok: false; errors: PitchFieldErrors };

/** The draft key of a pitch's editor ('pitch:new' for a pitch not saved yet). */
export function pitchDraftKey(id?: string): string {
	return `pitch:${id ?? 'new'}`;
}

interface SaveOptions {
	draftKey?: string;
	now?: number;
}

/** Saves a new pitch, due for its first rehearsal at once, and clears its draft. */
export async function createPitch(
	db: KithDB,
	form: PitchForm,
	{ draftKey, now = Date.now() }: SaveOptions = {}
): Promise<PitchSaveResult> {
	const parsed = parsePitchForm(form);
	if (!parsed.ok) return parsed;
	const pitch: Pitch = {
		...parsed.value,
		id: newId(),
		card: newCardState(now),
		createdAt: now,
		updatedAt: now
	};
	await db.transaction('rw', db.pitches, db.drafts, async () => {
		await Promise.all([db.pitches.add(pitch), draftKey ? db.drafts.delete(draftKey) : undefined]);
	});
	return { ok: true, pitch };
}

/** Replaces what the user wrote; the schedule and history stay as they are. */
export async function updatePitch(
	db: KithDB,
	id: string,
	form: PitchForm,
	{ draftKey, now = Date.now() }: SaveOptions = {}
): Promise<PitchSaveResult> {
	const parsed = parsePitchForm(form);
	if (!parsed.ok) return parsed;
	return db.transaction('rw', db.pitches, db.drafts, async (): Promise<PitchSaveResult> => {
		const existing = await db.pitches.get(id);
		if (!existing)
			return { ok: false, errors: { title: 'This pitch was deleted in the meantime.' } };
		const { audience: _a, ...kept } = existing;
		const pitch: Pitch = {
			...kept,
			...parsed.value,
			card: existing.card ?? newCardState(now),
			updatedAt: Math.max(now, existing.updatedAt + 1)
		};
		await Promise.all([db.pitches.put(pitch), draftKey ? db.drafts.delete(draftKey) : undefined]);
		return { ok: true, pitch };
	});
}

/** A copy to adapt for another audience: same words, a fresh schedule and no history. */
export async function duplicatePitch(db: KithDB, id: string, now = Date.now()): Promise<Pitch> {
	return db.transaction('rw', db.pitches, async () => {
		const source = await db.pitches.get(id);
		if (!source) throw new Error('That pitch is no longer here.');
		const { audience: _a, deletedAt: _d, ...rest } = source;
		const title = `${source.title} (copy)`.slice(0, 200);
		const copy: Pitch = {
			...rest,
			id: newId(),
			title,
			cues: [...source.cues],
			card: newCardState(now),
			createdAt: now,
			updatedAt: now
		};
		await db.pitches.add(copy);
		return copy;
	});
}

/** Everything a deleted pitch took with it, held by the page so Undo can put it back. */
export interface DeletedPitch {
	pitch: Pitch;
	rehearsals: Rehearsal[];
	recordings: Recording[];
}

/** Deletes a pitch with its rehearsals, recordings and unsaved edits. */
export async function deletePitch(db: KithDB, id: string): Promise<DeletedPitch | undefined> {
	return db.transaction('rw', [db.pitches, db.rehearsals, db.recordings, db.drafts], async () => {
		const pitch = await db.pitches.get(id);
		if (!pitch) return undefined;
		const [rehearsals, recordings] = await Promise.all([
			db.rehearsals.where('pitchId').equals(id).toArray(),
			db.recordings.where('pitchId').equals(id).toArray()
		]);
		await Promise.all([
			db.pitches.delete(id),
			db.rehearsals.bulkDelete(rehearsals.map((r) => r.id)),
			db.recordings.bulkDelete(recordings.map((r) => r.id)),
			db.drafts.delete(pitchDraftKey(id))
		]);
		return { pitch, rehearsals, recordings };
	});
}

/** Undo of a delete: puts every row back as it was. */
export async function restorePitch(db: KithDB, deleted: DeletedPitch): Promise<void> {
	await db.transaction('rw', [db.pitches, db.rehearsals, db.recordings], async () => {
		await Promise.all([
			db.pitches.put(deleted.pitch),
			db.rehearsals.bulkPut(deleted.rehearsals),
			db.recordings.bulkPut(deleted.recordings)
		]);
	});
}

export interface RateInput {
	pitchId: string;
	rating: Rehearsal['rating'];
	/** Measured with the timer; 0 when the run was not timed. */
	seconds: number;
	recordingId?: string;
	now?: number;
}

export interface RateResult {
	pitch: Pitch;
	rehearsal: Rehearsal;
	/** The speaking rate after this run, when there are enough timed runs to tell. */
	wordsPerMinute?: number;
}

/**
 * Logs a rated run, schedules the pitch's next rehearsal, and recalibrates the speaking rate
 * from the latest timed runs: all in one transaction.
 */
export async function rateRehearsal(db: KithDB, input: RateInput): Promise<RateResult> {
	const { schedule } = await import('$lib/domain/pitch-schedule');
	const now = input.now ?? Date.now();
	const seconds = Number.isFinite(input.seconds) && input.seconds > 0 ? input.seconds : 0;
	const r = repos(db);
	return db.transaction(
		'rw',
		[db.pitches, db.rehearsals, db.settings, db.recordings],
		async (): Promise<RateResult> => {
			const pitch = await db.pitches.get(input.pitchId);
			if (!pitch) throw new Error('This pitch was deleted in the meantime.');
			const why = notRehearsableReason(pitch);
			if (why) throw new Error(why);
			let recordingId = input.recordingId;
			if (recordingId && !(await db.recordings.get(recordingId))) recordingId = undefined;
			const rehearsal: Rehearsal = {
				id: newId(),
				pitchId: pitch.id,
				at: now,
				seconds: Math.round(seconds * 10) / 10,
				rating: input.rating,
				words: countWords(pitch.text),
				...(recordingId ? { recordingId } : {})
			};
			const next: Pitch = {
				...pitch,
				card: schedule(pitch.card ?? newCardState(pitch.createdAt), input.rating, now),
				updatedAt: Math.max(now, pitch.updatedAt + 1)
			};
			await Promise.all([db.pitches.put(next), db.rehearsals.add(rehearsal)]);
			const recent = await r.pitches.recentRehearsals(CALIBRATION_RUNS * 3);
			const wpm = calibrateWpm(
				recent
					.filter((x) => x.words !== undefined && x.seconds > 0)
					.map((x) => ({ words: x.words ?? 0, seconds: x.seconds }))
			);
			if (wpm !== undefined)
				await r.settings.set('wordsPerMinute', Math.min(300, Math.max(60, wpm)));
			return { pitch: next, rehearsal, ...(wpm !== undefined ? { wordsPerMinute: wpm } : {}) };
		}
	);
}

export interface NewRecording {
	pitchId: string;
	blob: Blob;
	mimeType: string;
	durationMs: number;
	now?: number;
}

/** Keeps a finished recording. An empty one (stopped at once, or cut off) is not kept. */
export async function saveRecording(
	db: KithDB,
	input: NewRecording
): Promise<Recording | undefined> {
	if (input.blob.size === 0) return undefined;
	const recording: Recording = {
		id: newId(),
		pitchId: input.pitchId,
		blob: input.blob,
		mimeType: input.mimeType.slice(0, 200),
		durationMs: Math.max(0, Math.round(input.durationMs)),
		createdAt: input.now ?? Date.now()
	};
	await db.transaction('rw', db.pitches, db.recordings, async () => {
		if (!(await db.pitches.get(input.pitchId)))
			throw new Error('This pitch was deleted in the meantime.');
		await db.recordings.add(recording);
	});
	return recording;
}

export interface DeletedRecording {
	recording: Recording;
	/** The rehearsals that pointed at it, as they were. */
	rehearsals: Rehearsal[];
}

/** Deletes a recording; the rehearsal it belonged to stays, without it. */
export async function deleteRecording(
	db: KithDB,
	id: string
): Promise<DeletedRecording | undefined> {
	return db.transaction('rw', db.recordings, db.rehearsals, async () => {
		const recording = await db.recordings.get(id);
		if (!recording) return undefined;
		const linked = (
			await db.rehearsals.where('pitchId').equals(recording.pitchId).toArray()
		).filter((x) => x.recordingId === id);
		await Promise.all([
			db.recordings.delete(id),
			...linked.map(({ recordingId: _r, ...rest }) => db.rehearsals.put(rest))
		]);
		return { recording, rehearsals: linked };
	});
}

/** Undo of a recording's delete, unless its pitch has gone since. */
export async function restoreRecording(db: KithDB, deleted: DeletedRecording): Promise<void> {
	await db.transaction('rw', [db.pitches, db.recordings, db.rehearsals], async () => {
		if (!(await db.pitches.get(deleted.recording.pitchId))) return;
		await Promise.all([
			db.recordings.put(deleted.recording),
			db.rehearsals.bulkPut(deleted.rehearsals)
		]);
	});
}
