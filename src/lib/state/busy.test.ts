import { describe, expect, it } from 'vitest';
import { Busy } from './busy.svelte';

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
