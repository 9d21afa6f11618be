import { expect, test, type Page } from '@playwright/test';
import { goOffline, openControlled, storedContacts } from './support/app';

/** The keys of the drafts stored in IndexedDB right now. */
function storedDraftKeys(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('kith');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('drafts').objectStore('drafts').getAllKeys();
					req.onsuccess = () => {
						db.close();
						resolve(req.result.map(String));
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

test.beforeEach(async ({ page }) => {
	await openControlled(page, '/capture');
});

test('capture online with a circle and details, then find it on its page', async ({ page }) => {
	await page.getByLabel('Name').fill('Maya Chen');
	await page.getByRole('radio', { name: 'Alumni' }).check();
	await page.getByLabel('Where or how you met').fill('Library school mixer');
	await page.getByRole('button', { name: /more details/i }).click();
	await page.getByLabel('Organisation').fill('Riverside Public Library');
	await page.getByLabel('Role').fill('Systems librarian');
	await page.getByLabel('Email').fill('maya@example.org');
	await page.getByLabel('Link').fill('linkedin.com/in/maya-chen');
	await page.getByRole('button', { name: 'Save', exact: true }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeVisible();
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
	context
}) => {
	await goOffline(context, page);
	await page.reload();
	await page.getByLabel('Name').fill('Ben Ortiz');
	await page.getByRole('radio', { name: 'Events & conferences' }).check();
	await page.getByLabel('Where or how you met').fill('Archives fair');
	await page.getByRole('button', { name: 'Save and add another' }).click();
	await expect(page.getByText('Saved Ben Ortiz. Next person?')).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveValue('');
	await expect(page.getByLabel('Name')).toBeFocused();
	await expect(page.getByLabel('Where or how you met')).toHaveValue('Archives fair');
	await expect(page.getByRole('radio', { name: 'Events & conferences' })).toBeChecked();
	await page.getByLabel('Name').fill('Chloé Martin');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Chloé Martin' })).toBeVisible();
	const names = (await storedContacts(page)).map((c) => c.name).sort();
	expect(names).toEqual(['Ben Ortiz', 'Chloé Martin']);
});

test('save and add another carries the place and circle over without keeping them as a draft', async ({
	page
}) => {
	await page.getByLabel('Name').fill('Ben Ortiz');
	await page.getByRole('radio', { name: 'Events & conferences' }).check();
	await page.getByLabel('Where or how you met').fill('Archives fair');
	await page.getByRole('button', { name: 'Save and add another' }).click();
	await expect(page.getByText('Saved Ben Ortiz. Next person?')).toBeVisible();
	await expect(page.getByLabel('Where or how you met')).toHaveValue('Archives fair');
	// The carried-over values are the new blank form, not something typed: no draft is written.
	// (Such a write would follow the save within milliseconds; give it ample time to show up.)
	await page.waitForTimeout(500);
	await expect(page.getByText('Draft kept on this device')).toBeHidden();
	expect(await storedDraftKeys(page)).toEqual([]);

	await page.reload();
	await expect(page.getByLabel('Name')).toHaveValue('');
	await page.waitForTimeout(500);
	await expect(page.getByText('Kept from last time')).toBeHidden();
	await expect(page.getByLabel('Where or how you met')).toHaveValue('');

	// Typing the next person is kept as a draft as usual.
	await page.getByLabel('Name').fill('Chloé Martin');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();
	expect(await storedDraftKeys(page)).toEqual(['capture']);
});

test('clear messages for bad input, and nothing is saved', async ({ page }) => {
	await page.getByLabel('Name').fill('    ');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByLabel('Name')).toHaveAccessibleDescription(/Add a name/);
	await expect(page.getByLabel('Name')).toBeFocused();

	await page.getByLabel('Name').fill('Evil Link');
	await page.getByRole('button', { name: /more details/i }).click();
	await page.getByLabel('Email').fill('evil@');
	await page.getByLabel('Link').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/email address/);
	await expect(page.getByLabel('Link')).toHaveAccessibleDescription(/http/);
	expect(await storedContacts(page)).toEqual([]);
});

test('markup, emoji, right-to-left text and a long note are kept and shown as text', async ({
	page
}) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	const name = '<img src=x onerror=alert(1)> نور 🌱';
	await page.getByLabel('Name').fill(name);
	await page.getByRole('button', { name: /more details/i }).click();
	await page.getByLabel('Organisation').fill('<script>alert(2)</script>');
	await page.getByLabel('Notes').fill('n'.repeat(10_000));
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(page.getByText('<script>alert(2)</script>')).toBeVisible();
	await expect(page.locator('main img[src="x"]')).toHaveCount(0);
	expect(dialogs).toBe(0);
	const [stored] = await storedContacts(page);
	expect((stored!.notes as string).length).toBe(10_000);
});

