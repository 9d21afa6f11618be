// @vitest-environment node
// Node, not jsdom: recordings hold Blobs, which jsdom's Blob does not carry through fake-indexeddb.
import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { KithDB } from '$lib/db';
import { repos } from '$lib/db/repos';
import { testDb } from '$lib/db/testing/factories';
import { endOfDay } from '$lib/domain/pitch-card';
import { emptyPitchForm, type PitchForm } from '$lib/domain/pitch-form';
import { toCardState } from '$lib/domain/pitch-schedule';
import { exportBackup, readBackup, restoreBackup } from './backup.service';
import {
	createPitch,
	deletePitch,
	deleteRecording,
	duplicatePitch,
	pitchDraftKey,
	rateRehearsal,
	restorePitch,
	restoreRecording,
	saveRecording,
	setGapMode,
	updatePitch
} from './pitches.service';

const now = new Date(2026, 10, 24, 9, 0).getTime();
const day = 86_400_000;
const words70 = Array.from({ length: 70 }, (_, i) => `w${i}`).join(' ');
const form = (fields: Partial<PitchForm> = {}): PitchForm => ({
	...emptyPitchForm(),
	title: 'Career fair',
	text: words70,
	...fields
});
const f = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

async function newPitch(db: KithDB, fields: Partial<PitchForm> = {}) {
	const r = await createPitch(db, form(fields), { now });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.pitch;
}

describe('writing pitches', () => {
	it('creates a pitch due at once and clears its draft', async () => {
		const db = testDb();
		await repos(db).drafts.save(pitchDraftKey(), { title: 'x' });
		const r = await createPitch(db, form(), { now, draftKey: pitchDraftKey() });
		const pitch = r.ok ? r.pitch : undefined;
		expect(pitch?.card?.due).toBe(now);
		expect(await repos(db).drafts.get(pitchDraftKey())).toBeUndefined();
		expect(await repos(db).pitches.dueBy(endOfDay(now))).toEqual([pitch]);
	});

	it('reports form errors and writes nothing', async () => {
		const db = testDb();
		const r = await createPitch(db, form({ title: ' ' }), { now });
		expect(r.ok).toBe(false);
		expect(await repos(db).pitches.count()).toBe(0);
	});

	it('updates the words but keeps the schedule', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		const rated = await rateRehearsal(db, { pitchId: pitch.id, rating: 'good', seconds: 30, now });
		const r = await updatePitch(db, pitch.id, form({ title: 'Coffee chat', audience: '' }), {
			now: now + 5
		});
		expect(r.ok && r.pitch.card).toEqual(rated.pitch.card);
		expect(r.ok && r.pitch.title).toBe('Coffee chat');
	});

	it('duplicates with a fresh schedule', async () => {
		const db = testDb();
		const pitch = await newPitch(db, { audience: 'Librarians' });
		await rateRehearsal(db, { pitchId: pitch.id, rating: 'easy', seconds: 30, now });
		const copy = await duplicatePitch(db, pitch.id, now + 1);
		expect(copy).toMatchObject({ title: 'Career fair (copy)', text: words70 });
		expect(copy.audience).toBeUndefined();
		expect(copy.card?.reps).toBe(0);
		expect(copy.id).not.toBe(pitch.id);
	});

	it('deletes with its history, and undo puts it all back', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		const rec = await saveRecording(db, {
			pitchId: pitch.id,
			blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm' }),
			mimeType: 'audio/webm',
			durationMs: 1200,
			now
		});
		await rateRehearsal(db, {
			pitchId: pitch.id,
			rating: 'good',
			seconds: 30,
			recordingId: rec?.id,
			now
		});
		const before = await repos(db).pitches.get(pitch.id);
		const deleted = await deletePitch(db, pitch.id);
		expect(await db.pitches.count()).toBe(0);
		expect(await db.rehearsals.count()).toBe(0);
		expect(await db.recordings.count()).toBe(0);
		await restorePitch(db, deleted!);
		expect(await repos(db).pitches.get(pitch.id)).toEqual(before);
		expect(await db.rehearsals.count()).toBe(1);
		expect(await db.recordings.count()).toBe(1);
	});
});

