import { expect, test, type Page } from '@playwright/test';
import { capture, openControlled, storedContacts } from './support/app';

/** Makes every write to IndexedDB fail as on a full phone, or lets writes through again. */
async function failWrites(page: Page, fail: boolean) {
	await page.evaluate((on) => {
		const w = window as unknown as { __put?: typeof IDBObjectStore.prototype.put };
		w.__put ??= IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = on
			? function () {
					throw new DOMException('The disk is full.', 'QuotaExceededError');
				}
			: w.__put;
	}, fail);
}

function dueList(page: Page) {
	return page.getByRole('heading', { name: 'Follow-ups due' }).locator('..').getByRole('listitem');
}

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
	const firstName = (await due.first().getByRole('link').first().textContent())!.trim();
	await due
		.first()
		.getByRole('button', { name: `Done with ${firstName}` })
		.click();
	await expect(due).toHaveCount(before - 1);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(due).toHaveCount(before);
	await due
		.first()
		.getByRole('button', { name: /Next week/ })
		.click();
	await expect(due).toHaveCount(before - 1);

	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('link')).not.toHaveCount(0);
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await page.getByRole('button', { name: 'Remove sample data' }).click();
	const dialog = page.getByRole('dialog', { name: 'Remove the sample data?' });
	await dialog.getByRole('button', { name: 'Remove sample data' }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();
});

test('the welcome is painted once, before the database code, and stays when the rest of Today loads', async ({
	page
}) => {
	// Every welcome paragraph put into the page, and whether its sample-data button could be used
	// yet: that button waits for the database code, so a disabled one means it was drawn before.
	await page.addInitScript(() => {
		const seen: { early: boolean }[] = [];
		(window as unknown as { __welcomes: typeof seen }).__welcomes = seen;
		new MutationObserver((records) => {
			for (const r of records)
				for (const node of r.addedNodes) {
					if (!(node instanceof Element)) continue;
					for (const p of [node, ...node.querySelectorAll('p')]) {
						if (p.tagName !== 'P' || !p.textContent?.includes('Most jobs are filled')) continue;
						const button = [...document.querySelectorAll('button')].find(
							(b) => b.textContent?.trim() === 'Try with sample data'
						);
						seen.push({ early: button?.disabled === true });
					}
				}
		}).observe(document, { childList: true, subtree: true });
	});
	const welcomes = () =>
		page.evaluate(() => (window as unknown as { __welcomes: { early: boolean }[] }).__welcomes);
	const ready = page.getByRole('button', { name: 'Try with sample data' });

	// A first visit (no database), then a visit with a database but nobody in it yet.
	await page.goto('/');
	await expect(ready).toBeEnabled();
	expect(await welcomes()).toEqual([{ early: true }]);
	await page.reload();
	await expect(ready).toBeEnabled();
	expect(await welcomes()).toEqual([{ early: true }]);
	await expect(page.getByRole('main').getByRole('link', { name: /^Capture/ })).toHaveCount(1);

	// Once somebody is in, the welcome goes, and comes back only when nobody is.
	await ready.click();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	expect(await welcomes()).toEqual([]);
});

test('removing the sample data asks first, says what goes, and cancelling keeps it', async ({
	page
}) => {
	await openControlled(page, '/');
	await capture(page, 'My Own Contact');
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
	const all = (await storedContacts(page)).length;
	expect(all).toBeGreaterThan(20);

	// On Today, after changing one sample contact.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	const first = dueList(page).first();
	const name = (await first.getByRole('link').first().textContent())!.trim();
	await first.getByRole('button', { name: `Done with ${name}` }).click();
	await expect(page.getByText(`Marked ${name} as done.`)).toBeVisible();
	await page.getByRole('button', { name: 'Remove sample data' }).click();
	const dialog = page.getByRole('dialog', { name: 'Remove the sample data?' });
	await expect(dialog).toContainText(`${all - 1} sample contacts will be deleted for good`);
	await expect(dialog).toContainText('including 1 you changed');
	await expect(dialog).toContainText('Your own contacts stay');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('You are looking at sample contacts.')).toBeVisible();
	expect(await storedContacts(page)).toHaveLength(all);

	// The same in Settings; this time say yes.
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('button', { name: 'Remove sample data' }).click();
	await expect(dialog).toContainText(`${all - 1} sample contacts will be deleted for good`);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
	expect(await storedContacts(page)).toHaveLength(all);
	await page.getByRole('button', { name: 'Remove sample data' }).click();
	await dialog.getByRole('button', { name: 'Remove sample data' }).click();
	await expect(page.getByRole('button', { name: 'Add sample data' })).toBeVisible();
	expect((await storedContacts(page)).map((c) => c.name)).toEqual(['My Own Contact']);
});

