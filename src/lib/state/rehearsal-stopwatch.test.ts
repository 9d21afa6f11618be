import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Stopwatch } from './rehearsal-stopwatch.svelte';

describe('Stopwatch', () => {
	beforeEach(() => vi.useFakeTimers({ now: new Date(2026, 10, 24, 9) }));
	afterEach(() => vi.useRealTimers());

	it('measures wall-clock time between start and stop, ticking on the way', () => {
		const sw = new Stopwatch();
		sw.start();
		expect(sw.running).toBe(true);
		vi.advanceTimersByTime(1000);
		expect(sw.elapsedMs).toBe(1000);
		vi.advanceTimersByTime(26_500);
		expect(sw.stop()).toBe(27_500);
		expect(sw.running).toBe(false);
		vi.advanceTimersByTime(5000);
		expect(sw.elapsedMs).toBe(27_500);
		sw.start();
		expect(sw.elapsedMs).toBe(0);
		sw.reset();
		expect(sw.running).toBe(false);
		sw.dispose();
	});
});
