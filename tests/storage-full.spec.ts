import { expect, test } from '@playwright/test';

// Chromium checks the quota when a page first writes to its database, so the limit is set before
// the app opens: a one-byte quota makes every write fail with QuotaExceededError, like a full phone.
test('when storage is full, saving says so and keeps the typing', async ({ page, context }) => {
	await page.goto('/robots.txt');
	const origin = new URL(page.url()).origin;
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	await page.goto('/capture');
	await page.getByLabel('Name').fill('Quota Quinn');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText(/no room left/);
	await expect(page.getByLabel('Name')).toHaveValue('Quota Quinn');

	// Room again (the user freed some space): the draft is still there after a reload, and saves.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await cdp.detach();
	await page.reload();
	await expect(page.getByLabel('Name')).toHaveValue('Quota Quinn');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quota Quinn' })).toBeVisible();
});
