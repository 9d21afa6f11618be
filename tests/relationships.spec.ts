import { expect, test, type Page } from '@playwright/test';
import { capture, goOffline, openControlled } from './support/app';

function timeline(page: Page) {
	return page.getByRole('heading', { name: 'Timeline' }).locator('xpath=following-sibling::ol[1]');
}

async function logTouchpoint(page: Page) {
	await page.getByRole('link', { name: 'Log a touchpoint' }).click();
	await expect(page.getByRole('heading', { name: /Log a touchpoint with/ })).toBeVisible();
}

test('log a touchpoint with outcomes and names, see referrals linked both ways, offline', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await capture(page, 'Zoë Park');
	await capture(page, 'Maya Chen');
	await goOffline(context, page);

	await logTouchpoint(page);
	await page.getByRole('radio', { name: 'Video' }).check();
	await page.getByLabel('What you talked about').fill('<b>Coffee</b> about archives jobs');
	await page.getByRole('checkbox', { name: /Resume tips/ }).check();
	await page.getByRole('checkbox', { name: /Names to contact/ }).check();
	await page.getByLabel('Name 1', { exact: true }).fill('Sam Lee');
	await page.getByLabel('Why talk to them (name 1)').fill('Runs the city archive');
	await page.getByRole('button', { name: 'Add a name' }).click();
	await page.getByLabel('Name 2', { exact: true }).fill('zoe park');
	// The same name as a contact already in Kith: offered as a link, not a duplicate.
	await page.getByRole('button', { name: 'Link Zoë Park instead' }).click();
	await expect(page.getByText('Will link Zoë Park, already in your contacts.')).toBeVisible();
	await page.getByLabel('What you gave or offered back').fill('Shared my notes from the fair');
	await page.getByRole('button', { name: 'Save touchpoint' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
	await expect(page.getByText('2 names added as introduced by Maya Chen.')).toBeVisible();
	const items = timeline(page).getByRole('listitem');
	await expect(items.first()).toContainText('<b>Coffee</b> about archives jobs');
	await expect(items.first().getByRole('list', { name: 'What they gave you' })).toContainText(
		'Resume tips'
	);
	await expect(page.locator('b', { hasText: 'Coffee' })).toHaveCount(0);
	await expect(
		page.getByRole('heading', { name: 'You gave Maya Chen' }).locator('..')
	).toContainText('Shared my notes from the fair');

	// Both names are introduced by Maya, and each says so on their own page.
	await page.getByRole('link', { name: 'Sam Lee' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible();
	await expect(page.getByText('Runs the city archive')).toBeVisible();
	await page.getByRole('link', { name: 'Maya Chen' }).first().click();
	await page.getByRole('link', { name: 'Zoë Park' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zoë Park' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Maya Chen' })).toBeVisible();
	await page.goto('/contacts');
	await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('link')).toHaveCount(3);
});

test('edit and delete a touchpoint with undo; far past and future dates; very long summaries', async ({
	page
}) => {
	await openControlled(page, '/');
	await capture(page, 'Ravi Rao');
	await logTouchpoint(page);
	await page.getByLabel('When').fill('1999-03-04');
	await page.getByLabel('What you talked about').fill('a'.repeat(5001));
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(page.getByText(/Keep the summary under 5,000 characters/)).toBeVisible();
	await expect(page.getByLabel('What you talked about')).toBeFocused();
	await page.getByLabel('What you talked about').fill('Old school friend');
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(timeline(page).getByRole('listitem')).toHaveCount(1);
	await expect(timeline(page)).toContainText('1999');

	await logTouchpoint(page);
	await page.getByLabel('When').fill('2099-05-06');
	await page.getByLabel('What you talked about').fill('Lunch planned');
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	const items = timeline(page).getByRole('listitem');
	await expect(items).toHaveCount(2);
	await expect(items.first()).toContainText('Lunch planned');
	await expect(items.first()).toContainText('Planned');

	await items.first().getByRole('link', { name: /Edit/ }).click();
	await page.getByLabel('What you talked about').fill('Lunch at the library café');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(items.first()).toContainText('Lunch at the library café');

	await items
		.first()
		.getByRole('button', { name: /Delete/ })
		.click();
	await expect(items).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(items).toHaveCount(2);
	await expect(items.first()).toContainText('Lunch at the library café');
});

test('a follow-up from a touchpoint is due on Today, and Done takes it off', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await capture(page, 'Ines Duarte');
	await goOffline(context, page);
	await logTouchpoint(page);
	await page.getByLabel('What you talked about').fill('Send her my portfolio');
	const yesterday = await page.evaluate(() => {
		const d = new Date();
		d.setDate(d.getDate() - 1);
		return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	});
	await page.getByLabel('Follow up on (optional)').fill(yesterday);
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ines Duarte' })).toBeVisible();

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	const due = page
		.getByRole('heading', { name: 'Follow-ups due' })
		.locator('..')
		.getByRole('listitem');
	await expect(due).toHaveCount(1);
	await expect(due.first()).toContainText('overdue');
	await expect(due.first()).toContainText('After: Send her my portfolio');
	await due.first().getByRole('button', { name: 'Done with Ines Duarte' }).click();
	await expect(due).toHaveCount(0);
	await expect(page.getByText('Nobody is waiting on you today.')).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(due).toHaveCount(1);
	await due.first().getByRole('button', { name: 'Tomorrow for Ines Duarte' }).click();
	await expect(due).toHaveCount(0);
});