describe('rating a rehearsal', () => {
	it('schedules as ts-fsrs does, persisted and read back from a fresh connection', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		let card = createEmptyCard(new Date(now));
		let at = now;
		for (const [rating, grade] of [
			['good', Rating.Good],
			['hard', Rating.Hard],
			['again', Rating.Again],
			['easy', Rating.Easy]
		] as const) {
			await rateRehearsal(db, { pitchId: pitch.id, rating, seconds: 31, now: at });
			card = f.next(card, new Date(at), grade).card;
			// Reload: a new connection to the same database, as after closing the app.
			const reopened = new KithDB(db.name, {
				indexedDB: db._options.indexedDB,
				IDBKeyRange: db._options.IDBKeyRange
			});
			const stored = await reopened.pitches.get(pitch.id);
			reopened.close();
			expect(stored?.card).toEqual(toCardState(card));
			expect(stored?.card?.due).toBe(card.due.getTime());
			at = card.due.getTime() + 60_000;
		}
		const history = await repos(db).pitches.rehearsalsOf(pitch.id);
		expect(history.map((h) => h.rating)).toEqual(['easy', 'again', 'hard', 'good']);
		expect(history[0]).toMatchObject({ seconds: 31, words: 70 });
	});

	it('takes a due pitch off today’s deck', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		await rateRehearsal(db, { pitchId: pitch.id, rating: 'good', seconds: 30, now });
		expect(await repos(db).pitches.dueBy(endOfDay(now))).toEqual([]);
		expect(await repos(db).pitches.dueBy(now + 3 * day)).toHaveLength(1);
	});

	it('calibrates the speaking rate from three timed runs on', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		const rate = (seconds: number, at: number) =>
			rateRehearsal(db, { pitchId: pitch.id, rating: 'good', seconds, now: at });
		expect((await rate(30, now)).wordsPerMinute).toBeUndefined();
		await rate(0, now + 1); // not timed: does not count
		await rate(35, now + 2);
		const third = await rate(28, now + 3);
		expect(third.wordsPerMinute).toBe(140);
		expect(await repos(db).settings.get('wordsPerMinute')).toBe(140);
	});

	it('refuses an empty pitch, saying why', async () => {
		const db = testDb();
		const pitch = await newPitch(db, { text: '  ' });
		await expect(
			rateRehearsal(db, { pitchId: pitch.id, rating: 'good', seconds: 3, now })
		).rejects.toThrow(/no text/);
		expect(await db.rehearsals.count()).toBe(0);
	});
});

describe('recordings', () => {
	it('keeps finished recordings, never empty ones, and deletes with undo', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		const empty = await saveRecording(db, {
			pitchId: pitch.id,
			blob: new Blob([]),
			mimeType: 'audio/webm',
			durationMs: 0
		});
		expect(empty).toBeUndefined();
		const rec = await saveRecording(db, {
			pitchId: pitch.id,
			blob: new Blob([new Uint8Array(2048)], { type: 'audio/webm' }),
			mimeType: 'audio/webm',
			durationMs: 3000,
			now
		});
		await rateRehearsal(db, {
			pitchId: pitch.id,
			rating: 'good',
			seconds: 3,
			recordingId: rec!.id,
			now
		});
		expect(await repos(db).pitches.recordingBytes()).toBe(2048);
		const deleted = await deleteRecording(db, rec!.id);
		expect(await db.recordings.count()).toBe(0);
		expect((await db.rehearsals.toArray())[0]?.recordingId).toBeUndefined();
		await restoreRecording(db, deleted!);
		expect((await db.rehearsals.toArray())[0]?.recordingId).toBe(rec!.id);
		expect(await repos(db).pitches.recordingsOf(pitch.id)).toHaveLength(1);
	});
});

describe('the gaps choice', () => {
	it('is kept with the pitch, stays through an edit, and is not rewritten when unchanged', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		expect(pitch.gaps).toBeUndefined();
		await setGapMode(db, pitch.id, 'fifth', now + 1);
		const kept = await repos(db).pitches.get(pitch.id);
		expect(kept).toMatchObject({ gaps: 'fifth', updatedAt: now + 1 });
		expect(kept!.version).toBeGreaterThan(pitch.version);
		await setGapMode(db, pitch.id, 'fifth', now + 2);
		expect((await repos(db).pitches.get(pitch.id))?.updatedAt).toBe(now + 1);
		const edited = await updatePitch(db, pitch.id, form({ title: 'Renamed' }), { now: now + 3 });
		expect(edited.ok && edited.pitch.gaps).toBe('fifth');
	});

	it('goes through a backup and restore, as does a pitch without it', async () => {
		const db = testDb();
		const chosen = await newPitch(db);
		await newPitch(db, { title: 'Never practised' });
		await setGapMode(db, chosen.id, 'pick', now + 1);
		const before = await db.pitches.toArray();
		const file = await exportBackup(db, { appVersion: 'test', now: now + day });
		const other = testDb();
		await restoreBackup(other, await readBackup(new Blob([file.text])), { mode: 'replace' });
		const after = await other.pitches.toArray();
		expect(after).toEqual(before);
		expect(after.map((p) => p.gaps).sort()).toEqual(['pick', undefined]);
	});
});

describe('backup', () => {
	it('carries real card states and rehearsals through a backup and restore', async () => {
		const db = testDb();
		const pitch = await newPitch(db);
		await rateRehearsal(db, { pitchId: pitch.id, rating: 'good', seconds: 30, now });
		await rateRehearsal(db, { pitchId: pitch.id, rating: 'hard', seconds: 33, now: now + 4 * day });
		const before = await db.pitches.toArray();
		const rehearsals = await db.rehearsals.toArray();
		const file = await exportBackup(db, { appVersion: 'test', now: now + 5 * day });
		const other = testDb();
		const parsed = await readBackup(new Blob([file.text]));
		await restoreBackup(other, parsed, { mode: 'replace' });
		expect(await other.pitches.toArray()).toEqual(before);
		expect(await other.rehearsals.toArray()).toEqual(rehearsals);
	});
});
