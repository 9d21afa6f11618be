import { chromium, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { capture, goOffline, openControlled } from './support/app';

test('a reload offline keeps every contact', async ({ page, context }) => {
	await openControlled(page, '/');
	await capture(page, 'Reload Rosa');
	await goOffline(context, page);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Reload Rosa' })).toBeVisible();
	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await expect(page.getByRole('link', { name: /Reload Rosa/ })).toBeVisible();
});

test('a cold start with no network opens the app with the data intact', async ({ baseURL }) => {
	const profile = await mkdtemp(join(tmpdir(), 'kith-cold-'));
	const launch = () =>
		chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath,
			args: chromiumArgs,
			viewport: { width: 390, height: 844 },
			baseURL
		});
	try {
		const first = await launch();
		const page = first.pages()[0] ?? (await first.newPage());
		await openControlled(page, '/');
		await capture(page, 'Cold Cora');
		await first.close();

		const second = await launch();
		await second.setOffline(true);
		const cold = second.pages()[0] ?? (await second.newPage());
		await cold.goto('/capture');
		await expect(cold.getByLabel('Name')).toBeEditable();
		await cold.getByLabel('Name').fill('Typed Offline');
		await cold.getByRole('button', { name: 'Save', exact: true }).click();
		await expect(cold.getByRole('heading', { level: 1, name: 'Typed Offline' })).toBeVisible();
		await cold.getByRole('link', { name: 'Contacts', exact: true }).click();
		await expect(cold.getByRole('link', { name: /Cold Cora/ })).toBeVisible();
		await second.close();
	} finally {
		await rm(profile, { recursive: true, force: true });
	}
});
