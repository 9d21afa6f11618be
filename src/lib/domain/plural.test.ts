import { describe, expect, it } from 'vitest';
import { describeCadence } from './cadence';
import { addDays } from './day';
import { relativeDay } from './day-format';
import { outcomeCount } from './network-stats';
import { describeDue } from './pitch-card';
import { count, plural } from './plural';
import { OUTCOMES } from './touchpoint';

/** "1 days", "1 contacts": a count of one with a plural word after it. */
const ONE_WITH_PLURAL = /(^|[^\d.,])1 (?!s\b)[a-z-]+s\b/i;

describe('plural', () => {
	it('says one thing in the singular, and none, several or a fraction in the plural', () => {
		expect([0, 1, 2, 1.5, 1000].map((n) => count(n, 'day', 'days'))).toEqual([
			'0 days',
			'1 day',
			'2 days',
			'1.5 days',
			'1000 days'
		]);
		expect(count(1000, 'row', 'rows', (n) => n.toLocaleString('en'))).toBe('1,000 rows');
		expect(plural(1, 'person', 'people')).toBe('person');
	});

	it('no message counts one thing with a plural word', () => {
		const today = '2026-03-10';
		const now = new Date(2026, 2, 10, 12).getTime();
		const messages: string[] = [];
		for (let n = 0; n <= 60; n++) {
			messages.push(describeCadence(n));
			for (const outcome of OUTCOMES) messages.push(outcomeCount(n, outcome));
			messages.push(relativeDay(addDays(today, n), today), relativeDay(addDays(today, -n), today));
			messages.push(describeDue(now + n * 86_400_000, now));
		}
		expect(messages.length).toBeGreaterThan(60 * (OUTCOMES.length + 4));
		expect(messages.filter((m) => ONE_WITH_PLURAL.test(m))).toEqual([]);
		// The pattern finds what it is for.
		expect(ONE_WITH_PLURAL.test('Every 1 days')).toBe(true);
		expect(ONE_WITH_PLURAL.test('11 days')).toBe(false);
	});
});