test('a failed action says so, and so does a failed Undo', async ({ page }) => {
	await openControlled(page, '/');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await expect(dueList(page).first()).toBeVisible();
	const before = await dueList(page).count();
	const name = (await dueList(page).first().getByRole('link').first().textContent())!.trim();

	const failed = page.getByText(/no room left for Kith to make this change, so nothing changed/);
	await failWrites(page, true);
	await page.getByRole('button', { name: `Done with ${name}` }).click();
	await expect(failed).toBeVisible();
	await expect(dueList(page)).toHaveCount(before);
	await failed.locator('..').getByRole('button', { name: 'Dismiss message' }).click();
	await expect(failed).toHaveCount(0);

	await failWrites(page, false);
	await page.getByRole('button', { name: `Done with ${name}` }).click();
	await expect(dueList(page)).toHaveCount(before - 1);
	await failWrites(page, true);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(failed).toBeVisible();
	await expect(dueList(page)).toHaveCount(before - 1);
});

test('when the data cannot be read, screens say so instead of looking empty', async ({ page }) => {
	// The database opens, but nothing can be read from it.
	await page.addInitScript(() => {
		const fail = () => {
			throw new DOMException('The disk could not be read.', 'NotReadableError');
		};
		for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype])
			for (const m of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'])
				Object.defineProperty(proto, m, { value: fail });
	});
	const message = 'Kith could not read your data just now. Reload the page to try again.';
	await page.goto('/');
	await expect(page.getByRole('alert')).toHaveText(message);
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Try with sample data' })).toHaveCount(0);

	await page.goto('/contacts/trash');
	await expect(page.getByRole('alert')).toHaveText(message);
	await expect(page.getByText('The trash is empty')).toHaveCount(0);

	await page.goto('/contacts/some-contact');
	await expect(page.getByRole('alert')).toHaveText(message);
	await expect(page.getByText('This contact is not here')).toHaveCount(0);

	await page.goto('/contacts/some-contact/edit');
	await expect(page.getByRole('alert')).toHaveText(message);

	await page.goto('/settings');
	await expect(page.getByRole('alert')).toHaveText(message);
	await expect(page.getByRole('button', { name: /sample data/ })).toHaveCount(0);
});

test('settings show storage, persistence and the version, and link to About', async ({ page }) => {
	await openControlled(page, '/settings');
	await expect(page.getByText('Used by Kith')).toBeVisible();
	await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
	await expect(page.getByText('Kept for good')).toBeVisible();
	// Free space is what is left of the quota, not the quota itself.
	const free = await page.getByTestId('storage-free').textContent();
	expect(free).toMatch(/^\d+(\.\d)? (B|KB|MB|GB|TB)$/);
	await expect(page.getByText('Free for Kith')).toBeVisible();
	await page.getByRole('link', { name: 'About Kith and your privacy' }).click();
	await expect(page.getByRole('heading', { name: 'Your data stays on this device' })).toBeVisible();
});

test('after Done or Next week, the focus moves on to the next person, then to the heading', async ({
	page
}) => {
	await openControlled(page, '/');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await expect(dueList(page).nth(2)).toBeVisible();
	// Each item links the person's name, and an Open icon with no text.
	const names = (await dueList(page).getByRole('link').allTextContents())
		.map((n) => n.trim())
		.filter((n) => n !== '');

	await page.getByRole('button', { name: `Done with ${names[0]}` }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: names[1], exact: true })).toBeFocused();

	await page.getByRole('button', { name: `Next week for ${names[1]}` }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('link', { name: names[2], exact: true })).toBeFocused();
});

test('when the last follow-up is done, the focus goes to the section heading', async ({ page }) => {
	const today = await page.evaluate(() => {
		const d = new Date();
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
	});
	await openControlled(page, '/capture');
	await page.getByLabel('Name').fill('Only One');
	await page.getByRole('button', { name: /more details/i }).click();
	await page.getByLabel('Follow up on').fill(today);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Only One' })).toBeVisible();
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await page.getByRole('button', { name: 'Done with Only One' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Nobody is waiting on you today.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeFocused();
});

test('Today reminds to back up once there are contacts, until a backup or "not now"', async ({
	page
}) => {
	await openControlled(page, '/');
	const reminder = page.getByRole('region', { name: 'Back up your network' });
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();
	await expect(reminder).toHaveCount(0);

	await capture(page, 'Remi Minder');
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(reminder).toBeVisible();

	// "Not now" puts it off for a week, across reloads.
	await reminder.getByRole('button', { name: /Not now/ }).click();
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(reminder).toHaveCount(0);
	// Eight days later it asks again.
	await page.evaluate(() =>
		localStorage.setItem(
			'kith.backupReminderDismissedAt',
			String(Date.now() - 8 * 24 * 60 * 60 * 1000)
		)
	);
	await page.reload();
	await expect(reminder).toBeVisible();

	// Its link leads to the backup section; after a backup it is gone.
	await reminder.getByRole('link', { name: 'Back up now' }).click();
	await expect(page).toHaveURL(/\/settings#backup$/);
	await expect(page.getByRole('heading', { name: 'Back up and restore' })).toBeInViewport();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up now' }).click();
	await download;
	await expect(page.getByText('Backed up just now.')).toBeVisible();
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(reminder).toHaveCount(0);
});
