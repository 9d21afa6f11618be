import { expect, test } from '@playwright/test';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from './support/static-server.mjs';
import { openControlled } from './support/app';
import { DB_NAME, storedContacts } from './support/db';

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

		// Marks this page load: a reload would lose it.
		await page.evaluate(() => Object.assign(window, { __sameLoad: true }));
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
		await expect(page.getByText('Draft kept on this device')).toBeVisible();
		expect(await page.evaluate(() => '__sameLoad' in window)).toBe(true);

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

test('when another tab upgrades the database, this tab stops writing, says so and keeps the typing', async ({
	page,
	context
}) => {
	await openControlled(page, '/capture');
	await page.getByLabel('Name').fill('Tab One');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();

	const other = await context.newPage();
	await other.goto('/about');
	await other.evaluate(
		(name) =>
			new Promise<void>((resolve, reject) => {
				// A later release opens the database at a higher version and changes its shape.
				const req = indexedDB.open(name, 10_000);
				req.onupgradeneeded = () => req.result.createObjectStore('laterRelease');
				req.onsuccess = () => {
					req.result.close();
					resolve();
				};
				req.onerror = () => reject(req.error);
				req.onblocked = () => reject(new Error('blocked: the first tab did not let go'));
			}),
		DB_NAME
	);
	await other.close();
	await expect(page.getByText(/Kith was updated in another tab/)).toBeVisible();
	await page.getByLabel('Name').fill('Tab One, still typing');

	// This tab's older code must not write behind the upgrade: saving says why and stores nothing.
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Reload this page' })).toBeVisible();
	const stored = (await storedContacts(page)).length;
	expect(stored).toBe(0);

	// Reloading as asked brings the page back with every keystroke in place, and saving works.
	await page.getByRole('button', { name: 'Reload' }).click();
	await expect(page.getByLabel('Name')).toHaveValue('Tab One, still typing');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Tab One, still typing' })
	).toBeVisible();
});

test('when another tab accepts a new version, this tab asks for a reload and keeps the typing', async ({
	context
}, info) => {
	const root = await mkdtemp(join(tmpdir(), 'kith-update-'));
	await cp('build', root, { recursive: true });
	const port = 4310 + info.workerIndex;
	const server: Server = await startStaticServer(root, port);
	try {
		const origin = `http://127.0.0.1:${port}`;
		const typing = await context.newPage();
		await openControlled(typing, `${origin}/capture`);
		const accepting = await context.newPage();
		await openControlled(accepting, `${origin}/settings`);
		await typing.getByLabel('Name').fill('Second Tab Sami');
		await expect(typing.getByText('Draft kept on this device')).toBeVisible();

		await appendFile(join(root, 'sw.js'), '\n// next release\n');
		await accepting.evaluate(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			await reg?.update();
		});
		const reloaded = accepting.waitForEvent('load');
		await accepting.getByRole('button', { name: 'Update now' }).click();
		await reloaded;

		// The typing tab now runs old code under the new worker: it says so instead of breaking.
		await expect(typing.getByText(/Kith was updated in another tab/)).toBeVisible();
		await expect(typing.getByText('A new version of Kith is ready.')).toHaveCount(0);
		await expect(typing.getByLabel('Name')).toHaveValue('Second Tab Sami');
		await typing.getByRole('button', { name: 'Reload' }).click();
		await expect(typing.getByLabel('Name')).toHaveValue('Second Tab Sami');
		await expect(typing.getByText(/Kith was updated in another tab/)).toHaveCount(0);
	} finally {
		await new Promise((r) => server.close(r));
		await rm(root, { recursive: true, force: true });
	}
});