test('keep in touch every 30 days, and log a touchpoint picked from Today', async ({ page }) => {
	await openControlled(page, '/');
	await capture(page, 'Kofi Osei');
	await page.getByRole('radio', { name: 'Every 30 days' }).check();
	await expect(
		page.getByText('Every 30 days: the next follow-up with Kofi Osei is set.')
	).toBeVisible();
	await expect(page.getByText('Next follow-up', { exact: true })).toBeVisible();
	await page.getByRole('radio', { name: 'Other…' }).check();
	await page.getByLabel('Every how many days?').fill('0');
	await page.getByRole('button', { name: 'Set' }).click();
	await expect(page.getByText('Pick between 1 and 3650 days.')).toBeVisible();
	await page.getByLabel('Every how many days?').fill('45');
	await page.getByRole('button', { name: 'Set' }).click();
	await expect(page.getByRole('radio', { name: 'Every 45 days' })).toBeChecked();

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await page.getByLabel('Who was it with?').fill('kofi');
	await page.getByRole('button', { name: /Kofi Osei/ }).click();
	await expect(page.getByRole('heading', { name: /Log a touchpoint with/ })).toBeVisible();
	await page.getByRole('radio', { name: 'Call' }).check();
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(timeline(page).getByRole('listitem')).toHaveCount(1);
	await expect(timeline(page)).toContainText('Call');
});

test('Today suggests giving back after a while; Not now holds after a reload; a draft is kept', async ({
	page
}) => {
	await openControlled(page, '/');
	await capture(page, 'Lena Fischer');
	await logTouchpoint(page);
	const longAgo = await page.evaluate(() => {
		const d = new Date();
		d.setDate(d.getDate() - 40);
		return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	});
	await page.getByLabel('When').fill(longAgo);
	await page.getByRole('checkbox', { name: 'Job-search advice' }).check();
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lena Fischer' })).toBeVisible();

	// An unsaved touchpoint is kept as a draft when the user leaves.
	await logTouchpoint(page);
	await page.getByLabel('What you talked about').fill('Half-written note');
	await page.getByRole('link', { name: '← Lena Fischer' }).click();
	await logTouchpoint(page);
	await expect(page.getByText('Picked up where you left off.')).toBeVisible();
	await expect(page.getByLabel('What you talked about')).toHaveValue('Half-written note');

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	const section = page.getByRole('heading', { name: 'Give something back' }).locator('..');
	await expect(section).toContainText('Lena Fischer gave you job-search advice 40 days ago.');
	await expect(section).toContainText('Tell them how their advice worked out');
	await section.getByRole('button', { name: 'Not now for Lena Fischer' }).click();
	await expect(page.getByRole('heading', { name: 'Give something back' })).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Give something back' })).toHaveCount(0);
});
