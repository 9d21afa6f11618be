import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, relativeDay, toIsoDate } from './dates';

describe('dates', () => {
	it('adds days across month and year ends', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
	});

	it('counts whole days regardless of daylight saving', () => {
		expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
		expect(daysBetween('2026-11-10', '2026-11-01')).toBe(-9);
	});

	it('formats the local day', () => {
		expect(toIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});

	it('describes nearby days in words', () => {
		const today = '2026-06-15';
		expect(relativeDay(today, today)).toBe('today');
		expect(relativeDay(addDays(today, 1), today)).toBe('tomorrow');
		expect(relativeDay(addDays(today, -3), today)).toBe('3 days ago');
		expect(relativeDay(addDays(today, 5), today)).toBe('in 5 days');
		expect(relativeDay(addDays(today, 60), today)).toMatch(/2026/);
	});
});
