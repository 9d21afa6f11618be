import { expect, test, type Page } from '@playwright/test';
import { capture, openControlled } from './support/app';

async function seed(page: Page) {
	await capture(page, 'José Álvarez', { circle: 'Alumni', organization: 'Acme Library' });
	await capture(page, 'Zoë Chen', { circle: 'Events & conferences', organization: 'Acorn Museum' });
	await capture(page, 'Sam Ortiz', { circle: 'Alumni', organization: 'City Records' });
}

test.beforeEach(async ({ page }) => {
	await openControlled(page, '/');
	await seed(page);
	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
});

function listed(page: Page) {
	return page.getByRole('list', { name: 'Contacts' }).getByRole('link');
}

test('lists the most recent first and searches as you type', async ({ page }) => {
	await expect(listed(page)).toHaveText([/Sam Ortiz/, /Zoë Chen/, /José Álvarez/]);
	const search = page.getByLabel('Search contacts');
	await search.pressSequentially('ac');
	await expect(listed(page)).toHaveText([/Zoë Chen/, /José Álvarez/]);
	await search.pressSequentially('m');
	await expect(listed(page)).toHaveText([/José Álvarez/]);
	await search.fill('jose alv');
	await expect(listed(page)).toHaveText([/José Álvarez/]);
	await search.fill('ZOE');
	await expect(listed(page)).toHaveText([/Zoë Chen/]);
	await search.fill('nobody-like-this');
	await expect(page.getByText(/Nobody matches/)).toBeVisible();
});

test('filters by circle', async ({ page }) => {
	await page.getByLabel('Circle').selectOption({ label: 'Alumni' });
	await expect(listed(page)).toHaveText([/Sam Ortiz/, /José Álvarez/]);
	await page.getByLabel('Search contacts').fill('sam');
	await expect(listed(page)).toHaveText([/Sam Ortiz/]);
});

test('edit a contact and record who introduced them; both pages link to each other', async ({
	page
}) => {
	await listed(page).filter({ hasText: 'Zoë Chen' }).click();
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Role').fill('Curator');
	await page.getByLabel('Introduced by').fill('jos');
	await page.getByRole('button', { name: /José Álvarez/ }).click();
	await page.getByRole('button', { name: 'Save changes' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Zoë Chen' })).toBeVisible();
	await expect(page.getByText('Curator at Acorn Museum')).toBeVisible();
	await page.getByRole('link', { name: 'José Álvarez' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'José Álvarez' })).toBeVisible();
	await page.getByRole('link', { name: 'Zoë Chen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zoë Chen' })).toBeVisible();
});

test('delete goes to the trash with undo; the trash restores and empties', async ({ page }) => {
	await listed(page).filter({ hasText: 'Sam Ortiz' }).click();
	await page.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('Sam Ortiz moved to the trash.')).toBeVisible();
	await expect(listed(page)).toHaveText([/Zoë Chen/, /José Álvarez/]);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sam Ortiz' })).toBeVisible();

	await page.getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('link', { name: 'Trash (1)' }).click();
	await page.getByRole('button', { name: 'Restore Sam Ortiz' }).click();
	await expect(page.getByText('The trash is empty')).toBeVisible();

	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await listed(page).filter({ hasText: 'Zoë Chen' }).click();
	await page.getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('link', { name: 'Trash (1)' }).click();
	await page.getByRole('button', { name: 'Empty trash' }).click();
	await expect(page.getByRole('dialog', { name: 'Empty the trash?' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete for good' }).click();
	await expect(page.getByText('The trash is empty')).toBeVisible();
	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await expect(listed(page)).toHaveText([/Sam Ortiz/, /José Álvarez/]);
});
