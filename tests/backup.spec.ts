import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { capture, goOffline, openControlled, storedContacts } from './support/app';

async function openSettings(page: Page) {
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Back up and restore' })).toBeVisible();
}

/** Backs up from Settings and saves the downloaded file at `path`. */
async function backUp(page: Page, path: string, passphrase?: string): Promise<string> {
	if (passphrase !== undefined) {
		await page.getByLabel('Passphrase (optional)').fill(passphrase);
		await page.getByLabel('Passphrase again').fill(passphrase);
	}
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up now' }).click();
	const file = await download;
	await file.saveAs(path);
	await expect(page.getByText('Backed up just now.')).toBeVisible();
	await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
	return file.suggestedFilename();
}

async function deleteAll(page: Page, contacts: number) {
	// A draft copy kept aside while the database was closed, and the reminder's snooze.
	await page.evaluate(() => {
		localStorage.setItem('kith:draft:capture', JSON.stringify({ values: {}, updatedAt: 1 }));
		localStorage.setItem('kith.backupReminderDismissedAt', String(Date.now()));
	});
	await page.getByRole('button', { name: 'Delete all data' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete all data?' });
	await expect(dialog).toContainText(`All ${contacts} contact`);
	await expect(dialog).toContainText('Back up first');
	await dialog.getByRole('button', { name: 'Delete everything' }).click();
	await expect(dialog).toBeHidden();
	await expect.poll(async () => (await storedContacts(page)).length).toBe(0);
	const leftOver = await page.evaluate(() =>
		Object.keys(localStorage).filter((k) => k.startsWith('kith'))
	);
	expect(leftOver).toEqual([]);
}

function restoreSection(page: Page) {
	return page.getByRole('heading', { name: 'Restore', exact: true }).locator('..');
}

async function replaceFromPreview(page: Page) {
	await page.getByRole('radio', { name: /Replace everything on this phone/ }).check();
	await page.getByRole('button', { name: 'Restore', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Replace everything on this phone?' });
	await expect(dialog).toContainText('cannot be undone');
	await dialog.getByRole('button', { name: 'Replace everything' }).click();
	await expect(page.getByText('Restored.', { exact: true })).toBeVisible();
}

test('back up, delete everything, and restore it all, offline', async ({ page, context }, info) => {
	await openControlled(page, '/settings');
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
	await capture(page, 'Rosa Backupfield', { organization: 'Harbour Library' });
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Role').fill('Map curator');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Rosa Backupfield' })).toBeVisible();
	await expect(page.getByText('Map curator')).toBeVisible();
	await goOffline(context, page);

	const before = await storedContacts(page);
	const live = before.filter((c) => c.deletedAt === undefined).length;
	expect(before.length).toBeGreaterThan(20);

	await openSettings(page);
	await expect(page.getByTestId('last-backup')).toHaveText('No backup made yet.');
	const path = info.outputPath('backup.json');
	const name = await backUp(page, path);
	expect(name).toMatch(/^kith-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const file = JSON.parse(await readFile(path, 'utf8')) as {
		tables: { contacts: Array<Record<string, unknown>> };
	};
	expect(file.tables.contacts).toHaveLength(before.length);
	expect(file.tables.contacts.find((c) => c.name === 'Rosa Backupfield')?.role).toBe('Map curator');

	await deleteAll(page, before.length);
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();

	await openSettings(page);
	await page.getByLabel('Backup file').setInputFiles(path);
	const preview = page.getByTestId('backup-preview');
	await expect(preview).toContainText(`${live} contacts`);
	await expect(restoreSection(page)).toContainText('Made on');
	await expect(restoreSection(page)).toContainText(/Kith version\s*\d+\.\d+\.\d+/);
	// Nothing is written before the choice.
	expect(await storedContacts(page)).toHaveLength(0);
	await replaceFromPreview(page);
	await expect(page.getByTestId('restore-counts')).toContainText(
		`Contacts: ${before.length} added`
	);

	expect(await storedContacts(page)).toHaveLength(before.length);
	await page.getByRole('link', { name: 'Contacts', exact: true }).click();
	const list = page.getByRole('list', { name: 'Contacts' }).getByRole('link');
	await expect(list).toHaveCount(live);
	await page.getByLabel('Search contacts').fill('map cura');
	await expect(list).toHaveCount(1);
	await expect(list.first()).toContainText('Rosa Backupfield');
	// The sample data is known as sample data again.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByText('You are looking at sample contacts.')).toBeVisible();
});

test('a backup locked with a passphrase opens only with it', async ({ page, context }, info) => {
	await openControlled(page, '/');
	await capture(page, 'Lena Lockwood', { organization: 'Quiet Archive' });
	await goOffline(context, page);
	await openSettings(page);

	// The passphrase typed twice must match; otherwise nothing is made.
	await page.getByLabel('Passphrase (optional)').fill('river stone 42');
	await page.getByLabel('Passphrase again').fill('river stone 24');
	await page.getByRole('button', { name: 'Back up now' }).click();
	await expect(page.getByRole('alert')).toContainText('The two passphrases are not the same');
	await expect(page.getByTestId('last-backup')).toHaveText('No backup made yet.');
	await page.getByLabel('Show the passphrase').first().check();
	await expect(page.getByLabel('Passphrase (optional)')).toHaveAttribute('type', 'text');

	const path = info.outputPath('locked.json');
	const name = await backUp(page, path, 'river stone 42');
	expect(name).toMatch(/^kith-backup-\d{4}-\d{2}-\d{2}-locked\.json$/);
	expect(await readFile(path, 'utf8')).not.toContain('Lena Lockwood');

	await deleteAll(page, 1);
	await page.getByLabel('Backup file').setInputFiles(path);
	await expect(restoreSection(page)).toContainText('is locked with a passphrase');
	await page.getByLabel('Passphrase for this backup').fill('river stone 24');
	await page.getByRole('button', { name: 'Open the backup' }).click();
	await expect(restoreSection(page).getByRole('alert')).toHaveText(
		'That passphrase does not open this backup. Check it (capitals, spaces) and try again.'
	);
	expect(await storedContacts(page)).toHaveLength(0);

	await page.getByLabel('Passphrase for this backup').fill('river stone 42');
	await page.getByRole('button', { name: 'Open the backup' }).click();
	await expect(page.getByTestId('backup-preview')).toContainText('1 contact');
	await expect(restoreSection(page)).toContainText('Yes, with a passphrase');
	await expect(restoreSection(page).getByRole('alert')).toHaveCount(0);
	await replaceFromPreview(page);
	expect((await storedContacts(page)).map((c) => c.name)).toEqual(['Lena Lockwood']);
});

test('a file that is not a backup, or is from a newer Kith, is refused and changes nothing', async ({
	page,
	context
}, info) => {
	await openControlled(page, '/');
	await capture(page, 'Nadia Keepsake');
	await goOffline(context, page);
	await openSettings(page);
	const before = await storedContacts(page);
	const alert = restoreSection(page).getByRole('alert');

	await page.getByLabel('Backup file').setInputFiles({
		name: 'shopping.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"milk": 2, "eggs": 12}')
	});
	await expect(alert).toHaveText('This is not a Kith backup. Nothing on this phone changed.');
	await page.getByLabel('Backup file').setInputFiles({
		name: 'half.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "kith-backup", "tabl')
	});
	await expect(alert).toContainText('it is not valid JSON');
	await expect(page.getByTestId('backup-preview')).toHaveCount(0);

	// A backup written by a newer Kith.
	const path = info.outputPath('backup.json');
	await backUp(page, path);
	const doc = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number };
	doc.schemaVersion = 999;
	const newer = info.outputPath('newer.json');
	await writeFile(newer, JSON.stringify(doc));
	await page.getByLabel('Backup file').setInputFiles(newer);
	await expect(alert).toContainText('This backup was made by a newer version of Kith');
	await expect(alert).toContainText('Nothing on this phone changed.');
	await expect(page.getByTestId('backup-preview')).toHaveCount(0);
	expect(await storedContacts(page)).toEqual(before);

	// Merging this phone's own backup back in changes nothing either.
	await page.getByLabel('Backup file').setInputFiles(path);
	await page.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(page.getByTestId('restore-counts')).toContainText('Contacts: 1 already here');
	expect(await storedContacts(page)).toEqual(before);
});
