import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { parseVCards } from '../src/lib/io/vcard';
import { sniffCsv } from '../src/lib/io/import/csv-import';
import { capture, goOffline, openControlled, storedContacts } from './support/app';

/** Taps an export button and reads the file that reaches the downloads. */
async function exportFile(page: Page, button: string, path: string) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: button, exact: true }).click();
	const file = await download;
	await file.saveAs(path);
	const name = file.suggestedFilename();
	await expect(page.getByText(`Saved ${name} to your downloads.`)).toBeVisible();
	return { name, text: await readFile(path, 'utf8') };
}

async function openSettingsWithSamples(page: Page) {
	await openControlled(page, '/settings');
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
}

test('exports every contact as vCard and CSV from Settings, offline', async ({
	page,
	context
}, info) => {
	await openSettingsWithSamples(page);
	await goOffline(context, page);
	await page.reload();
	const stored = await storedContacts(page);
	const names = stored
		.filter((c) => c.deletedAt === undefined)
		.map((c) => String(c.name))
		.sort((a, b) => a.localeCompare(b));
	expect(names.length).toBeGreaterThanOrEqual(30);

	const section = page.getByRole('region', { name: 'Export' });
	await expect(section).toBeVisible();
	await expect(section.getByRole('radio', { name: /4\.0/ })).toBeChecked();

	const v4 = await exportFile(page, 'Contacts as vCard (.vcf)', info.outputPath('all.vcf'));
	expect(v4.name).toMatch(/^kith-contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
	expect(v4.text).toContain('VERSION:4.0');
	const parsed = parseVCards(v4.text);
	expect(parsed.errors).toEqual([]);
	expect(parsed.cards.length).toBeGreaterThanOrEqual(30);
	expect(parsed.cards.map((c) => c.name).sort((a, b) => a.localeCompare(b))).toEqual(names);

	await section.getByRole('radio', { name: /3\.0/ }).check();
	const v3 = await exportFile(page, 'Contacts as vCard (.vcf)', info.outputPath('all-3.vcf'));
	expect(v3.text).toContain('VERSION:3.0');
	expect(v3.text).not.toContain('VERSION:4.0');
	expect(parseVCards(v3.text).cards).toHaveLength(names.length);

	const csv = await exportFile(page, 'Contacts as CSV (spreadsheet)', info.outputPath('c.csv'));
	expect(csv.name).toMatch(/^kith-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
	const sheet = sniffCsv(csv.text);
	expect(sheet.headers.slice(0, 2)).toEqual(['Name', 'Circle']);
	expect(sheet.rows.map((r) => r.cells[0]).sort((a, b) => a!.localeCompare(b!))).toEqual(names);

	const touch = await exportFile(page, 'Touchpoints as CSV', info.outputPath('t.csv'));
	expect(touch.name).toMatch(/^kith-touchpoints-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(sniffCsv(touch.text).headers.slice(0, 4)).toEqual([
		'Date',
		'Contact',
		'Channel',
		'Summary'
	]);
});

test('leaves contacts in the trash out of the export', async ({ page, context }, info) => {
	await openSettingsWithSamples(page);
	await capture(page, 'Tess Trashworthy', { organization: 'Gone Ltd' });
	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await expect
		.poll(async () => (await storedContacts(page)).some((c) => c.deletedAt !== undefined))
		.toBe(true);
	await goOffline(context, page);
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	const file = await exportFile(page, 'Contacts as vCard (.vcf)', info.outputPath('live.vcf'));
	const cards = parseVCards(file.text).cards;
	expect(cards.length).toBeGreaterThanOrEqual(30);
	expect(cards.map((c) => c.name)).not.toContain('Tess Trashworthy');
	expect(file.text).not.toContain('Gone Ltd');
});

test('exports one contact as a vCard from their page, offline', async ({ page, context }, info) => {
	await openControlled(page, '/');
	await goOffline(context, page);
	await capture(page, 'Vera Cardholder', { organization: 'Map Room' });
	const file = await exportFile(page, 'Export as vCard', info.outputPath('one.vcf'));
	expect(file.name).toBe('vera-cardholder.vcf');
	const { cards, errors } = parseVCards(file.text);
	expect(errors).toEqual([]);
	expect(cards.map((c) => [c.name, c.organization])).toEqual([['Vera Cardholder', 'Map Room']]);
});
