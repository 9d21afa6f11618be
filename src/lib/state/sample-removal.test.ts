import { describe, expect, it } from 'vitest';
import { removeSampleMessage } from './sample-removal';

describe('removeSampleMessage', () => {
	it('says how many go, that edited ones go too, and that the user’s contacts stay', () => {
		expect(removeSampleMessage({ count: 30, edited: 0 })).toBe(
			'30 sample contacts will be deleted for good. This cannot be undone. Your own contacts stay.'
		);
		expect(removeSampleMessage({ count: 30, edited: 2 })).toBe(
			'30 sample contacts will be deleted for good, including 2 you changed. This cannot be undone. Your own contacts stay.'
		);
		expect(removeSampleMessage({ count: 1, edited: 1 })).toMatch(
			/^1 sample contact will be deleted for good, including 1 you changed\./
		);
	});
});

describe('removeSampleMessage with sample pitches and interviews', () => {
	it('names them, counted in words, and says the user’s own stay', () => {
		expect(removeSampleMessage({ count: 30, edited: 1, pitches: 2, interviews: 3 })).toBe(
			'30 sample contacts will be deleted for good, including 1 you changed, and so will 2 sample pitches and 3 interviews. This cannot be undone. Your own contacts stay, and so do your own pitches and interviews.'
		);
		expect(removeSampleMessage({ count: 30, edited: 0, pitches: 1, interviews: 0 })).toContain(
			'and so will 1 sample pitch.'
		);
	});
});
