import { afterEach, describe, expect, it, vi } from 'vitest';
import { Busy } from './busy.svelte';
import { dismissToast, toasts } from './toasts.svelte';

describe('Busy', () => {
	it('runs one action at a time and ignores taps while it runs', async () => {
		const busy = new Busy();
		let runs = 0;
		let finish!: () => void;
		const first = busy.run(
			() =>
				new Promise<string>((resolve) => {
					runs++;
					finish = () => resolve('done');
				})
		);
		expect(busy.active).toBe(true);
		expect(await busy.run(async () => runs++)).toBeUndefined();
		finish();
		expect(await first).toBe('done');
		expect(runs).toBe(1);
		expect(busy.active).toBe(false);
	});

	it('is free again after an action throws', async () => {
		const busy = new Busy();
		await expect(busy.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
		expect(busy.active).toBe(false);
	});
});

describe('Busy.attempt', () => {
	afterEach(() => {
		for (const t of toasts.list) dismissToast(t.id);
	});

	it('attempts the action, says so, then runs `after` while still busy', async () => {
		const busy = new Busy();
		const seen: boolean[] = [];
		const outcome = await busy.attempt(async () => 2, {
			success: (n) => `Did ${n}.`,
			after: (n) => {
				seen.push(busy.active);
				expect(n).toBe(2);
			}
		});
		expect(outcome).toEqual({ ok: true, value: 2 });
		expect(seen).toEqual([true]);
		expect(busy.active).toBe(false);
		expect(toasts.list.map((t) => t.message)).toEqual(['Did 2.']);
	});

	it('tells a failure in a toast, skips `after`, and ignores a tap while another runs', async () => {
		const busy = new Busy();
		const after = vi.fn();
		const failed = await busy.attempt(() => Promise.reject(new Error('x')), { after });
		expect(failed?.ok).toBe(false);
		expect(after).not.toHaveBeenCalled();
		expect(toasts.list.map((t) => t.tone)).toEqual(['error']);

		let finish!: () => void;
		const first = busy.attempt(() => new Promise<void>((resolve) => (finish = resolve)));
		expect(await busy.attempt(async () => 'again')).toBeUndefined();
		finish();
		expect((await first)?.ok).toBe(true);
	});
});
