import { expect, test as base, type Page } from '@playwright/test';
import { goOffline, openControlled } from './support/app';
import { readTable, storedContacts } from './support/db';
import { CapturePage } from './support/pages/capture';

const test = base.extend<{ form: CapturePage }>({
	form: async ({ page }, use) => use(new CapturePage(page))
});

/** The keys of the drafts stored in IndexedDB right now. */
async function storedDraftKeys(page: Page): Promise<string[]> {
	return (await readTable(page, 'drafts')).map((d) => d.key);
}

test.beforeEach(async ({ page }) => {
	await openControlled(page, '/capture');
});

test('capture online with a circle and details, then find it on its page', async ({
	page,
	form
}) => {
	await form.fill({
		name: 'Maya Chen',
		circle: 'Alumni',
		where: 'Library school mixer',
		organization: 'Riverside Public Library',
		role: 'Systems librarian',
		email: 'maya@example.org',
		link: 'linkedin.com/in/maya-chen'
	});
	await form.saveAndOpen('Maya Chen');
	await expect(page.getByText('Systems librarian at Riverside Public Library')).toBeVisible();
	await expect(page.getByRole('link', { name: 'maya@example.org' })).toHaveAttribute(
		'href',
		'mailto:maya@example.org'
	);
	await expect(page.getByRole('link', { name: 'linkedin.com/in/maya-chen' })).toHaveAttribute(
		'href',
		'https://linkedin.com/in/maya-chen'
	);
	const [stored] = await storedContacts(page);
	expect(stored).toMatchObject({
		name: 'Maya Chen',
		circle: 'alumni',
		organization: 'Riverside Public Library'
	});
});

test('capture offline, with save and add another keeping the place and circle', async ({
	page,
	context,
	form
}) => {
	await goOffline(context, page);
	await page.reload();
	await form.name.fill('Ben Ortiz');
	await form.circle('Events & conferences').check();
	await form.where.fill('Archives fair');
	await form.saveAndAddAnother.click();
	await expect(page.getByText('Saved Ben Ortiz. Next person?')).toBeVisible();
	await expect(form.name).toHaveValue('');
	await expect(form.name).toBeFocused();
	await expect(form.where).toHaveValue('Archives fair');
	await expect(form.circle('Events & conferences')).toBeChecked();
	await form.name.fill('Chloé Martin');
	await form.saveAndOpen('Chloé Martin');
	const names = (await storedContacts(page)).map((c) => c.name).sort();
	expect(names).toEqual(['Ben Ortiz', 'Chloé Martin']);
});

test('save and add another carries the place and circle over without keeping them as a draft', async ({
	page,
	form
}) => {
	await form.name.fill('Ben Ortiz');
	await form.circle('Events & conferences').check();
	await form.where.fill('Archives fair');
	await form.saveAndAddAnother.click();
	await expect(page.getByText('Saved Ben Ortiz. Next person?')).toBeVisible();
	await expect(form.where).toHaveValue('Archives fair');
	// The carried-over values are the new blank form, not something typed: no draft is written.
	// (Such a write would follow the save within milliseconds; give it ample time to show up.)
	await page.waitForTimeout(500);
	await expect(form.draftKept).toBeHidden();
	expect(await storedDraftKeys(page)).toEqual([]);

	await page.reload();
	await expect(form.name).toHaveValue('');
	await page.waitForTimeout(500);
	await expect(page.getByText('Kept from last time')).toBeHidden();
	await expect(form.where).toHaveValue('');

	// Typing the next person is kept as a draft as usual.
	await form.name.fill('Chloé Martin');
	await expect(form.draftKept).toBeVisible();
	// Stored as this tab's capture draft.
	expect(await storedDraftKeys(page)).toEqual([expect.stringMatching(/^capture@/)]);
});

test('clear messages for bad input, and nothing is saved', async ({ page, form }) => {
	await form.name.fill('    ');
	await form.save.click();
	await expect(form.name).toHaveAccessibleDescription(/Add a name/);
	await expect(form.name).toBeFocused();

	await form.name.fill('Evil Link');
	await form.moreDetails.click();
	await form.email.fill('evil@');
	await form.link.fill('javascript:alert(1)');
	await form.save.click();
	await expect(form.email).toHaveAccessibleDescription(/email address/);
	await expect(form.link).toHaveAccessibleDescription(/http/);
	expect(await storedContacts(page)).toEqual([]);
});

test('markup, emoji, right-to-left text and a long note are kept and shown as text', async ({
	page,
	form
}) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	const name = '<img src=x onerror=alert(1)> نور 🌱';
	await form.name.fill(name);
	await form.moreDetails.click();
	await form.organization.fill('<script>alert(2)</script>');
	await form.notes.fill('n'.repeat(10_000));
	await form.save.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(page.getByText('<script>alert(2)</script>')).toBeVisible();
	await expect(page.locator('main img[src="x"]')).toHaveCount(0);
	expect(dialogs).toBe(0);
	const [stored] = await storedContacts(page);
	expect((stored!.notes as string).length).toBe(10_000);
});

test('a draft survives a reload and closing the tab, and is cleared once saved', async ({
	page,
	context,
	form
}) => {
	await form.name.fill('Half Typed');
	await form.circle('Gym').check();
	await expect(form.draftKept).toBeVisible();
	await page.reload();
	await expect(form.name).toHaveValue('Half Typed');
	await expect(form.circle('Gym')).toBeChecked();

	await page.close();
	const again = await context.newPage();
	const againForm = new CapturePage(again);
	await again.goto('/capture');
	await expect(againForm.name).toHaveValue('Half Typed');
	await againForm.saveAndOpen('Half Typed');
	await again.goto('/capture');
	await expect(againForm.name).toHaveValue('');
});

