/**
 * Pitch use cases: write, duplicate and delete a pitch; log a rated rehearsal and schedule the
 * next one; keep and delete recordings. Each change is one unit of work (`write`). The
 * scheduler (ts-fsrs) is imported only when a run is rated, before the transaction opens
 * (waiting on a module load inside one would let IndexedDB commit it early).
 */
import { stampNew, touch, write, type KithDB } from '$lib/db';
import { newId } from '$lib/domain/ids';
import type { GapMode, Pitch, Recording, Rehearsal } from '$lib/domain/pitch';
import { newCardState, notRehearsableReason } from '$lib/domain/pitch-card';
import { checkSaveFrom, type Current } from '$lib/domain/form-version';
import type { FieldConflict } from '$lib/domain/merge3';
import {
	parsePitchForm,
	PITCH_FORM_KINDS,
	pitchToForm,
	type PitchFieldErrors,
	type PitchForm
} from '$lib/domain/pitch-form';
import { CALIBRATION_RUNS, calibrateWpm, countWords } from '$lib/domain/pitch-timing';

export type PitchSaveResult =
	| { ok: true; pitch: Pitch; merged?: boolean }
	| {
			ok: false;
			errors: PitchFieldErrors;
			/** Saved meanwhile, and changed where this form changed too: nothing was written. */
			changed?: Pitch;
			conflicts?: FieldConflict<PitchForm>[];
	  };

/** The draft key of a pitch's editor ('pitch:new' for a pitch not saved yet). */
export function pitchDraftKey(id?: string): string {
	return `pitch:${id ?? 'new'}`;
}

interface SaveOptions {
	draftKey?: string;
	now?: number;
}

interface UpdateOptions extends SaveOptions {
	/** The pitch as the form was opened on it: a newer save is merged, not overwritten. */
	base?: Current<PitchForm>;
}

/** Saves a new pitch, due for its first rehearsal at once, and clears its draft. */
export async function createPitch(
	db: KithDB,
	form: PitchForm,
	{ draftKey, now = Date.now() }: SaveOptions = {}
): Promise<PitchSaveResult> {
	const parsed = parsePitchForm(form);
	if (!parsed.ok) return parsed;
	const pitch: Pitch = stampNew({ ...parsed.value, id: newId(), card: newCardState(now) }, now);
	await write(db, ['pitches', 'drafts'], async (r) => {
		await Promise.all([r.pitches.add(pitch), draftKey ? r.drafts.remove(draftKey) : undefined]);
	});
	return { ok: true, pitch };
}

/**
 * Replaces what the user wrote; the schedule and history stay as they are. Given the version the
 * form was opened on (`base`), a pitch saved meanwhile elsewhere is merged field by field in the
 * same transaction, and a field changed on both sides is reported, with nothing written.
 */
export async function updatePitch(
	db: KithDB,
	id: string,
	form: PitchForm,
	{ draftKey, now = Date.now(), base }: UpdateOptions = {}
): Promise<PitchSaveResult> {
	const first = parsePitchForm(form);
	if (!first.ok) return first;
	return write(db, ['pitches', 'drafts'], async (r): Promise<PitchSaveResult> => {
		const existing = await r.pitches.get(id);
		if (!existing)
			return { ok: false, errors: { title: 'This pitch was deleted in the meantime.' } };
		const check = checkSaveFrom(
			form,
			base,
			{ form: pitchToForm(existing), version: existing.version },
			PITCH_FORM_KINDS
		);
		if (!check.ok) return { ok: false, errors: {}, changed: existing, conflicts: check.conflicts };
		const parsed = check.merged ? parsePitchForm(check.form) : first;
		if (!parsed.ok) return parsed;
		const { audience: _a, ...kept } = existing;
		const pitch: Pitch = touch(
			{ ...kept, ...parsed.value, card: existing.card ?? newCardState(now) },
			now,
			existing
		);
		await Promise.all([r.pitches.put(pitch), draftKey ? r.drafts.remove(draftKey) : undefined]);
		return { ok: true, pitch, merged: check.merged };
	});
}

/**
 * Keeps what "Fill in the gaps" hides for this pitch, read and changed in one transaction so a
 * save from another tab is not overwritten; nothing is written when the choice is already kept.
 */