test('a draft survives a reload and closing the tab, and is cleared once saved', async ({
	page,
	context
}) => {
	await page.getByLabel('Name').fill('Half Typed');
	await page.getByRole('radio', { name: 'Gym' }).check();
	await expect(page.getByText('Draft kept on this device')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Name')).toHaveValue('Half Typed');
	await expect(page.getByRole('radio', { name: 'Gym' })).toBeChecked();

	await page.close();
	const again = await context.newPage();
	await again.goto('/capture');
	await expect(again.getByLabel('Name')).toHaveValue('Half Typed');
	await again.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(again.getByRole('heading', { level: 1, name: 'Half Typed' })).toBeVisible();
	await again.goto('/capture');
	await expect(again.getByLabel('Name')).toHaveValue('');
});

test('a shared profile link pre-fills the form', async ({ page }) => {
	await page.goto(
		'/capture?title=' +
			encodeURIComponent('Priya Raman | LinkedIn') +
			'&url=' +
			encodeURIComponent('https://www.linkedin.com/in/priya-raman')
	);
	await expect(page.getByLabel('Name')).toHaveValue('Priya Raman');
	await expect(page.getByLabel('Link')).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await expect(page).toHaveURL(/\/capture$/);
});

test('a shared text with a link in it fills the link and the note', async ({ page }) => {
	await page.goto(
		'/capture?text=' + encodeURIComponent('Met Priya https://www.linkedin.com/in/priya-raman')
	);
	await expect(page.getByLabel('Link')).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await expect(page.getByLabel('Notes')).toHaveValue('Met Priya');
	await expect(page.getByLabel('Name')).toHaveValue('');
	await expect(page).toHaveURL(/\/capture$/);
	await page.getByLabel('Name').fill('Priya Raman');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
	const [stored] = await storedContacts(page);
	expect(stored).toMatchObject({
		links: ['https://www.linkedin.com/in/priya-raman'],
		notes: 'Met Priya'
	});
});

test('a share never mixes into someone else’s unsaved capture; it waits until the user says', async ({
	page
}) => {
	await page.getByLabel('Name').fill('Maya Chen');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();
	await page.goto(
		'/capture?title=' +
			encodeURIComponent('Priya Raman | LinkedIn') +
			'&url=' +
			encodeURIComponent('https://www.linkedin.com/in/priya-raman')
	);
	const kept = page.getByRole('region', { name: 'Shared, not used yet' });
	await expect(kept).toContainText('Priya Raman');
	await expect(kept).toContainText('https://www.linkedin.com/in/priya-raman');
	await expect(page.getByLabel('Name')).toHaveValue('Maya Chen');
	await expect(page.getByLabel('Link')).toHaveCount(0);
	await expect(page).toHaveURL(/\/capture$/);

	// Kept on the device, like a draft.
	await page.reload();
	await expect(kept).toContainText('Priya Raman');
	await expect(kept.getByRole('button', { name: 'Add to Maya Chen' })).toBeVisible();

	// Save Maya first, then use the share for the next person.
	await page.getByRole('button', { name: 'Save and add another' }).click();
	await expect(page.getByText('Saved Maya Chen. Next person?')).toBeVisible();
	await kept.getByRole('button', { name: 'Use it' }).click();
	await expect(kept).toHaveCount(0);
	await expect(page.getByLabel('Name')).toHaveValue('Priya Raman');
	await expect(page.getByLabel('Link')).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
	const byName = Object.fromEntries((await storedContacts(page)).map((c) => [c.name, c]));
	expect(byName['Maya Chen']).toMatchObject({ links: [] });
	expect(byName['Priya Raman']).toMatchObject({
		links: ['https://www.linkedin.com/in/priya-raman']
	});
});

test('the installed app’s shortcut opens capture', async ({ page }) => {
	await page.goto('/capture?source=shortcut');
	await expect(page.getByLabel('Name')).toBeFocused();
});

test('Enter in the name field saves like the highlighted Save button', async ({ page }) => {
	await page.getByLabel('Name').fill('Enter Key');
	await page.getByLabel('Name').press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Enter Key' })).toBeVisible();
	await expect(page).toHaveURL(/\/contacts\/[^/]+$/);
	expect((await storedContacts(page)).map((c) => c.name)).toEqual(['Enter Key']);
});

test('quick saves show one message at a time, above the Save bar', async ({ page }) => {
	for (const name of ['First Person', 'Second Person']) {
		await page.getByLabel('Name').fill(name);
		await page.getByRole('button', { name: 'Save and add another' }).click();
		await expect(page.getByText(`Saved ${name}. Next person?`)).toBeVisible();
	}
	await expect(page.getByText(/^Saved .*\. Next person\?$/)).toHaveCount(1);
	const toast = await page
		.getByText('Saved Second Person. Next person?')
		.locator('..')
		.boundingBox();
	const save = await page.getByRole('button', { name: 'Save', exact: true }).boundingBox();
	const another = await page.getByRole('button', { name: 'Save and add another' }).boundingBox();
	// The message ends above both buttons, so they stay in reach while it shows.
	expect(toast!.y + toast!.height).toBeLessThanOrEqual(Math.min(save!.y, another!.y));
	await page.getByLabel('Name').fill('Third Person');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Third Person' })).toBeVisible();
});

test('an unsaved capture is offered on Today and kept with a clear way to start over', async ({
	page
}) => {
	await page.getByLabel('Name').fill('Half Typed');
	await expect(page.getByText('Draft kept on this device')).toBeVisible();

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByText('You have an unsaved contact: Half Typed')).toBeVisible();
	await page.getByRole('link', { name: 'Finish it: Half Typed' }).click();
	await expect(page.getByLabel('Name')).toHaveValue('Half Typed');

	// Back on Capture the form says, near the top, that this was not saved yet.
	const notice = page.getByRole('region', { name: /Kept from last time, not saved yet/ });
	await expect(notice).toBeVisible();
	const noticeBox = await notice.boundingBox();
	const nameBox = await page.getByLabel('Name').boundingBox();
	expect(noticeBox!.y).toBeLessThan(nameBox!.y);
	await notice.getByRole('button', { name: 'Clear form' }).click();
	const dialog = page.getByRole('dialog', { name: 'Clear this form?' });
	await dialog.getByRole('button', { name: 'Clear' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByLabel('Name')).toHaveValue('');
	await expect(notice).toHaveCount(0);
	expect(await storedDraftKeys(page)).toEqual([]);

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await expect(page.getByText('You have an unsaved contact')).toHaveCount(0);
});
