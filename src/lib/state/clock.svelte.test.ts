import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { untilMidnight } from '$lib/domain/day';
import { clock } from './clock.svelte';

afterEach(() => {
	vi.useRealTimers();
});

describe('untilMidnight', () => {
	it('counts to the next local midnight from any time of day', () => {
		for (const hour of [0, 6, 12, 23]) {
			const now = new Date(2026, 5, 14, hour, 30);
			const next = new Date(now.getTime() + untilMidnight(now));
			expect([next.getDate(), next.getHours(), next.getMinutes()]).toEqual([15, 0, 0]);
		}
	});
});

describe('clock.today', () => {
	it('changes in an effect when midnight passes, and when the page is seen again', () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
		vi.setSystemTime(new Date(2026, 2, 10, 23, 59));
		const seen: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(clock.today);
			});
		});
		flushSync();
		vi.advanceTimersByTime(2 * 60_000);
		flushSync();
		vi.setSystemTime(new Date(2026, 2, 13, 8, 0));
		document.dispatchEvent(new Event('visibilitychange'));
		flushSync();
		stop();
		expect(seen).toEqual(['2026-03-10', '2026-03-11', '2026-03-13']);
	});
});