export async function setGapMode(
	db: KithDB,
	id: string,
	mode: GapMode,
	now = Date.now()
): Promise<void> {
	await write(db, ['pitches'], async (r) => {
		const existing = await r.pitches.get(id);
		if (!existing || existing.gaps === mode) return;
		await r.pitches.put(touch({ ...existing, gaps: mode }, now, existing));
	});
}

/** A copy to adapt for another audience: same words, a fresh schedule and no history. */
export async function duplicatePitch(db: KithDB, id: string, now = Date.now()): Promise<Pitch> {
	return write(db, ['pitches'], async (r) => {
		const source = await r.pitches.get(id);
		if (!source) throw new Error('That pitch is no longer here.');
		const { audience: _a, deletedAt: _d, ...rest } = source;
		const title = `${source.title} (copy)`.slice(0, 200);
		const copy: Pitch = stampNew(
			{ ...rest, id: newId(), title, cues: [...source.cues], card: newCardState(now) },
			now
		);
		await r.pitches.add(copy);
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
	return write(db, ['pitches', 'rehearsals', 'recordings', 'drafts'], async (r) => {
		const pitch = await r.pitches.get(id);
		if (!pitch) return undefined;
		const [rehearsals, recordings] = await Promise.all([
			r.rehearsals.ofPitch(id),
			r.recordings.ofPitch(id)
		]);
		await Promise.all([
			r.pitches.remove(id),
			r.rehearsals.bulkRemove(rehearsals.map((x) => x.id)),
			r.recordings.bulkRemove(recordings.map((x) => x.id)),
			r.drafts.removeForms([pitchDraftKey(id)])
		]);
		return { pitch, rehearsals, recordings };
	});
}

/** Undo of a delete: puts every row back as it was. */
export async function restorePitch(db: KithDB, deleted: DeletedPitch): Promise<void> {
	await write(db, ['pitches', 'rehearsals', 'recordings'], async (r) => {
		await Promise.all([
			r.pitches.put(deleted.pitch),
			r.rehearsals.bulkPut(deleted.rehearsals),
			r.recordings.bulkPut(deleted.recordings)
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
	return write(
		db,
		['pitches', 'rehearsals', 'settings', 'recordings'],
		async (r): Promise<RateResult> => {
			const pitch = await r.pitches.get(input.pitchId);
			if (!pitch) throw new Error('This pitch was deleted in the meantime.');
			const why = notRehearsableReason(pitch);
			if (why) throw new Error(why);
			let recordingId = input.recordingId;
			if (recordingId && !(await r.recordings.get(recordingId))) recordingId = undefined;
			const rehearsal: Rehearsal = {
				id: newId(),
				pitchId: pitch.id,
				at: now,
				seconds: Math.round(seconds * 10) / 10,
				rating: input.rating,
				words: countWords(pitch.text),
				...(recordingId ? { recordingId } : {})
			};
			const next: Pitch = touch(
				{
					...pitch,
					card: schedule(pitch.card ?? newCardState(pitch.createdAt), input.rating, now)
				},
				now
			);
			await Promise.all([r.pitches.put(next), r.rehearsals.add(rehearsal)]);
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
	await write(db, ['pitches', 'recordings'], async (r) => {
		if (!(await r.pitches.get(input.pitchId)))
			throw new Error('This pitch was deleted in the meantime.');
		await r.recordings.add(recording);
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
	return write(db, ['recordings', 'rehearsals'], async (r) => {
		const recording = await r.recordings.get(id);
		if (!recording) return undefined;
		const linked = (await r.rehearsals.ofPitch(recording.pitchId)).filter(
			(x) => x.recordingId === id
		);
		await Promise.all([
			r.recordings.remove(id),
			...linked.map(({ recordingId: _r, ...rest }) => r.rehearsals.put(rest))
		]);
		return { recording, rehearsals: linked };
	});
}

/** Undo of a recording's delete, unless its pitch has gone since. */
export async function restoreRecording(db: KithDB, deleted: DeletedRecording): Promise<void> {
	await write(db, ['pitches', 'recordings', 'rehearsals'], async (r) => {
		if (!(await r.pitches.get(deleted.recording.pitchId))) return;
		await Promise.all([
			r.recordings.put(deleted.recording),
			r.rehearsals.bulkPut(deleted.rehearsals)
		]);
	});
}
