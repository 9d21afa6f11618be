import { expect, test } from '@playwright/test';

// Served from the network, so that a part of the app can be made to fail on its way in.
test.use({ serviceWorkers: 'block' });

test('a part of the app that fails to load is loaded again, once, not left as an error', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	let failures = 1;
	await page.route('**/_app/immutable/nodes/*.js', (route) =>
		failures-- > 0 ? route.abort() : route.continue()
	);
	await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	// It came back through a reload: this page is not the one the link was tapped on.
	expect(await page.evaluate(() => 'before' in window)).toBe(false);

	// A part that keeps failing is an error the person can see, not a page reloading forever.
	failures = Infinity;
	await page.getByRole('link', { name: 'Kith, Today' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
	await page.waitForTimeout(1000);
	await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
});

test('a page whose start fails to load is loaded again, once, not left blank', async ({ page }) => {
	let asked = 0;
	let failures = 1;
	await page.route('**/_app/immutable/entry/start.*.js', (route) => {
		asked++;
		return failures-- > 0 ? route.abort() : route.continue();
	});
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	expect(asked).toBeGreaterThanOrEqual(2);

	// A start that keeps failing is not loaded again and again.
	failures = Infinity;
	await page.goto('/about');
	const before = asked;
	await page.waitForTimeout(1500);
	expect(asked - before).toBeLessThanOrEqual(1);
});
