import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Opens a page and waits until the service worker controls it, so it would work offline. */
export async function openControlled(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
	await context.setOffline(true);
	await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
}

export async function capture(
	page: Page,
	name: string,
	extra: { circle?: string; organization?: string; where?: string } = {}
): Promise<void> {
	await page.getByRole('link', { name: 'Capture', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Capture someone new' })).toBeVisible();
	await page.getByLabel('Name').fill(name);
	if (extra.circle) await page.getByRole('radio', { name: extra.circle }).check();
	if (extra.where) await page.getByLabel('Where or how you met').fill(extra.where);
	if (extra.organization) {
		await page.getByRole('button', { name: /more details/i }).click();
		await page.getByLabel('Organisation').fill(extra.organization);
	}
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Reads every contact straight from IndexedDB, as the app stored it. */
export async function storedContacts(page: Page): Promise<Array<Record<string, unknown>>> {
	return page.evaluate(
		() =>
			new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
				const open = indexedDB.open('kith');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('contacts').objectStore('contacts').getAll();
					req.onsuccess = () => {
						db.close();
						resolve(req.result as Array<Record<string, unknown>>);
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}
