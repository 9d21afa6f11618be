// Contacts at scale (issue 17, point 6): with 1,500 people the whole list scrolls to the last one,
// the count says how many match, a tag filter narrows it, A to Z sorts with a letter index to jump
// by, and the filters and sort come back after a reload.
import { expect, test } from '@playwright/test';
import type { Contact } from '../src/lib/domain/contact';
import { makeContact } from '../src/lib/domain/testing/factories';
import { openControlled } from './support/app';
import { seed } from './support/db';
import { ContactsPage } from './support/pages/contacts';

const T = 1_760_000_000_000;
const FIRST = [
	'Ada', 'Bea', 'Cyd', 'Dov', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivo', 'Jun', 'Kai', 'Lou', 'Max',
	'Noa', 'Oli', 'Pia', 'Quin', 'Rui', 'Sol', 'Tam', 'Uma', 'Val', 'Wim', 'Xia', 'Yul', 'Zoe'
]; // prettier-ignore

/** 1,500 people, the first the most recent; every tenth is tagged "mentor". */
function people(): Contact[] {
	return Array.from({ length: 1500 }, (_, i) =>
		makeContact({
			id: `p${i}`,
			// The first letters run backwards through the ages, so A to Z is not the recent order.
			name: `${FIRST[(i * 7) % 26]} Person ${String(i).padStart(4, '0')}`,
			tags: i % 10 === 0 ? ['mentor'] : [],
			createdAt: T - i * 1000,
			updatedAt: T - i * 1000
		})
	);
}

test('1,500 contacts: scroll to the last, count them, filter by tag, sort A to Z and jump by letter', async ({
	page
}) => {
	test.slow();
	const list = new ContactsPage(page);
	await openControlled(page, '/contacts');
	await seed(page, { contacts: people() });

	await expect(list.count).toHaveText('1,500');
	await expect(page.getByRole('status').filter({ hasText: 'shown' })).toHaveText(
		'1,500 contacts shown'
	);
	const rows = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem');
	await expect(rows.first()).toHaveAttribute('aria-setsize', '1500');
	// Only the rows near the screen are drawn.
	expect(await rows.count()).toBeLessThan(200);
	await expect(page.getByText(/the 100 most recent/i)).toHaveCount(0);

	// A search draws the rows on the screen at once and the rest of a short answer just after
	// (rows are reused by place, so each must show its own person): every match is in the page,
	// in order, for find in page and a screen reader.
	const quins = people().filter((p) => p.name.startsWith('Quin '));
	expect(quins.length).toBeGreaterThan(30);
	expect(quins.length).toBeLessThanOrEqual(60);
	await list.search.fill('quin');
	await expect(list.count).toHaveText(`${quins.length} of 1,500`);
	await expect(list.listed).toHaveCount(quins.length);
	await expect(list.listed.first()).toContainText(quins[0]!.name);
	await expect(list.listed.last()).toContainText(quins.at(-1)!.name);
	await expect(rows.last()).toHaveAttribute('aria-posinset', String(quins.length));
	await list.search.fill('quin person 00');
	const few = quins.filter((p) => p.name.startsWith('Quin Person 00'));
	await expect(list.listed).toHaveText(few.map((p) => new RegExp(p.name)));
	await list.search.fill('');
	await expect(list.count).toHaveText('1,500');
	await expect(list.listed.first()).toContainText(people()[0]!.name);

	// Scrolling down the page, a screen at a time, reaches the oldest person.
	const last = list.listed.filter({ hasText: 'Person 1499' });
	const atBottom = () =>
		page.evaluate(
			() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1
		);
	for (let i = 0; i < 400 && !(await atBottom()); i++) await page.mouse.wheel(0, 1500);
	await expect(last).toBeInViewport();
	await expect(last.locator('xpath=..')).toHaveAttribute('aria-posinset', '1500');

	// The tag filter narrows, and the count follows.
	await page.getByLabel('Tag').selectOption({ label: '#mentor' });
	await expect(list.count).toHaveText('150 of 1,500');
	await expect(rows.first()).toHaveAttribute('aria-setsize', '150');
	await page.getByLabel('Tag').selectOption({ label: 'All tags' });
	await expect(list.count).toHaveText('1,500');

	// A to Z: numbers in order within a name, the letter index jumps below the sticky filters.
	await page.getByLabel('Sort').selectOption({ label: 'A to Z' });
	await expect(list.listed.first()).toContainText('Ada Person 0000');
	const index = page.getByRole('navigation', { name: 'Jump to a letter' });
	await expect(index.getByRole('button')).toHaveCount(26);
	await index.getByRole('button', { name: 'Jump to Q' }).click();
	const firstQ = list.listed.filter({ hasText: 'Quin Person 0006' });
	await expect(firstQ).toBeFocused();
	await expect(firstQ).toBeInViewport();
	const filtersBottom = await page.getByLabel('Sort').evaluate((el) => {
		const filters = el.closest('.filters') ?? el;
		return filters.getBoundingClientRect().bottom;
	});
	const box = (await firstQ.boundingBox())!;
	expect(box.y).toBeGreaterThanOrEqual(filtersBottom - 1);

	// The sort and a filter come back after a reload, and after opening Contacts afresh.
	await page.getByLabel('Tag').selectOption({ label: '#mentor' });
	await expect(list.count).toHaveText('150 of 1,500');
	await page.reload();
	await expect(page.getByLabel('Sort')).toHaveValue('name');
	await expect(page.getByLabel('Tag')).toHaveValue('mentor');
	await expect(list.count).toHaveText('150 of 1,500');
	await expect(list.listed.first()).toContainText('Ada Person 0000');
	await page.goto('/');
	await list.open();
	await expect(page.getByLabel('Sort')).toHaveValue('name');
	await expect(list.count).toHaveText('1,500');
});
