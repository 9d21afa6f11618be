import { expect, test } from '@playwright/test';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from './support/static-server.mjs';
import { openControlled } from './support/app';

test('a new version waits for the user and does not discard a draft', async ({ page }, info) => {
	const root = await mkdtemp(join(tmpdir(), 'kith-update-'));
	await cp('build', root, { recursive: true });
	const port = 4300 + info.workerIndex;
	const server: Server = await startStaticServer(root, port);
	try {
		const origin = `http://127.0.0.1:${port}`;
		await openControlled(page, `${origin}/capture`);
		await page.getByLabel('Name').fill('Draft Dora');
		await expect(page.getByText('Draft kept on this device')).toBeVisible();

		// Publish a new build: any change to the service worker makes it a new version.
		await appendFile(join(root, 'sw.js'), '\n// next release\n');
		await page.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			await reg?.update();
		});
		await expect(page.getByText('A new version of Kith is ready.')).toBeVisible();
		// Nothing reloads by itself; the typing is still on screen.
		await expect(page.getByLabel('Name')).toHaveValue('Draft Dora');
		await page.getByLabel('Name').fill('Draft Dora Ames');

		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Update now' }).click();
		await reloaded;
		await expect(page.getByLabel('Name')).toHaveValue('Draft Dora Ames');
		await expect(page.getByText('A new version of Kith is ready.')).toHaveCount(0);
	} finally {
		await new Promise((r) => server.close(r));
		await rm(root, { recursive: true, force: true });
	}
});

test('when another tab upgrades the database, this tab says so and keeps the typing', async ({
	page,
	context
}) => {
	await openControlled(page, '/capture');
	await page.getByLabel('Name').fill('Tab One');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();

	const other = await context.newPage();
	await other.goto('/about');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				// A later release would open the database at a higher version.
				const req = indexedDB.open('kith', 10_000);
				req.onupgradeneeded = () => undefined;
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
				req.onerror = () => reject(req.error);
				req.onblocked = () => reject(new Error('blocked: the first tab did not let go'));
			})
	);
	await expect(page.getByText(/Kith was updated in another tab/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
	await page.getByLabel('Name').fill('Tab One, still typing');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();
	// Reloading as asked brings the newer version's page back with every keystroke in place.
	await page.getByRole('button', { name: 'Reload' }).click();
	await expect(page.getByLabel('Name')).toHaveValue('Tab One, still typing');
});
