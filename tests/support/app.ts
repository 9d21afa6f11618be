// What most specs share: open a page under the service worker, go offline, capture someone.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { CapturePage } from './pages/capture';

// Read through the database helpers; kept here too for the specs that import it from app.
export { storedContacts } from './db';

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

/** Captures someone from the navigation bar and waits for their new page. */
export async function capture(
	page: Page,
	name: string,
	extra: { circle?: string; organization?: string; where?: string } = {}
): Promise<void> {
	const form = new CapturePage(page);
	await form.open();
	await form.fill({ name, ...extra });
	await form.saveAndOpen(name);
}
