import { readFile, writeFile } from 'node:fs/promises';
import { expect, test as base, type Page } from '@playwright/test';
import { capture, goOffline, openControlled } from './support/app';
import { storedContacts } from './support/db';
import { BackupSettings } from './support/pages/backup';
import { ContactPage } from './support/pages/contact';
import { ContactsPage } from './support/pages/contacts';

const test = base.extend<{ settings: BackupSettings }>({
	settings: async ({ page }, use) => use(new BackupSettings(page))
});

/** Deletes all data from Settings; nothing of Kith's is left in IndexedDB or localStorage. */
async function deleteAll(page: Page, settings: BackupSettings, contacts: number) {
	// A draft copy kept aside while the database was closed, and the reminder's snooze.
	await page.evaluate(() => {
		localStorage.setItem('kith:draft:capture', JSON.stringify({ values: {}, updatedAt: 1 }));
		localStorage.setItem('kith.backupReminderDismissedAt', String(Date.now()));
	});
	await settings.deleteEverything(contacts);
	await expect.poll(async () => (await storedContacts(page)).length).toBe(0);
	const leftOver = await page.evaluate(() =>
		Object.keys(localStorage).filter((k) => k.startsWith('kith'))
	);
	expect(leftOver).toEqual([]);
}

test('back up, delete everything, and restore it all, offline', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/settings');
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
	await capture(page, 'Rosa Backupfield', { organization: 'Harbour Library' });
	const rosa = new ContactPage(page);
	await rosa.edit.click();
	await rosa.role.fill('Map curator');
	await rosa.saveChanges.click();
	await expect(rosa.heading('Rosa Backupfield')).toBeVisible();
	await expect(page.getByText('Map curator')).toBeVisible();
	await goOffline(context, page);

	const before = await storedContacts(page);
	const live = before.filter((c) => c.deletedAt === undefined).length;
	expect(before.length).toBeGreaterThan(20);

	await settings.open();
	await expect(settings.lastBackup).toHaveText('No backup made yet.');
	const path = info.outputPath('backup.json');
	const name = await settings.backUp(path);
	expect(name).toMatch(/^kith-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const file = JSON.parse(await readFile(path, 'utf8')) as {
		tables: { contacts: Array<Record<string, unknown>> };
	};
	expect(file.tables.contacts).toHaveLength(before.length);
	expect(file.tables.contacts.find((c) => c.name === 'Rosa Backupfield')?.role).toBe('Map curator');

	await deleteAll(page, settings, before.length);
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toBeVisible();

	await settings.open();
	await settings.backupFile.setInputFiles(path);
	await expect(settings.preview).toContainText(`${live} contacts`);
	await expect(settings.restore).toContainText('Made on');
	await expect(settings.restore).toContainText(/Kith version\s*\d+\.\d+\.\d+/);
	// Nothing is written before the choice.
	expect(await storedContacts(page)).toHaveLength(0);
	await settings.replaceEverything();
	await expect(settings.restoreCounts).toContainText(`Contacts: ${before.length} added`);

	expect(await storedContacts(page)).toHaveLength(before.length);
	const contacts = new ContactsPage(page);
	await contacts.open();
	await expect(contacts.listed).toHaveCount(live);
	await contacts.search.fill('map cura');
	await expect(contacts.listed).toHaveCount(1);
	await expect(contacts.listed.first()).toContainText('Rosa Backupfield');
	// The sample data is known as sample data again.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByText('You are looking at sample contacts.')).toBeVisible();
});

test('a backup locked with a passphrase opens only with it', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/');
	await capture(page, 'Lena Lockwood', { organization: 'Quiet Archive' });
	await goOffline(context, page);
	await settings.open();

	// The passphrase typed twice must match; otherwise nothing is made.
	await settings.passphrase.fill('river stone 42');
	await settings.passphraseAgain.fill('river stone 24');
	await settings.backUpNow.click();
	await expect(page.getByRole('alert')).toContainText('The two passphrases are not the same');
	await expect(settings.lastBackup).toHaveText('No backup made yet.');
	await page.getByLabel('Show the passphrase').first().check();
	await expect(settings.passphrase).toHaveAttribute('type', 'text');

	const path = info.outputPath('locked.json');
	const name = await settings.backUp(path, 'river stone 42');
	expect(name).toMatch(/^kith-backup-\d{4}-\d{2}-\d{2}-locked\.json$/);
	expect(await readFile(path, 'utf8')).not.toContain('Lena Lockwood');

	await deleteAll(page, settings, 1);
	await settings.backupFile.setInputFiles(path);
	await expect(settings.restore).toContainText('is locked with a passphrase');
	await settings.passphraseForBackup.fill('river stone 24');
	await settings.openBackup.click();
	await expect(settings.restore.getByRole('alert')).toHaveText(
		'That passphrase does not open this backup. Check it (capitals, spaces) and try again.'
	);
	expect(await storedContacts(page)).toHaveLength(0);

	await settings.passphraseForBackup.fill('river stone 42');
	await settings.openBackup.click();
	await expect(settings.preview).toContainText('1 contact');
	await expect(settings.restore).toContainText('Yes, with a passphrase');
	await expect(settings.restore.getByRole('alert')).toHaveCount(0);
	await settings.replaceEverything();
	expect((await storedContacts(page)).map((c) => c.name)).toEqual(['Lena Lockwood']);
});

test('a file that is not a backup, or is from a newer Kith, is refused and changes nothing', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/');
	await capture(page, 'Nadia Keepsake');
	await goOffline(context, page);
	await settings.open();
	const before = await storedContacts(page);
	const alert = settings.restore.getByRole('alert');

	await settings.backupFile.setInputFiles({
		name: 'shopping.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"milk": 2, "eggs": 12}')
	});
	await expect(alert).toHaveText('This is not a Kith backup. Nothing on this phone changed.');
	await settings.backupFile.setInputFiles({
		name: 'half.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "kith-backup", "tabl')
	});
	await expect(alert).toContainText('it is not valid JSON');
	await expect(settings.preview).toHaveCount(0);

	// A backup written by a newer Kith.
	const path = info.outputPath('backup.json');
	await settings.backUp(path);
	const doc = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number };
	doc.schemaVersion = 999;
	const newer = info.outputPath('newer.json');
	await writeFile(newer, JSON.stringify(doc));
	await settings.backupFile.setInputFiles(newer);
	await expect(alert).toContainText('This backup was made by a newer version of Kith');
	await expect(alert).toContainText('Nothing on this phone changed.');
	await expect(settings.preview).toHaveCount(0);
	expect(await storedContacts(page)).toEqual(before);

	// Merging this phone's own backup back in changes nothing either.
	await settings.backupFile.setInputFiles(path);
	await settings.restoreButton.click();
	await expect(settings.restoreCounts).toContainText('Contacts: 1 already here');
	expect(await storedContacts(page)).toEqual(before);
});
