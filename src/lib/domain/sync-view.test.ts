import { describe, expect, it } from 'vitest';
import { lastSyncedLine, timeAgo } from './sync-view';

const now = new Date(2025, 4, 20, 12, 0).getTime();
const minutes = (n: number) => now - n * 60_000;

describe('timeAgo', () => {
	it('counts minutes, hours and days in words', () => {
		expect(timeAgo(now, now)).toBe('just now');
		expect(timeAgo(minutes(0.9), now)).toBe('just now');
		expect(timeAgo(minutes(1), now)).toBe('1 minute ago');
		expect(timeAgo(minutes(2.5), now)).toBe('2 minutes ago');
		expect(timeAgo(minutes(59), now)).toBe('59 minutes ago');
		expect(timeAgo(minutes(60), now)).toBe('1 hour ago');
		expect(timeAgo(minutes(23 * 60 + 59), now)).toBe('23 hours ago');
		expect(timeAgo(minutes(24 * 60), now)).toBe('yesterday');
		expect(timeAgo(minutes(3 * 24 * 60), now)).toBe('3 days ago');
		expect(timeAgo(minutes(13 * 24 * 60), now)).toBe('13 days ago');
	});

	it('gives a date after two weeks', () => {
		const at = new Date(2025, 3, 1, 9, 0).getTime();
		expect(timeAgo(at, now)).toMatch(/^on .*2025/);
	});

	it('reads a time ahead of the clock as just now', () => {
		expect(timeAgo(now + 5 * 60_000, now)).toBe('just now');
	});
});

describe('lastSyncedLine', () => {
	it('says when, or that there was no sync yet', () => {
		expect(lastSyncedLine(minutes(2), now)).toBe('Last synced 2 minutes ago');
		expect(lastSyncedLine(null, now)).toBe('Not synced yet');
	});
});
