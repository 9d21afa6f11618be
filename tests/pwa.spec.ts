import { chromium, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { capture, goOffline, openControlled } from './support/app';

test('the service worker controls the page and Chromium finds the app installable', async ({
	baseURL
}) => {
	// Chromium never calls an incognito profile installable, and Playwright's contexts are
	// incognito: this check needs a profile on disk.
	const profile = await mkdtemp(join(tmpdir(), 'kith-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		args: chromiumArgs,
		baseURL,
		viewport: { width: 390, height: 844 }
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await openControlled(page, '/');
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: unknown[];
		};
		await cdp.detach();
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
});

test('the manifest offers shortcuts, a share target and every icon', async ({ request }) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({
		short_name: 'Kith',
		display: 'standalone',
		start_url: '/',
		scope: '/',
		share_target: {
			action: '/capture',
			method: 'GET',
			params: { url: 'url', text: 'text', title: 'title' }
		}
	});
	expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toContain(
		'/capture?source=shortcut'
	);
	const purposes = manifest.icons.map(
		(i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`
	);
	expect(purposes).toEqual(
		expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable'])
	);
	for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
});

test('every screen opens offline, including a contact page never visited online', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await capture(page, 'Offline Olga');
	const contactUrl = new URL(page.url()).pathname;
	await page.goto('/');
	await goOffline(context, page);
	const screens: Array<[string, RegExp | string]> = [
		['/', 'Today'],
		['/capture', 'Capture someone new'],
		['/contacts', 'Contacts'],
		[contactUrl, 'Offline Olga'],
		[`${contactUrl}/edit`, 'Edit Offline Olga'],
		['/contacts/trash', 'Trash'],
		['/settings', 'Settings'],
		['/about', 'About Kith']
	];
	for (const [path, heading] of screens) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
	}
	// Chromium 150 tells a page loaded under Playwright's offline emulation that it is online
	// (navigator.onLine is true; the network stays off): going offline again sends the event the
	// status follows.
	await context.setOffline(false);
	await goOffline(context, page);
	await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
});

test('an unknown address offline gets Kith’s own page with a way back', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await goOffline(context, page);
	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { level: 1, name: 'Nothing here' })).toBeVisible();
	await page.getByRole('link', { name: 'Capture someone' }).click();
	await expect(page.getByRole('heading', { name: 'Capture someone new' })).toBeVisible();
});
