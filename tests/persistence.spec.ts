import { expect, test } from '@playwright/test';
import { capture, openControlled } from './support/app';

test('the browser is asked to keep Kith’s data once, after the first saved contact', async ({
	page
}) => {
	// Count the app's calls to navigator.storage.persist(), letting each one through.
	await page.addInitScript(() => {
		const storage = navigator.storage;
		const original = storage.persist.bind(storage);
		const calls = Number(sessionStorage.getItem('persistCalls') ?? 0);
		sessionStorage.setItem('persistCalls', String(calls));
		storage.persist = () => {
			sessionStorage.setItem(
				'persistCalls',
				String(Number(sessionStorage.getItem('persistCalls')) + 1)
			);
			return original();
		};
	});
	const calls = () => page.evaluate(() => Number(sessionStorage.getItem('persistCalls')));

	await openControlled(page, '/');
	expect(await calls()).toBe(0);
	await capture(page, 'First Fern');
	await expect.poll(calls).toBe(1);
	await capture(page, 'Second Sol');
	await page.reload();
	await capture(page, 'Third Tam');
	expect(await calls()).toBe(1);
});
