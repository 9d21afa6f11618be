// Issue 18's faster reads still follow every tab: Today reads touchpoint follow-ups through the
// index of open follow-ups, and a contact's timeline renders a screenful at a time; a change made
// in another tab shows at once in both.
import { expect, test, type Page } from '@playwright/test';
import type { Contact } from '../src/lib/domain/contact';
import type { Touchpoint } from '../src/lib/domain/touchpoint';
import { openControlled } from './support/app';
import { seed } from './support/db';

const DAY = 86_400_000;

function contact(id: string, name: string): Contact {
	const t = Date.now() - 400 * DAY;
	return {
		id,
		name,
		emails: [],
		phones: [],
		links: [],
		tags: [],
		createdAt: t,
		updatedAt: t,
		version: 1
	};
}

function isoDay(offset: number): string {
	const d = new Date(Date.now() + offset * DAY);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function touchpoint(i: number, contactId: string, fields: Partial<Touchpoint> = {}): Touchpoint {
	const t = Date.now() - (i + 1) * 3 * DAY;
	return {
		id: `t-${contactId}-${i}`,
		contactId,
		on: isoDay(-(i + 1) * 3),
		channel: 'call',
		summary: `Talk number ${i}`,
		received: [],
		followUpDone: false,
		createdAt: t,
		updatedAt: t,
		version: 1,
		...fields
	};
}

const dueItems = (page: Page) =>
	page.getByRole('heading', { name: 'Follow-ups due' }).locator('..').getByRole('listitem');

async function logTouchpoint(page: Page, contactId: string, summary: string, followUpOn?: string) {
	await page.goto(`/contacts/${contactId}/touchpoints/new`);
	await page.getByLabel('What you talked about').fill(summary);
	if (followUpOn) await page.getByLabel('Follow up on (optional)').fill(followUpOn);
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Log a touchpoint/);
}

test('a follow-up logged, done and brought back in another tab shows on Today at once', async ({
	context
}) => {
	const today = await context.newPage();
	await openControlled(today, '/');
	await seed(today, {
		contacts: [contact('c-ada', 'Ada Tab'), contact('c-bo', 'Bo Tab')],
		// Bo's follow-up is long done: the open follow-ups index leaves it out.
		interactions: [
			touchpoint(0, 'c-bo', { followUpOn: isoDay(-5), followUpDone: true, summary: 'Old chat' })
		]
	});
	await expect(today.getByText('Nobody is waiting on you today.')).toBeVisible();

	const other = await context.newPage();
	await openControlled(other, '/');
	await logTouchpoint(other, 'c-ada', 'Send her the reading list', isoDay(-1));
	await expect(dueItems(today)).toHaveCount(1);
	await expect(dueItems(today).first()).toContainText('Ada Tab');
	await expect(dueItems(today).first()).toContainText('After: Send her the reading list');

	await other.goto('/');
	await other.getByRole('button', { name: 'Done with Ada Tab' }).click();
	await expect(today.getByText('Nobody is waiting on you today.')).toBeVisible();
	await other.getByRole('button', { name: 'Undo' }).click();
	await expect(dueItems(today)).toHaveCount(1);
	await expect(dueItems(today).first()).toContainText('Ada Tab');
});

test('a long timeline shows a screenful, the rest on scrolling, and a touchpoint from another tab', async ({
	context
}) => {
	const page = await context.newPage();
	await openControlled(page, '/');
	await seed(page, {
		contacts: [contact('c-cy', 'Cy Long')],
		interactions: Array.from({ length: 30 }, (_, i) => touchpoint(i, 'c-cy'))
	});
	await page.goto('/contacts/c-cy');
	const timeline = page
		.getByRole('heading', { name: 'Timeline' })
		.locator('xpath=following-sibling::ol[1]');
	const entries = timeline.locator(':scope > li');
	await expect(entries.first()).toContainText('Talk number 0');
	expect(await entries.count()).toBeLessThan(30);

	const other = await context.newPage();
	await openControlled(other, '/');
	await logTouchpoint(other, 'c-cy', 'Coffee this morning');
	await expect(entries.first()).toContainText('Coffee this morning');

	// Scrolling down brings the older ones, down to the first talk.
	await expect(async () => {
		await entries.last().scrollIntoViewIfNeeded();
		expect(await entries.count()).toBe(31);
	}).toPass({ timeout: 15_000 });
	await expect(entries.last()).toContainText('Talk number 29');
	await expect(page.getByRole('button', { name: /Show older/ })).toHaveCount(0);
});
