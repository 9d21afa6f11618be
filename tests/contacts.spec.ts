import { expect, test as base, type Page } from '@playwright/test';
import { capture, openControlled } from './support/app';
import { storedContacts } from './support/db';
import { ContactPage } from './support/pages/contact';
import { ContactsPage } from './support/pages/contacts';

const test = base.extend<{ list: ContactsPage; contact: ContactPage }>({
	list: async ({ page }, use) => use(new ContactsPage(page)),
	contact: async ({ page }, use) => use(new ContactPage(page))
});

async function seed(page: Page) {
	await capture(page, 'José Álvarez', { circle: 'Alumni', organization: 'Acme Library' });
	await capture(page, 'Zoë Chen', { circle: 'Events & conferences', organization: 'Acorn Museum' });
	await capture(page, 'Sam Ortiz', { circle: 'Alumni', organization: 'City Records' });
}

test.beforeEach(async ({ page, list }) => {
	await openControlled(page, '/');
	await seed(page);
	await list.open();
});

test('lists the most recent first and searches as you type', async ({ page, list }) => {
	await expect(list.listed).toHaveText([/Sam Ortiz/, /Zoë Chen/, /José Álvarez/]);
	await list.search.pressSequentially('ac');
	await expect(list.listed).toHaveText([/Zoë Chen/, /José Álvarez/]);
	await list.search.pressSequentially('m');
	await expect(list.listed).toHaveText([/José Álvarez/]);
	await list.search.fill('jose alv');
	await expect(list.listed).toHaveText([/José Álvarez/]);
	await list.search.fill('ZOE');
	await expect(list.listed).toHaveText([/Zoë Chen/]);
	await list.search.fill('nobody-like-this');
	await expect(page.getByText(/Nobody matches/)).toBeVisible();
});

test('a search narrows and widens as keys are typed and taken back, and follows an edit made in another tab', async ({
	page,
	context,
	list
}) => {
	await list.search.pressSequentially('ac');
	await expect(list.listed).toHaveText([/Zoë Chen/, /José Álvarez/]);
	await list.search.press('m');
	await expect(list.listed).toHaveText([/José Álvarez/]);
	await list.search.press('Backspace');
	await expect(list.listed).toHaveText([/Zoë Chen/, /José Álvarez/]);

	// Another tab gives Sam a role that "ac" finds; this tab's search follows, keeping its words.
	const other = await context.newPage();
	await other.goto(page.url().replace(/\/contacts.*$/, '/contacts'));
	await new ContactsPage(other).openContact('Sam Ortiz');
	const otherTab = new ContactPage(other);
	await otherTab.edit.click();
	await otherTab.role.fill('Acquisitions librarian');
	await otherTab.saveChanges.click();
	await expect(other.getByText('Acquisitions librarian at City Records')).toBeVisible();
	await other.close();

	await expect(list.search).toHaveValue('ac');
	await expect(list.listed).toHaveText([/Sam Ortiz/, /Zoë Chen/, /José Álvarez/]);
	await list.search.press('q');
	await expect(list.listed).toHaveText([/Sam Ortiz/]);
	await list.search.press('Backspace');
	await list.search.press('Backspace');
	await expect(list.listed).toHaveText([/Sam Ortiz/, /Zoë Chen/, /José Álvarez/]);
});

test('filters by circle', async ({ list }) => {
	await list.filterByCircle('Alumni');
	await expect(list.listed).toHaveText([/Sam Ortiz/, /José Álvarez/]);
	await list.search.fill('sam');
	await expect(list.listed).toHaveText([/Sam Ortiz/]);
});

test('edit a contact and record who introduced them; both pages link to each other', async ({
	page,
	list,
	contact
}) => {
	await list.openContact('Zoë Chen');
	await contact.edit.click();
	await contact.role.fill('Curator');
	await contact.pickIntroducer('jos', /José Álvarez/);
	await contact.saveChanges.click();

	await expect(contact.heading('Zoë Chen')).toBeVisible();
	await expect(page.getByText('Curator at Acorn Museum')).toBeVisible();
	await page.getByRole('link', { name: 'José Álvarez' }).click();
	await expect(contact.heading('José Álvarez')).toBeVisible();
	await page.getByRole('link', { name: 'Zoë Chen' }).click();
	await expect(contact.heading('Zoë Chen')).toBeVisible();
});

