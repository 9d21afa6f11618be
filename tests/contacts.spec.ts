import { expect, test, type Page } from '@playwright/test';
import { capture, openControlled, storedContacts } from './support/app';

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

test('cancelling an edit asks first when there are changes; saying no keeps them', async ({
	page
}) => {
	await listed(page).filter({ hasText: 'Zoë Chen' }).click();
	// Nothing changed: Cancel just goes back.
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zoë Chen' })).toBeVisible();

	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Role').fill('Curator');
	await page.getByRole('button', { name: 'Cancel' }).click();
	const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByLabel('Role')).toHaveValue('Curator');

	await page.getByRole('button', { name: 'Cancel' }).click();
	await dialog.getByRole('button', { name: 'Discard changes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zoë Chen' })).toBeVisible();
	await expect(page.getByText('Curator')).toHaveCount(0);
	await page.getByRole('link', { name: 'Edit' }).click();
	await expect(page.getByLabel('Role')).toHaveValue('');
});

test('an unsaved edit from earlier does not undo a change made since; it is laid over it', async ({
	page
}) => {
	const today = await page.evaluate(() => {
		const d = new Date();
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	});
	await listed(page).filter({ hasText: 'Zoë Chen' }).click();
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Follow up on').fill(today);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();

	// Start an edit and leave it unsaved.
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Role').fill('Curator');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();

	// Meanwhile the follow-up is marked done on Today.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await page.getByRole('button', { name: 'Done with Zoë Chen' }).click();
	await expect(page.getByText('Marked Zoë Chen as done.')).toBeVisible();

	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await listed(page).filter({ hasText: 'Zoë Chen' }).click();
	await page.getByRole('link', { name: 'Edit' }).click();
	await expect(
		page.getByRole('heading', { name: 'This contact changed since you started editing' })
	).toBeVisible();
	await expect(page.getByLabel('Role')).toHaveValue('Curator');
	await expect(page.getByLabel('Follow up on')).toHaveValue('');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Curator at Acorn Museum')).toBeVisible();
	const zoe = (await storedContacts(page)).find((c) => c.name === 'Zoë Chen');
	expect(zoe).toMatchObject({ role: 'Curator' });
	expect(zoe?.nextFollowUpOn).toBeUndefined();
});

test('saving an edit after the contact changed in another tab keeps both changes', async ({
	page,
	context
}) => {
	await listed(page).filter({ hasText: 'Zoë Chen' }).click();
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Role').fill('Curator');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();

	const other = await context.newPage();
	await other.goto(page.url().replace(/\/edit$/, ''));
	await other.getByRole('link', { name: 'Edit' }).click();
	// This tab restores the first tab's draft; change another field and save from here.
	await other.getByLabel('Where or how you met').fill('Museum night');
	await other.getByLabel('Role').fill('Archivist');
	await other.getByRole('button', { name: 'Save changes' }).click();
	await expect(other.getByText('Archivist at Acorn Museum')).toBeVisible();
	await other.close();

	await page.getByLabel('Role').fill('Head curator');
	await page.getByRole('button', { name: 'Save changes' }).click();
	// The notice sits above the form, far from the button: the focus moves to it.
	await expect(
		page.getByRole('status', { name: 'This contact changed while you were editing' })
	).toBeFocused();
	await expect(page.getByText(/Role \(the newer version says “Archivist”\)/)).toBeVisible();
	await expect(page.getByLabel('Role')).toHaveValue('Head curator');
	await expect(page.getByLabel('Where or how you met')).toHaveValue('Museum night');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Head curator at Acorn Museum')).toBeVisible();
	const zoe = (await storedContacts(page)).find((c) => c.name === 'Zoë Chen');
	expect(zoe).toMatchObject({ role: 'Head curator', metAt: 'Museum night' });
});

test('a tag filter can be cleared', async ({ page }) => {
	await page.goto('/contacts?tag=mentor');
	await expect(page.getByText('Tagged #mentor')).toBeVisible();
	await page.getByRole('button', { name: 'Clear tag filter' }).click();
	await expect(page).toHaveURL(/\/contacts$/);
	await expect(page.getByText('Tagged #mentor')).toHaveCount(0);
	await expect(listed(page)).toHaveCount(3);
});

test('a search that only matches other circles says which filter hides them, and lifts it', async ({
	page
}) => {
	const count = page.getByTestId('contact-count');
	await expect(count).toHaveText('3');
	await page.getByLabel('Circle').selectOption({ label: 'Alumni' });
	await expect(listed(page)).toHaveCount(2);
	await expect(count).toHaveText('2 of 3');
	await page.getByLabel('Search contacts').fill('zoe');
	await expect(page.getByText('Nobody in Alumni matches “zoe”.')).toBeVisible();
	await expect(count).toHaveText('0 of 3');
	await page.getByRole('button', { name: 'Search all circles' }).click();
	await expect(listed(page)).toHaveText([/Zoë Chen/]);
	await expect(page.getByLabel('Circle')).toHaveValue('');
	await expect(page.getByLabel('Search contacts')).toHaveValue('zoe');
	await expect(count).toHaveText('1 of 3');

	await page.getByLabel('Circle').selectOption({ label: 'Alumni' });
	await expect(page.getByText('Nobody in Alumni matches “zoe”.')).toBeVisible();
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(listed(page)).toHaveCount(3);
	await expect(page.getByLabel('Search contacts')).toHaveValue('');
	await expect(count).toHaveText('3');
});

test('the search and circle are kept in the address, so Back returns to them', async ({ page }) => {
	await page.getByLabel('Circle').selectOption({ label: 'Alumni' });
	await page.getByLabel('Search contacts').fill('sam');
	await expect(listed(page)).toHaveText([/Sam Ortiz/]);
	await expect(page).toHaveURL(/[?&]q=sam(&|$)/);
	await expect(page).toHaveURL(/[?&]circle=alumni(&|$)/);
	await listed(page).filter({ hasText: 'Sam Ortiz' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sam Ortiz' })).toBeVisible();

	await page.goBack();
	await expect(page.getByLabel('Search contacts')).toHaveValue('sam');
	await expect(page.getByLabel('Circle')).toHaveValue('alumni');
	await expect(listed(page)).toHaveText([/Sam Ortiz/]);

	// Typing replaces the entry rather than adding one per key: Back leaves the list.
	await page.getByLabel('Search contacts').fill('ortiz');
	await expect(page).toHaveURL(/[?&]q=ortiz(&|$)/);
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Sam Ortiz' })).toBeVisible();

	// The Contacts tab starts afresh.
	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await expect(page).toHaveURL(/\/contacts$/);
	await expect(page.getByLabel('Search contacts')).toHaveValue('');
	await expect(listed(page)).toHaveCount(3);
});

test('an address for a contact that is not there still has one main heading', async ({ page }) => {
	await page.goto('/contacts/no-such-contact');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This contact is not here');
	await expect(page.locator('h1')).toHaveCount(1);
	await page.goto('/contacts/no-such-contact/edit');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This contact is not here');
	await expect(page.locator('h1')).toHaveCount(1);
});