test.describe('an update accepted while another tab starts', () => {
	// On a loaded machine, up to one run in five, Chromium parks the new worker: it has received
	// SKIP_WAITING yet stays 'installed' for minutes, until the late tab navigates away (a second
	// SKIP_WAITING does not release it). It happens when one of the late tab's fetches reaches the
	// old worker just as it hands over (measured 2026-12-07: 2 of 11 first tries, with workbox-window
	// registering the worker and without it alike). Retries tell that apart from Kith failing the
	// late tab, which fails every try.
	test.describe.configure({ retries: 2 });

	test('a tab opened just before another tab accepts the update still learns of it, and keeps its typing', async ({
		context
	}, info) => {
		// The late tab runs at 8x CPU throttle: on a busy two-core machine the update takes over 60 s.
		test.slow();
		const root = await mkdtemp(join(tmpdir(), 'kith-update-'));
		await cp('build', root, { recursive: true });
		const port = 4320 + info.workerIndex;
		const server: Server = await startStaticServer(root, port);
		try {
			const origin = `http://127.0.0.1:${port}`;
			const accepting = await context.newPage();
			await openControlled(accepting, `${origin}/settings`);
			await publishRelease(root);
			await accepting.evaluate(async () => {
				const reg = await navigator.serviceWorker.getRegistration();
				await reg?.update();
			});
			await expect(accepting.getByText('A new version of Kith is ready.')).toBeVisible();

			// The late tab is still starting up (on a slow phone: the CPU is slowed down) when the update
			// is accepted elsewhere.
			const late = await context.newPage();
			const cdp = await context.newCDPSession(late);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
			await late.goto(`${origin}/capture`, { waitUntil: 'domcontentloaded' });
			// A parked worker (see above) would hold this for minutes: fail early and retry.
			const reloaded = accepting.waitForEvent('load', { timeout: 60_000 });
			await accepting.getByRole('button', { name: 'Update now' }).click();
			// The new worker takes over once the late tab has what it asked for: let it finish.
			await late.waitForTimeout(200);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
			await reloaded;

			await late.getByLabel('Name').fill('Late Tab Lin');
			await expect(late.getByText('Draft kept on this device')).toBeVisible();
			await late.evaluate(() => Object.assign(window, { __sameLoad: true }));
			await expect(late.getByText(/Kith was updated in another tab/)).toBeVisible();
			// It never reloads by itself over the typing.
			await late.waitForTimeout(500);
			expect(await late.evaluate(() => '__sameLoad' in window)).toBe(true);
			await expect(late.getByLabel('Name')).toHaveValue('Late Tab Lin');
			const again = late.waitForEvent('load');
			await late.getByRole('button', { name: 'Reload' }).click();
			await again;
			await expect(late.getByLabel('Name')).toHaveValue('Late Tab Lin');
		} finally {
			await new Promise((r) => server.close(r));
			await rm(root, { recursive: true, force: true });
		}
	});
});

test('while an older tab holds the database open, this tab says it is waiting, then carries on', async ({
	context,
	baseURL
}) => {
	// An old tab (here a bare page) has the database open at an older version and ignores requests
	// to let go, as a tab frozen in the background can.
	const old = await context.newPage();
	await old.goto(`${baseURL}/robots.txt`);
	await old.evaluate(
		(name) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open(name, 1);
				req.onsuccess = () => {
					Object.assign(window, { oldDb: req.result });
					resolve();
				};
				req.onerror = () => reject(req.error);
			}),
		DB_NAME
	);
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByText(/waiting for its other open tabs to close/)).toBeVisible();

	await old.close();
	await expect(page.getByText(/waiting for its other open tabs to close/)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();
});

/**
 * Publishes a new release in place: a new version file (each build has its own) and a service
 * worker whose precache lists it at a new revision. The code stays as it is, so a tab that runs
 * it is always the older version, whichever worker serves it.
 */
async function publishRelease(root: string): Promise<void> {
	const next = `next-${Date.now()}`;
	await writeFile(join(root, '_app', 'version.json'), JSON.stringify({ version: next }));
	const sw = await readFile(join(root, 'sw.js'), 'utf8');
	// The precache list names the version file with its revision: bump it, as a new build would.
	// The worker is built by injectManifest, which writes the list as JSON (revision, then url).
	const bumped = sw.replace(
		/("revision":\s*")[^"]*("\s*,\s*"url":\s*"_app\/version\.json")/,
		`$1${next}$2`
	);
	if (bumped === sw) throw new Error('sw.js lists no _app/version.json to bump');
	await writeFile(join(root, 'sw.js'), `${bumped}\n// ${next}\n`);
}
