import { readFile, writeFile } from 'node:fs/promises';
import { expect, test as base, type Page } from '@playwright/test';
import { capture, goOffline, openControlled } from './support/app';
import { readTables, storedContacts } from './support/db';
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

type BackupDoc = {
	exportedAt: string;
	tables: Record<
		'contacts' | 'interactions' | 'drafts' | 'settings',
		Array<Record<string, unknown>>
	>;
};

/** Backs up this phone, lets `change` edit the file's JSON, and writes the edited copy; its path. */
async function editedBackup(
	settings: BackupSettings,
	info: { outputPath: (name: string) => string },
	name: string,
	change: (doc: BackupDoc) => void
): Promise<string> {
	const path = info.outputPath(`${name}-source.json`);
	await settings.backUp(path);
	const doc = JSON.parse(await readFile(path, 'utf8')) as BackupDoc;
	change(doc);
	const edited = info.outputPath(`${name}.json`);
	await writeFile(edited, JSON.stringify(doc));
	return edited;
}

test('a backup naming a contact it does not hold is refused, and nothing is written', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/');
	await capture(page, 'Tara Dangleby');
	await goOffline(context, page);
	await settings.open();
	const dangling = await editedBackup(settings, info, 'dangling', (doc) => {
		const tara = doc.tables.contacts[0]!;
		doc.tables.contacts.push({ ...tara, id: 'someone-new', name: 'Someone New' });
		doc.tables.interactions.push({
			id: 'touchpoint-of-nobody',
			contactId: 'not-in-this-backup',
			on: '2026-03-02',
			channel: 'call',
			summary: 'A call with someone who is not here',
			received: [],
			followUpDone: false,
			createdAt: 1,
			updatedAt: 1,
			version: 1
		});
	});
	const before = await readTables(page, ['contacts', 'interactions']);

	await settings.backupFile.setInputFiles(dangling);
	await expect(settings.preview).toContainText('2 contacts');
	await settings.restoreButton.click();
	const alert = settings.restore.getByRole('alert');
	await expect(alert).toContainText(
		'Touchpoint on 2026-03-02 names a contact that is not in the backup'
	);
	await expect(alert).toContainText('Nothing on this phone changed.');
	await expect(settings.restoreCounts).toHaveCount(0);
	expect(await readTables(page, ['contacts', 'interactions'])).toEqual(before);
});

test('a backup with a huge or deeply nested draft is refused at once, with a message', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/');
	await capture(page, 'Hugo Draftwell');
	await goOffline(context, page);
	await settings.open();
	const alert = settings.restore.getByRole('alert');
	const draft = (values: unknown) => ({ key: 'capture', values, updatedAt: 1 });

	const huge = await editedBackup(settings, info, 'huge-draft', (doc) => {
		doc.tables.drafts = [draft({ name: 'Hugo', notes: 'x'.repeat(3 * 1024 * 1024) })];
	});
	await settings.backupFile.setInputFiles(huge);
	await expect(alert).toContainText('is larger than any form’s unsaved values can be', {
		timeout: 5000
	});
	await expect(alert).toContainText('Nothing on this phone changed.');
	await expect(settings.preview).toHaveCount(0);

	const deep = await editedBackup(settings, info, 'deep-draft', (doc) => {
		doc.tables.drafts = [draft({ name: 'Hugo' })];
	});
	// Written as text: JSON.stringify itself cannot write a value this deep.
	const levels = 100_000;
	const text = (await readFile(deep, 'utf8')).replace(
		'"values":{"name":"Hugo"}',
		`"values":{"name":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`
	);
	await writeFile(deep, text);
	await settings.backupFile.setInputFiles(deep);
	await expect(alert).toContainText('nested more deeply than any Kith backup', { timeout: 5000 });
	await expect(settings.preview).toHaveCount(0);
	expect(await readTables(page, ['drafts'])).toEqual({ drafts: [] });
});

test('a merge says what it added, updated, kept as yours, and found already here', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/');
	for (const name of ['Ada Same', 'Ben Older', 'Cy Newer']) await capture(page, name);
	await goOffline(context, page);
	await settings.open();
	const later = Date.now() + 24 * 60 * 60 * 1000;
	const path = await editedBackup(settings, info, 'merge', (doc) => {
		const byName = (name: string) => doc.tables.contacts.find((c) => c.name === name)!;
		// The backup's copy of Ben is older than this phone's, its copy of Cy newer.
		Object.assign(byName('Ben Older'), { role: 'Old role', updatedAt: 1 });
		Object.assign(byName('Cy Newer'), { role: 'New role', updatedAt: later });
		doc.tables.contacts.push({ ...byName('Ada Same'), id: 'dee-added', name: 'Dee Added' });
	});

	await settings.backupFile.setInputFiles(path);
	await expect(settings.preview).toContainText('4 contacts');
	await settings.restoreButton.click();
	await expect(settings.restoreCounts).toContainText(
		'Contacts: 1 added, 1 updated, 1 kept yours (the backup’s copy was older), 1 already here'
	);
	const roles = Object.fromEntries((await storedContacts(page)).map((c) => [c.name, c.role]));
	expect(roles).toEqual({
		'Ada Same': undefined,
		'Ben Older': undefined,
		'Cy Newer': 'New role',
		'Dee Added': undefined
	});
});

test('after a restore, Settings says when the restored backup was made', async ({
	page,
	context,
	settings
}, info) => {
	await openControlled(page, '/');
	await capture(page, 'Mira Timestamp');
	await goOffline(context, page);
	await settings.open();
	const made = '2026-02-14T10:30:00.000Z';
	const path = await editedBackup(settings, info, 'made', (doc) => {
		doc.exportedAt = made;
		doc.tables.settings = doc.tables.settings.filter((s) => s.key !== 'lastBackupAt');
	});
	await deleteAll(page, settings, 1);
	await expect(settings.lastBackup).toHaveText('No backup made yet.');

	await settings.backupFile.setInputFiles(path);
	await expect(settings.preview).toContainText('1 contact');
	await settings.replaceEverything();
	const when = await page.evaluate(
		(at) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
		made
	);
	await expect(settings.lastBackup).toHaveText(`Last backup: ${when}`);
});
