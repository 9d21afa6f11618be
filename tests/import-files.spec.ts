// The files people really have (issue 14, point 6): each made byte by byte, read through the
// import page as a person would.
import { expect, test as base, type Page } from '@playwright/test';
import { goOffline, openControlled } from './support/app';
import { storedContacts } from './support/db';
import { ImportPage } from './support/pages/import';

const test = base.extend<{ importing: ImportPage }>({
	importing: async ({ page, context }, use) => {
		await openControlled(page, '/');
		await goOffline(context, page);
		const importing = new ImportPage(page);
		await importing.open();
		await use(importing);
	}
});

const latin1 = (s: string) => Buffer.from(s, 'latin1');

async function chooseBytes(importing: ImportPage, name: string, buffer: Buffer, mimeType: string) {
	await importing.file.setInputFiles({ name, mimeType, buffer });
}

async function importAll(page: Page, importing: ImportPage) {
	await importing.importButton(/^Import \d+ contacts?$/).click();
	await expect(importing.doneHeading).toBeVisible();
	return storedContacts(page);
}

test('a vCard folded every 75 octets, inside accented letters, keeps its names whole', async ({
	page,
	importing
}) => {
	const lines = [
		'BEGIN:VCARD',
		'VERSION:4.0',
		`FN:${'A'.repeat(71)}Élodie Ångström`,
		`NOTE:${'x'.repeat(69)}${'é'.repeat(40)}`,
		'END:VCARD'
	];
	const parts: Buffer[] = [];
	for (const line of lines) {
		const bytes = Buffer.from(line, 'utf8');
		for (let at = 0; at < bytes.length; at += at === 0 ? 75 : 74) {
			if (at > 0) parts.push(Buffer.from('\r\n '));
			parts.push(bytes.subarray(at, at === 0 ? 75 : at + 74));
		}
		parts.push(Buffer.from('\r\n'));
	}
	await chooseBytes(importing, 'folded.vcf', Buffer.concat(parts), 'text/vcard');
	await expect(importing.readyHeading).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Text encoding' })).toHaveCount(0);
	const [stored] = await importAll(page, importing);
	expect(stored).toMatchObject({
		name: `${'A'.repeat(71)}Élodie Ångström`,
		notes: `${'x'.repeat(69)}${'é'.repeat(40)}`
	});
});

test('a German Outlook CSV with ; goes to the mapping step with its columns guessed', async ({
	page,
	importing
}) => {
	const csv = [
		'Vorname;Nachname;E-Mail-Adresse;Firma;Position',
		'Jürgen;Weiß;juergen@example.org;Stadtbibliothek;Leiter',
		'Anna;Schmidt;anna@example.org;Archiv;Archivarin'
	].join('\r\n');
	await importing.choose('Kontakte.csv', csv);
	await expect(page.getByRole('heading', { name: 'Which column holds what?' })).toBeVisible();
	await expect(importing.column('Vorname')).toHaveValue('firstName');
	await expect(importing.column('Nachname')).toHaveValue('lastName');
	await expect(importing.column('E-Mail-Adresse')).toHaveValue('email');
	await expect(importing.column('Firma')).toHaveValue('organization');
	await expect(importing.column('Position')).toHaveValue('role');
	await page.getByRole('button', { name: 'Continue' }).click();
	const stored = await importAll(page, importing);
	expect(stored.find((c) => c.name === 'Jürgen Weiß')).toMatchObject({
		emails: ['juergen@example.org'],
		organization: 'Stadtbibliothek',
		role: 'Leiter'
	});
});

test("Google's own groups are not tags; starred becomes favourite only when asked", async ({
	page,
	importing
}) => {
	const csv = [
		'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value',
		'Ada Lovelace,Ada,Lovelace,* myContacts ::: * starred ::: Friends,* Work,ada@example.org',
		'Grace Hopper,Grace,Hopper,myContacts ::: starred,,grace@example.org',
		'Sam Lee,Sam,Lee,* myContacts,,sam@example.org'
	].join('\n');
	await importing.choose('contacts.csv', csv);
	await expect(importing.readyHeading).toBeVisible();
	const favourite = page.getByRole('checkbox', {
		name: 'Tag the 2 people starred in Google as “favourite”'
	});
	await expect(favourite).not.toBeChecked();
	let stored = await importAll(page, importing);
	const tags = new Map(stored.map((c) => [c.name, c.tags]));
	expect(tags).toEqual(
		new Map([
			['Ada Lovelace', ['Friends']],
			['Grace Hopper', []],
			['Sam Lee', []]
		])
	);

	await importing.undo.click();
	await expect(page.getByRole('heading', { name: 'Import taken back' })).toBeVisible();
	await page.getByRole('button', { name: 'Import a file' }).click();
	await importing.choose('contacts.csv', csv);
	await favourite.check();
	stored = (await importAll(page, importing)).filter((c) => c.deletedAt === undefined);
	expect(new Map(stored.map((c) => [c.name, c.tags]))).toEqual(
		new Map([
			['Ada Lovelace', ['Friends', 'favourite']],
			['Grace Hopper', ['favourite']],
			['Sam Lee', []]
		])
	);
});

test('a JSON file that is not a Kith backup is called what it is', async ({ page, importing }) => {
	const alert = page.getByRole('alert');
	await importing.choose('contacts.json', '[{"name":"Ada"}]', 'application/json');
	await expect(alert).toContainText('This is a JSON file, but not a Kith backup');
	await expect(alert).toContainText('.vcf');
	await expect(alert).not.toContainText('looks like a Kith backup');

	await importing.choose(
		'kith-2026.json',
		'{"appVersion":"1","exportedAt":1,"format":"kith-backup","schemaVersion":3,"tables":{}}',
		'application/json'
	);
	await expect(alert).toContainText('This looks like a Kith backup');
	await expect(alert).toContainText('Restore a backup');
	expect(await storedContacts(page)).toEqual([]);
});

test('a file in an old encoding says which one was assumed, and can be read in another', async ({
	page,
	importing
}) => {
	const csv = latin1('Name;Email;Company\r\nJosé Núñez;jose@example.org;Café Müller\r\n');
	await chooseBytes(importing, 'people.csv', csv, 'text/csv');
	await expect(page.getByRole('heading', { name: 'Which column holds what?' })).toBeVisible();
	const encoding = page.getByLabel('Read the file as');
	await expect(encoding).toHaveValue('windows-1252');
	await expect(page.getByText('so Kith read it as Windows-1252')).toBeVisible();
	const preview = page.getByRole('list', { name: 'How the first rows will read' });
	await expect(preview).toContainText('José Núñez');

	await encoding.selectOption({ label: 'Mac OS Roman' });
	await expect(page.getByText('Read as Mac OS Roman, as you chose.')).toBeVisible();
	await expect(preview).not.toContainText('José Núñez');
	await encoding.selectOption({ label: 'Windows-1252 (Western European)' });
	await expect(preview).toContainText('José Núñez');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(importing.readyHeading).toBeVisible();
	await expect(page.getByLabel('Read the file as')).toHaveValue('windows-1252');
	const [stored] = await importAll(page, importing);
	expect(stored).toMatchObject({ name: 'José Núñez', organization: 'Café Müller' });
});
