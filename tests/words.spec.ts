// Words (issue 17, point 5): no misspaced separators, counts that say "1 contact", and a welcome
// that says what Kith does.
import { expect, test, type Page } from '@playwright/test';
import { capture, openControlled } from './support/app';
import { readTable } from './support/db';

/**
 * What reads wrongly in a page's rendered text: a middle dot stuck to the word before it ("1 min·
 * Acme"), or a count of one with a plural word ("1 contacts").
 */
async function misspaced(page: Page): Promise<string[]> {
	const text = await page.locator('body').innerText();
	const found = [
		...text.matchAll(/\S*[\p{L}\p{N}]·\s?\S*/gu),
		...text.matchAll(/(?<![\d.,])\b1 (?!s\b)[a-z-]+s\b/gi)
	].map((m) => m[0]);
	return [...new Set(found)];
}

test('no screen has a dot stuck to a word or one thing counted in the plural, with sample data in', async ({
	page
}) => {
	test.slow();
	await openControlled(page, '/');
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
	const [contact] = await readTable(page, 'contacts');
	const routes = [
		'/',
		'/about',
		'/capture',
		'/contacts',
		`/contacts/${contact!.id}`,
		`/contacts/${contact!.id}/edit`,
		'/interviews',
		'/interviews/new',
		'/network',
		'/pitches',
		'/pitches/new',
		'/settings',
		'/settings/card',
		'/settings/import'
	];
	const problems: string[] = [];
	for (const route of routes) {
		await page.goto(route);
		await expect(page.locator('h1').first()).toBeVisible();
		for (const wrong of await misspaced(page)) problems.push(`${route}: ${wrong}`);
	}
	expect(problems).toEqual([]);
});

test('one contact is counted as one, and the welcome names pitches and interviews', async ({
	page
}) => {
	await openControlled(page, '/');
	const welcome = page.getByRole('region', { name: 'Welcome to Kith' });
	await expect(page.getByText(/practise a short introduction of yourself/)).toBeVisible();
	await expect(page.getByText(/plan informational interviews/)).toBeVisible();
	await capture(page, 'Uno Solo');
	await page.goto('/contacts');
	await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText('1 contact shown');
	await expect(welcome).toHaveCount(0);
});
