import { expect, test } from '@playwright/test';
import { openControlled } from './support/app';

test('a new user sees what to do, can try sample data and remove it again', async ({ page }) => {
	await openControlled(page, '/');
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	const due = page
		.getByRole('heading', { name: 'Follow-ups due' })
		.locator('..')
		.getByRole('listitem');
	await expect(due.first()).toBeVisible();
	const before = await due.count();
	expect(before).toBeGreaterThanOrEqual(2);

	// Done with the first one: it leaves the list, and Undo brings it back.
	const firstName = (await due.first().getByRole('link').textContent())!.trim();
	await due
		.first()
		.getByRole('button', { name: `Done with ${firstName}` })
		.click();
	await expect(due).toHaveCount(before - 1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(due).toHaveCount(before);
	await due
		.first()
		.getByRole('button', { name: /In a week/ })
		.click();
	await expect(due).toHaveCount(before - 1);

	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('link')).not.toHaveCount(0);
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await page.getByRole('button', { name: 'Remove sample data' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();
});

test('settings show storage, persistence and the version, and link to About', async ({ page }) => {
	await openControlled(page, '/settings');
	await expect(page.getByText('Used by Kith')).toBeVisible();
	await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
	await expect(page.getByText('Kept for good')).toBeVisible();
	await page.getByRole('link', { name: 'About Kith and your privacy' }).click();
	await expect(page.getByRole('heading', { name: 'Your data stays on this device' })).toBeVisible();
});
