import { afterEach, describe, expect, it } from 'vitest';
import { attempt } from './attempt';
import { dismissToast, toasts } from './toasts.svelte';

const quota = () => new DOMException('full', 'QuotaExceededError');

afterEach(() => {
	for (const t of toasts.list) dismissToast(t.id);
});

describe('attempt', () => {
	it('returns the value and shows the success message', async () => {
		const outcome = await attempt(async () => 3, { success: (n) => `Added ${n}.` });
		expect(outcome).toEqual({ ok: true, value: 3 });
		expect(toasts.list.map((t) => [t.message, t.tone])).toEqual([['Added 3.', 'info']]);
	});

	it('shows nothing on success unless asked', async () => {
		expect((await attempt(async () => 'x')).ok).toBe(true);
		expect(toasts.list).toEqual([]);
	});

	it('tells the user in words when the action fails, instead of failing silently', async () => {
		const error = quota();
		const outcome = await attempt(
			async () => {
				throw error;
			},
			{ success: 'Done.' }
		);
		expect(outcome).toEqual({ ok: false, error });
		expect(toasts.list).toHaveLength(1);
		expect(toasts.list[0]).toMatchObject({
			tone: 'error',
			message: expect.stringMatching(/no room left/)
		});
	});

	it('attempts the Undo too: a failing Undo shows an error rather than rejecting', async () => {
		let undone = 0;
		await attempt(async () => 'id-1', {
			success: 'Marked as done.',
			action: {
				label: 'Undo',
				run: async (id) => {
					expect(id).toBe('id-1');
					undone++;
					throw new Error('nope');
				}
			}
		});
		const toast = toasts.list[0]!;
		expect(toast.actionLabel).toBe('Undo');
		await expect(toast.onAction?.()).resolves.toBeUndefined();
		expect(undone).toBe(1);
		expect(toasts.list.at(-1)).toMatchObject({
			tone: 'error',
			message: expect.stringMatching(/could not do that/)
		});
	});
});
