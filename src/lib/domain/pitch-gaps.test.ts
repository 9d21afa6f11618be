import { describe, expect, it } from 'vitest';
import { gapCount, gapsFromPhrases, gapsFromWords, type Segment } from './pitch-gaps';

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
