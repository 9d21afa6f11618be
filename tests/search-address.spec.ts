import { expect, test } from '@playwright/test';
import { capture } from './support/app';

// Without the service worker, so the test can hold back a page's code on its way in.
test.use({ serviceWorkers: 'block' });

test('leaving Contacts just after typing a search goes where it was asked, not back', async ({
	page
}) => {
	await page.goto('/capture');
	await capture(page, 'Tess Leaving');
	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
	// A slow phone: Today's code takes a while to arrive, longer than the pause after typing
	// before the search is written into the address.
	await page.route('**/_app/immutable/nodes/*.js', async (route) => {
		await new Promise((done) => setTimeout(done, 1500));
		await route.continue();
	});

	await page.getByLabel('Search contacts').fill('tess');
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
});
