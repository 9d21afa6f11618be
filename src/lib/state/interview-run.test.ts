import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { InterviewRun } from './interview-run.svelte';

describe('run session', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('writes an answer once typing pauses, and only the latest text', async () => {
		const saveAnswer = vi.fn(() => Promise.resolve());
		const s = new InterviewRun(
			{ saveAnswer, setIndex: vi.fn(() => Promise.resolve()) },
			['', ''],
			0
		);
		s.type('H');
		s.type('He');
		s.type('Hello');
		expect(saveAnswer).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(400);
		expect(saveAnswer).toHaveBeenCalledTimes(1);
		expect(saveAnswer).toHaveBeenCalledWith(0, 'Hello');
		flushSync();
		expect(s.status).toBe('saved');
	});

	it('moving on stores the pending answer first, then the new place', async () => {
		const calls: string[] = [];
		const s = new InterviewRun(
			{
				saveAnswer: async (i, a) => void calls.push(`answer ${i} ${a}`),
				setIndex: async (i) => void calls.push(`index ${i}`)
			},
			['', '', ''],
			0
		);
		s.type('first');
		await s.go(1);
		expect(calls).toEqual(['answer 0 first', 'index 1']);
		expect(s.index).toBe(1);
		await s.go(5);
		expect(s.index).toBe(1);
	});

	it('says when a write failed', async () => {
		const s = new InterviewRun(
			{ saveAnswer: () => Promise.reject(new Error('full')), setIndex: () => Promise.resolve() },
			[''],
			0
		);
		s.type('x');
		await s.flush();
		expect(s.status).toBe('error');
	});

	it('resumes at the stored index, kept within the questions', () => {
		const w = { saveAnswer: () => Promise.resolve(), setIndex: () => Promise.resolve() };
		expect(new InterviewRun(w, ['', '', ''], 2).index).toBe(2);
		expect(new InterviewRun(w, ['', ''], 9).index).toBe(1);
	});
});
