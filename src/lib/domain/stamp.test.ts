import { describe, expect, it } from 'vitest';
import { nextStamp } from './stamp';

describe('nextStamp', () => {
	it('is now when the clock has moved on', () => expect(nextStamp(10, 20)).toBe(20));
	it('moves past the previous stamp when the clock went back', () =>
		expect(nextStamp(30, 20)).toBe(31));
	it('moves past the previous stamp within the same millisecond', () =>
		expect(nextStamp(20, 20)).toBe(21));
	it('is now for a record never stamped', () => expect(nextStamp(undefined, 7)).toBe(7));
});
