// Installing Kith (issue 16, point 5): where the browser offers installation (a synthetic
// `beforeinstallprompt` here, its prompt() stubbed) an "Install Kith" button on Today, after the
// first saved contact, and in Settings; without the offer a short how-to; "Not now" holds across a
// reload; once installed, the browser is asked to keep Kith's data.
import { expect, test, type Page } from '@playwright/test';
import { capture, openControlled } from './support/app';

/** Sends the install offer Chromium would send, recording prompt() calls in `window.__prompts`. */
async function offerInstall(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const w = window as unknown as { __prompts: number };
		w.__prompts = 0;
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: () => {
				w.__prompts += 1;
				return Promise.resolve();
			},
			userChoice: Promise.resolve({ outcome: 'accepted' })
		});
		window.dispatchEvent(offer);
		return offer.defaultPrevented;
	});
}

const card = (page: Page) => page.getByRole('region', { name: 'Keep Kith on your home screen' });

test('Install Kith appears on the browser’s offer, after the first contact, and opens its dialog', async ({
	page
}) => {
	await openControlled(page, '/');
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();
	// Nothing to keep yet: no suggestion on a first visit.
	await expect(card(page)).toHaveCount(0);

	await capture(page, 'First Fen');
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	// No offer yet: the how-to, with why in one line.
	await expect(card(page)).toContainText('storage the browser will not clear');
	await expect(card(page).getByRole('list', { name: 'How to install Kith' })).toBeVisible();
	await expect(card(page).getByRole('button', { name: 'Install Kith' })).toHaveCount(0);

	// The app takes the offer (so Chromium shows no bar of its own) and shows the button.
	expect(await offerInstall(page)).toBe(true);
	await expect(card(page).getByRole('button', { name: 'Install Kith' })).toBeVisible();
	await expect(card(page).getByRole('list', { name: 'How to install Kith' })).toHaveCount(0);

	// Settings offers it too.
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(card(page).getByRole('button', { name: 'Install Kith' })).toBeVisible();
	await page.getByRole('link', { name: 'Today', exact: true }).click();

	await card(page).getByRole('button', { name: 'Install Kith' }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { __prompts: number }).__prompts))
		.toBe(1);
	// An offer is shown once; the how-to stands in until the browser makes another.
	await expect(card(page).getByRole('button', { name: 'Install Kith' })).toHaveCount(0);
});

test('Settings shows the how-to without an offer, and Not now on Today holds after a reload', async ({
	page
}) => {
	await openControlled(page, '/settings');
	await expect(card(page).getByRole('list', { name: 'How to install Kith' })).toBeVisible();
	await expect(card(page).getByRole('button', { name: /Not now/ })).toHaveCount(0);

	await capture(page, 'Second Sol');
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await card(page)
		.getByRole('button', { name: /Not now/ })
		.click();
	await expect(card(page)).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(card(page)).toHaveCount(0);
	// Even with an offer: dismissed is dismissed on Today; Settings still has it.
	await offerInstall(page);
	await expect(card(page)).toHaveCount(0);
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(card(page).getByRole('button', { name: 'Install Kith' })).toBeVisible();
});

/** Counts persist() calls in sessionStorage, the storage not yet kept for good. */
async function countPersist(page: Page, standalone: boolean) {
	await page.addInitScript((asApp) => {
		const storage = navigator.storage;
		sessionStorage.setItem('persistCalls', sessionStorage.getItem('persistCalls') ?? '0');
		storage.persisted = () => Promise.resolve(false);
		storage.persist = () => {
			sessionStorage.setItem(
				'persistCalls',
				String(Number(sessionStorage.getItem('persistCalls')) + 1)
			);
			return Promise.resolve(true);
		};
		if (asApp) {
			const original = window.matchMedia.bind(window);
			window.matchMedia = (query: string) =>
				query === '(display-mode: standalone)'
					? ({ ...original(query), matches: true, media: query } as MediaQueryList)
					: original(query);
		}
	}, standalone);
	return () => page.evaluate(() => Number(sessionStorage.getItem('persistCalls')));
}

test('once installed, the browser is asked to keep Kith’s data', async ({ page }) => {
	const calls = await countPersist(page, false);
	await openControlled(page, '/settings');
	await expect(card(page).getByRole('list', { name: 'How to install Kith' })).toBeVisible();
	expect(await calls()).toBe(0);
	await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
	await expect.poll(calls).toBe(1);
	await expect(card(page)).toContainText('Kith is installed on this device.');
});

test('started as an installed app, Kith asks to keep its data and suggests no install', async ({
	page
}) => {
	const calls = await countPersist(page, true);
	await openControlled(page, '/');
	await expect.poll(calls).toBe(1);
	await capture(page, 'Third Tam');
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(card(page)).toHaveCount(0);
});
