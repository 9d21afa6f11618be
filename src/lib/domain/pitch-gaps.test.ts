import { describe, expect, it } from 'vitest';
import { pitchSchema } from './pitch';
import {
	everyNthWord,
	gapCount,
	gapModeOf,
	gapsFromPhrases,
	gapsFromWords,
	type Segment
} from './pitch-gaps';

const join = (segments: Segment[]) => segments.map((s) => s.text).join('');
const gaps = (segments: Segment[]) => segments.filter((s) => s.kind === 'gap').map((s) => s.text);

describe('gapsFromWords', () => {
	const text = 'Hi, I’m Ama.  I catalogue\nrare maps.';
	it('hides the picked words, merging neighbours into one gap', () => {
		const segments = gapsFromWords(text, new Set([2, 4, 5]));
		expect(gaps(segments)).toEqual(['Ama.', 'catalogue\nrare']);
		expect(join(segments)).toBe(text);
		expect(gapCount(segments)).toBe(2);
		expect(
			segments.filter((s) => s.kind === 'gap').map((s) => (s as { index: number }).index)
		).toEqual([0, 1]);
	});
	it('hides nothing when nothing is picked', () => {
		expect(gapsFromWords(text, new Set())).toEqual([{ kind: 'text', text }]);
	});
	it('keeps trailing space', () => {
		const segments = gapsFromWords('one two ', new Set([1]));
		expect(join(segments)).toBe('one two ');
		expect(gaps(segments)).toEqual(['two']);
	});
});

describe('gapsFromPhrases', () => {
	const text = 'I am a records manager. I love records and rare maps.';
	it('hides the first free place of each cue, whatever its case', () => {
		const { segments, missing } = gapsFromPhrases(text, [
			'Records Manager',
			'rare maps',
			'records'
		]);
		expect(gaps(segments)).toEqual(['records manager', 'records', 'rare maps']);
		expect(join(segments)).toBe(text);
		expect(missing).toEqual([]);
	});
	it('lists the cues not found word for word', () => {
		const { segments, missing } = gapsFromPhrases(text, ['What I want', '  ', 'love']);
		expect(gaps(segments)).toEqual(['love']);
		expect(missing).toEqual(['What I want']);
	});
	it('handles an empty text', () => {
		expect(gapsFromPhrases('', ['x'])).toEqual({ segments: [], missing: ['x'] });
	});
});

describe('everyNthWord', () => {
	it('picks the fifth, tenth, … word, none in a short text', () => {
		expect([...everyNthWord('one two three four five six seven eight nine ten eleven')]).toEqual([
			4, 9
		]);
		expect(everyNthWord('one two three four').size).toBe(0);
		expect(gaps(gapsFromWords('a b c d e f', everyNthWord('a b c d e f')))).toEqual(['e']);
	});
});

describe('gapModeOf', () => {
	const text = 'Hi, I am Ama and I catalogue rare maps at the city archive.';
	it('keeps the choice saved with the pitch', () => {
		expect(gapModeOf({ text, cues: ['rare maps'], gaps: 'pick' })).toBe('pick');
	});
	it('hides the cues by default when one is in the text, else every fifth word', () => {
		expect(gapModeOf({ text, cues: ['Rare maps', 'not there'] })).toBe('cues');
		expect(gapModeOf({ text, cues: ['Who I am'] })).toBe('fifth');
		expect(gapModeOf({ text, cues: [] })).toBe('fifth');
	});
	it('is a field a stored pitch may have or not, and only one of the known choices', () => {
		const row = {
			id: 'p1',
			title: 'Hello',
			targetSeconds: 30,
			text,
			cues: [],
			createdAt: 1,
			updatedAt: 1,
			version: 1
		};
		expect(pitchSchema.safeParse(row).success).toBe(true);
		expect(pitchSchema.safeParse({ ...row, gaps: 'fifth' }).success).toBe(true);
		expect(pitchSchema.safeParse({ ...row, gaps: 'everything' }).success).toBe(false);
		// Read as it came: no default written into the row.
		expect(pitchSchema.parse(row)).not.toHaveProperty('gaps');
	});
});