test('a shared profile link pre-fills the form', async ({ page, form }) => {
	await page.goto(
		'/capture?title=' +
			encodeURIComponent('Priya Raman | LinkedIn') +
			'&url=' +
			encodeURIComponent('https://www.linkedin.com/in/priya-raman')
	);
	await expect(form.name).toHaveValue('Priya Raman');
	await expect(form.link).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await expect(page).toHaveURL(/\/capture$/);
});

test('a shared text with a link in it fills the link and the note', async ({ page, form }) => {
	await page.goto(
		'/capture?text=' + encodeURIComponent('Met Priya https://www.linkedin.com/in/priya-raman')
	);
	await expect(form.link).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await expect(form.notes).toHaveValue('Met Priya');
	await expect(form.name).toHaveValue('');
	await expect(page).toHaveURL(/\/capture$/);
	await form.name.fill('Priya Raman');
	await form.saveAndOpen('Priya Raman');
	const [stored] = await storedContacts(page);
	expect(stored).toMatchObject({
		links: ['https://www.linkedin.com/in/priya-raman'],
		notes: 'Met Priya'
	});
});

test('a share never mixes into someone else’s unsaved capture; it waits until the user says', async ({
	page,
	form
}) => {
	await form.name.fill('Maya Chen');
	await expect(form.draftKept).toBeVisible();
	await page.goto(
		'/capture?title=' +
			encodeURIComponent('Priya Raman | LinkedIn') +
			'&url=' +
			encodeURIComponent('https://www.linkedin.com/in/priya-raman')
	);
	const kept = page.getByRole('region', { name: 'Shared, not used yet' });
	await expect(kept).toContainText('Priya Raman');
	await expect(kept).toContainText('https://www.linkedin.com/in/priya-raman');
	await expect(form.name).toHaveValue('Maya Chen');
	await expect(form.link).toHaveCount(0);
	await expect(page).toHaveURL(/\/capture$/);

	// Kept on the device, like a draft.
	await page.reload();
	await expect(kept).toContainText('Priya Raman');
	await expect(kept.getByRole('button', { name: 'Add to Maya Chen' })).toBeVisible();

	// Save Maya first, then use the share for the next person.
	await form.saveAndAddAnother.click();
	await expect(page.getByText('Saved Maya Chen. Next person?')).toBeVisible();
	await kept.getByRole('button', { name: 'Use it' }).click();
	await expect(kept).toHaveCount(0);
	await expect(form.name).toHaveValue('Priya Raman');
	await expect(form.link).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await form.saveAndOpen('Priya Raman');
	const byName = Object.fromEntries((await storedContacts(page)).map((c) => [c.name, c]));
	expect(byName['Maya Chen']).toMatchObject({ links: [] });
	expect(byName['Priya Raman']).toMatchObject({
		links: ['https://www.linkedin.com/in/priya-raman']
	});
});

test('the installed app’s shortcut opens capture', async ({ page, form }) => {
	await page.goto('/capture?source=shortcut');
	await expect(form.name).toBeFocused();
});

test('Enter in the name field saves like the highlighted Save button', async ({ page, form }) => {
	await form.name.fill('Enter Key');
	await form.name.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Enter Key' })).toBeVisible();
	await expect(page).toHaveURL(/\/contacts\/[^/]+$/);
	expect((await storedContacts(page)).map((c) => c.name)).toEqual(['Enter Key']);
});

test('quick saves show one message at a time, above the Save bar', async ({ page, form }) => {
	for (const name of ['First Person', 'Second Person']) {
		await form.name.fill(name);
		await form.saveAndAddAnother.click();
		await expect(page.getByText(`Saved ${name}. Next person?`)).toBeVisible();
	}
	await expect(page.getByText(/^Saved .*\. Next person\?$/)).toHaveCount(1);
	const toast = await page
		.getByText('Saved Second Person. Next person?')
		.locator('..')
		.boundingBox();
	const save = await form.save.boundingBox();
	const another = await form.saveAndAddAnother.boundingBox();
	// The message ends above both buttons, so they stay in reach while it shows.
	expect(toast!.y + toast!.height).toBeLessThanOrEqual(Math.min(save!.y, another!.y));
	await form.name.fill('Third Person');
	await form.saveAndOpen('Third Person');
});

test('an unsaved capture is offered on Today and kept with a clear way to start over', async ({
	page,
	form
}) => {
	await form.name.fill('Half Typed');
	await expect(form.draftKept).toBeVisible();

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByText('You have an unsaved contact: Half Typed')).toBeVisible();
	await page.getByRole('link', { name: 'Finish it: Half Typed' }).click();
	await expect(form.name).toHaveValue('Half Typed');

	// Back on Capture the form says, near the top, that this was not saved yet.
	const notice = page.getByRole('region', { name: /Kept from last time, not saved yet/ });
	await expect(notice).toBeVisible();
	const noticeBox = await notice.boundingBox();
	const nameBox = await form.name.boundingBox();
	expect(noticeBox!.y).toBeLessThan(nameBox!.y);
	await notice.getByRole('button', { name: 'Clear form' }).click();
	const dialog = page.getByRole('dialog', { name: 'Clear this form?' });
	await dialog.getByRole('button', { name: 'Clear' }).click();
	await expect(dialog).toBeHidden();
	await expect(form.name).toHaveValue('');
	await expect(notice).toHaveCount(0);
	expect(await storedDraftKeys(page)).toEqual([]);

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await expect(page.getByText('You have an unsaved contact')).toHaveCount(0);
});