test('delete goes to the trash with undo; the trash restores and empties', async ({
	page,
	list,
	contact
}) => {
	await list.openContact('Sam Ortiz');
	await contact.delete.click();
	await expect(page.getByText('Sam Ortiz moved to the trash.')).toBeVisible();
	await expect(list.listed).toHaveText([/Zoë Chen/, /José Álvarez/]);
	await contact.undo.click();
	await expect(contact.heading('Sam Ortiz')).toBeVisible();

	await contact.delete.click();
	await page.getByRole('link', { name: 'Trash (1)' }).click();
	await page.getByRole('button', { name: 'Restore Sam Ortiz' }).click();
	await expect(page.getByText('The trash is empty')).toBeVisible();

	await list.open();
	await list.openContact('Zoë Chen');
	await contact.delete.click();
	await page.getByRole('link', { name: 'Trash (1)' }).click();
	await page.getByRole('button', { name: 'Empty trash' }).click();
	await expect(page.getByRole('dialog', { name: 'Empty the trash?' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete for good' }).click();
	await expect(page.getByText('The trash is empty')).toBeVisible();
	await list.open();
	await expect(list.listed).toHaveText([/Sam Ortiz/, /José Álvarez/]);
});

test('cancelling an edit asks first when there are changes; saying no keeps them', async ({
	page,
	list,
	contact
}) => {
	await list.openContact('Zoë Chen');
	// Nothing changed: Cancel just goes back.
	await contact.edit.click();
	await contact.cancel.click();
	await expect(contact.heading('Zoë Chen')).toBeVisible();

	await contact.edit.click();
	await contact.role.fill('Curator');
	await contact.cancel.click();
	const dialog = page.getByRole('dialog', { name: 'Discard your changes?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(contact.role).toHaveValue('Curator');

	await contact.cancel.click();
	await dialog.getByRole('button', { name: 'Discard changes' }).click();
	await expect(contact.heading('Zoë Chen')).toBeVisible();
	await expect(page.getByText('Curator')).toHaveCount(0);
	await contact.edit.click();
	await expect(contact.role).toHaveValue('');
});

test('an unsaved edit from earlier does not undo a change made since; it is laid over it', async ({
	page,
	list,
	contact
}) => {
	const today = await page.evaluate(() => {
		const d = new Date();
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	});
	await list.openContact('Zoë Chen');
	await contact.edit.click();
	await contact.followUpOn.fill(today);
	await contact.saveChanges.click();
	await expect(page.getByText('Changes saved.')).toBeVisible();

	// Start an edit and leave it unsaved.
	await contact.edit.click();
	await contact.role.fill('Curator');
	await expect(contact.draftKept).toBeVisible();

	// Meanwhile the follow-up is marked done on Today.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await page.getByRole('button', { name: 'Done with Zoë Chen' }).click();
	await expect(page.getByText('Marked Zoë Chen as done.')).toBeVisible();

	await list.open();
	await list.openContact('Zoë Chen');
	await contact.edit.click();
	await expect(
		page.getByRole('heading', { name: 'This contact changed since you started editing' })
	).toBeVisible();
	await expect(contact.role).toHaveValue('Curator');
	await expect(contact.followUpOn).toHaveValue('');
	await contact.saveChanges.click();
	await expect(page.getByText('Curator at Acorn Museum')).toBeVisible();
	const zoe = (await storedContacts(page)).find((c) => c.name === 'Zoë Chen');
	expect(zoe).toMatchObject({ role: 'Curator' });
	expect(zoe?.nextFollowUpOn).toBeUndefined();
});

test('saving an edit after the contact changed in another tab keeps both changes', async ({
	page,
	context,
	list,
	contact
}) => {
	await list.openContact('Zoë Chen');
	await contact.edit.click();
	await contact.role.fill('Curator');
	await expect(contact.draftKept).toBeVisible();

	const other = await context.newPage();
	await other.goto(page.url().replace(/\/edit$/, ''));
	const otherTab = new ContactPage(other);
	await otherTab.edit.click();
	// This tab does not take the first tab's unsaved draft; change two fields and save from here.
	await otherTab.where.fill('Museum night');
	await otherTab.role.fill('Archivist');
	await otherTab.saveChanges.click();
	await expect(other.getByText('Archivist at Acorn Museum')).toBeVisible();
	await other.close();

	await contact.role.fill('Head curator');
	await contact.saveChanges.click();
	// The conflict cards sit above the form, far from the button: the focus moves to them.
	const changed = 'Changed in another tab or window too';
	await expect(page.getByRole('heading', { name: changed })).toBeFocused();
	const cards = page.getByRole('region', { name: changed });
	await expect(cards.getByRole('heading', { name: 'Role' })).toBeVisible();
	await expect(cards.getByText('Archivist', { exact: true })).toBeVisible();
	await expect(contact.role).toHaveValue('Head curator');
	await expect(contact.where).toHaveValue('Museum night');
	await cards.getByRole('button', { name: 'Keep mine (Role)' }).click();
	await expect(cards).toHaveCount(0);
	await contact.saveChanges.click();
	await expect(page.getByText('Head curator at Acorn Museum')).toBeVisible();
	const zoe = (await storedContacts(page)).find((c) => c.name === 'Zoë Chen');
	expect(zoe).toMatchObject({ role: 'Head curator', metAt: 'Museum night' });
});

test('a tag filter can be cleared', async ({ page, list }) => {
	await page.goto('/contacts?tag=mentor');
	await expect(page.getByText('Tagged #mentor')).toBeVisible();
	await page.getByRole('button', { name: 'Clear tag filter' }).click();
	await expect(page).toHaveURL(/\/contacts$/);
	await expect(page.getByText('Tagged #mentor')).toHaveCount(0);
	await expect(list.listed).toHaveCount(3);
});

test('a search that only matches other circles says which filter hides them, and lifts it', async ({
	page,
	list
}) => {
	await expect(list.count).toHaveText('3');
	await list.filterByCircle('Alumni');
	await expect(list.listed).toHaveCount(2);
	await expect(list.count).toHaveText('2 of 3');
	await list.search.fill('zoe');
	await expect(page.getByText('Nobody in Alumni matches “zoe”.')).toBeVisible();
	await expect(list.count).toHaveText('0 of 3');
	await page.getByRole('button', { name: 'Search all circles' }).click();
	await expect(list.listed).toHaveText([/Zoë Chen/]);
	await expect(list.circle).toHaveValue('');
	await expect(list.search).toHaveValue('zoe');
	await expect(list.count).toHaveText('1 of 3');

	await list.filterByCircle('Alumni');
	await expect(page.getByText('Nobody in Alumni matches “zoe”.')).toBeVisible();
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(list.listed).toHaveCount(3);
	await expect(list.search).toHaveValue('');
	await expect(list.count).toHaveText('3');
});

test('the search and circle are kept in the address, so Back returns to them', async ({
	page,
	list,
	contact
}) => {
	await list.filterByCircle('Alumni');
	await list.search.fill('sam');
	await expect(list.listed).toHaveText([/Sam Ortiz/]);
	await expect(page).toHaveURL(/[?&]q=sam(&|$)/);
	await expect(page).toHaveURL(/[?&]circle=alumni(&|$)/);
	await list.openContact('Sam Ortiz');
	await expect(contact.heading('Sam Ortiz')).toBeVisible();

	await page.goBack();
	await expect(list.search).toHaveValue('sam');
	await expect(list.circle).toHaveValue('alumni');
	await expect(list.listed).toHaveText([/Sam Ortiz/]);

	// Typing replaces the entry rather than adding one per key: Back leaves the list.
	await list.search.fill('ortiz');
	await expect(page).toHaveURL(/[?&]q=ortiz(&|$)/);
	await page.goBack();
	await expect(contact.heading('Sam Ortiz')).toBeVisible();

	// The Contacts tab starts afresh.
	await list.open();
	await expect(page).toHaveURL(/\/contacts$/);
	await expect(list.search).toHaveValue('');
	await expect(list.listed).toHaveCount(3);
});

test('an address for a contact that is not there still has one main heading', async ({ page }) => {
	await page.goto('/contacts/no-such-contact');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This contact is not here');
	await expect(page.locator('h1')).toHaveCount(1);
	await page.goto('/contacts/no-such-contact/edit');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This contact is not here');
	await expect(page.locator('h1')).toHaveCount(1);
});
