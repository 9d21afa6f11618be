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
		expect(saveAnswer).toHaveBeenCalledWith(0, 'Hello', '');
		flushSync();
		expect(s.status).toBe('saved');
	});

	it('keeps another tab’s answer beside this one, says so, and stores what was typed since', async () => {
		const calls: Array<[number, string, string]> = [];
		let stored = 'Asked about archives';
		const s = new InterviewRun(
			{
				saveAnswer: async (i, answer, base) => {
					calls.push([i, answer, base]);
					// Another tab stored its own text for this answer after this run opened.
					const theirs = calls.length === 1 ? 'Their note' : stored;
					if (theirs !== base && theirs !== answer) {
						stored = `${answer}\n\n${theirs}`;
						return { answer: stored, theirs };
					}
					stored = answer;
					return { answer };
				},
				setIndex: vi.fn(() => Promise.resolve())
			},
			['Asked about archives'],
			0
		);
		s.type('My note');
		await vi.advanceTimersByTimeAsync(400);
		flushSync();
		expect(s.answers[0]).toBe('My note\n\nTheir note');
		expect(s.merged).toEqual([0]);
		s.type('My note, more\n\nTheir note');
		await vi.advanceTimersByTimeAsync(400);
		expect(calls.at(-1)).toEqual([0, 'My note, more\n\nTheir note', 'My note\n\nTheir note']);
		expect(stored).toBe('My note, more\n\nTheir note');
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

	it('keeps what is typed in localStorage at once, before any pause or pagehide, until it is stored', async () => {
		const key = `kith:run:${crypto.randomUUID()}`;
		const s = new InterviewRun(
			{ saveAnswer: () => Promise.resolve(), setIndex: () => Promise.resolve() },
			[''],
			0,
			{ backupKey: key }
		);
		s.type('No pagehide came');
		expect(JSON.parse(localStorage.getItem(key)!)).toEqual({ answers: { 0: 'No pagehide came' } });
		await vi.advanceTimersByTimeAsync(400);
		expect(localStorage.getItem(key)).toBeNull();
	});

	it('keeps an answer still waiting for its pause when the page goes away, for the next run', async () => {
		const key = `kith:run:${crypto.randomUUID()}`;
		// The write never lands: the page is closing.
		const s = new InterviewRun(
			{ saveAnswer: () => new Promise(() => {}), setIndex: () => Promise.resolve() },
			['', ''],
			1,
			{ backupKey: key }
		);
		s.type('Typed just before closing');
		window.dispatchEvent(new PageTransitionEvent('pagehide'));
		expect(JSON.parse(localStorage.getItem(key)!)).toEqual({
			answers: { 1: 'Typed just before closing' }
		});

		const saveAnswer = vi.fn(() => Promise.resolve());
		const next = new InterviewRun({ saveAnswer, setIndex: () => Promise.resolve() }, ['', ''], 0, {
			backupKey: key
		});
		expect(next.answers).toEqual(['', 'Typed just before closing']);
		await next.flush();
		expect(saveAnswer).toHaveBeenCalledWith(1, 'Typed just before closing', '');
		expect(localStorage.getItem(key)).toBeNull();
	});

	it('leaves nothing behind once the waiting answer is stored', async () => {
		const key = `kith:run:${crypto.randomUUID()}`;
		const s = new InterviewRun(
			{ saveAnswer: () => Promise.resolve(), setIndex: () => Promise.resolve() },
			[''],
			0,
			{ backupKey: key }
		);
		s.type('Hidden, then back');
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
		delete (document as { visibilityState?: unknown }).visibilityState;
		expect(localStorage.getItem(key)).toContain('Hidden, then back');
		await s.flush();
		expect(localStorage.getItem(key)).toBeNull();
		expect(s.status).toBe('saved');
	});
});
