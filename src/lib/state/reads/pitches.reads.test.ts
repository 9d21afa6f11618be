// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; jsdom's does not.
import { describe, expect, it } from 'vitest';
import { wordsPerMinute } from './common.reads';
import {
	allPitches,
	pitchById,
	pitchHistory,
	pitchRecordings,
	recordingBytes,
	rehearseDeck
} from './pitches.reads';
import { DAY, makePitch, NOON, testRepos } from './testing/rows';

async function setup() {
	const r = testRepos();
	const due = makePitch({ title: 'Due', due: NOON - DAY });
	const dueLater = makePitch({ title: 'Due tonight', due: NOON + 3_600_000 });
	const notYet = makePitch({ title: 'Not yet', due: NOON + 3 * DAY });
	const empty = makePitch({ title: 'Empty', text: '', due: NOON - DAY });
	const deleted = makePitch({ title: 'Deleted', due: NOON - DAY, deletedAt: NOON });
	for (const p of [due, dueLater, notYet, empty, deleted]) await r.pitches.put(p);
	return { r, due, dueLater, notYet, empty, deleted };
}

describe("the pitch screens' read models", () => {
	it('read the pitches, one pitch, its latest rehearsals and its recordings', async () => {
		const { r, due, notYet } = await setup();
		expect((await allPitches(r)).length).toBe(5);
		expect((await pitchById(due.id)(r))?.title).toBe('Due');
		for (let i = 0; i < 4; i++)
			await r.rehearsals.put({
				id: `r${i}`,
				pitchId: due.id,
				at: NOON + i,
				seconds: 30 + i,
				rating: 'good'
			});
		await r.rehearsals.put({
			id: 'other',
			pitchId: notYet.id,
			at: NOON,
			seconds: 9,
			rating: 'hard'
		});
		expect((await pitchHistory(due.id, 3)(r)).map((h) => h.seconds)).toEqual([33, 32, 31]);
		expect(await pitchHistory(due.id)(r)).toHaveLength(4);
		const recording = (id: string, pitchId: string, bytes: number) => ({
			id,
			pitchId,
			blob: new Blob(['x'.repeat(bytes)], { type: 'audio/webm' }),
			mimeType: 'audio/webm',
			durationMs: 1000,
			createdAt: NOON
		});
		await r.recordings.put(recording('a', due.id, 300));
		await r.recordings.put(recording('b', notYet.id, 45));
		expect((await pitchRecordings(due.id)(r)).map((x) => x.id)).toEqual(['a']);
		expect(await recordingBytes(r)).toBe(345);
	});

	it('deal the deck due today, the longest due first, and count the ones with no words', async () => {
		const { r, due, dueLater } = await setup();
		const deck = await rehearseDeck(null, NOON)(r);
		expect(deck.deck.map((p) => p.id)).toEqual([due.id, dueLater.id]);
		expect(deck.skippedEmpty).toBe(1);
		expect(deck.blocked).toBeUndefined();
		expect(deck.total).toBe(5);
		expect((await rehearseDeck(null, NOON + 3 * DAY)(r)).deck.map((p) => p.title)).toEqual([
			'Due',
			'Due tonight',
			'Not yet'
		]);
	});

	it('deal one pitch asked for, or say why it cannot be rehearsed', async () => {
		const { r, notYet, empty, deleted } = await setup();
		expect((await rehearseDeck(notYet.id, NOON)(r)).deck.map((p) => p.id)).toEqual([notYet.id]);
		const blank = await rehearseDeck(empty.id, NOON)(r);
		expect(blank.deck).toEqual([]);
		expect(blank.blocked).toEqual({
			title: 'Empty',
			reason: 'There is no text to say yet. Write your pitch first, then rehearse it.'
		});
		expect((await rehearseDeck(deleted.id, NOON)(r)).blocked).toEqual({
			title: 'Pitch',
			reason: 'This pitch is no longer here.'
		});
	});

	it('read the calibrated speaking rate', async () => {
		const r = testRepos();
		expect(await wordsPerMinute(r)).toBeUndefined();
		await r.settings.set('wordsPerMinute', 142);
		expect(await wordsPerMinute(r)).toBe(142);
	});
});
