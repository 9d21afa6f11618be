// The day changes while Kith is open: Today's lists, Capture's "Met on" and "Tomorrow" follow the
// date at the moment they are shown or saved, not the date the page was opened (Playwright's clock).
import { expect, test } from '@playwright/test';
import type { Contact } from '../src/lib/domain/contact';
import { makeContact } from '../src/lib/domain/testing/factories';
import { openControlled } from './support/app';
import { CapturePage } from './support/pages/capture';
import { seed, storedContacts } from './support/db';

test.use({ timezoneId: 'Europe/Madrid' });

// 23:58 on 10 March in Madrid (UTC+1 then): two minutes before the day changes.
const BEFORE_MIDNIGHT = new Date('2026-03-10T22:58:00Z');
const T = BEFORE_MIDNIGHT.getTime() - 86_400_000;

function contact(name: string, fields: Partial<Contact>): Contact {
	return makeContact({ name, createdAt: T, updatedAt: T, ...fields });
}

test('Today turns over at midnight, and Tomorrow then means the day after the new day', async ({
	page
}) => {
	await page.clock.install({ time: BEFORE_MIDNIGHT });
	await openControlled(page, '/');
	await seed(page, { contacts: [contact('Midnight Mo', { nextFollowUpOn: '2026-03-11' })] });
	const followUps = page.getByRole('region', { name: 'Follow-ups due' });
	await expect(followUps.getByText('Nobody is waiting on you today.')).toBeVisible();

	await page.clock.runFor('03:00');
	await expect(followUps.getByRole('link', { name: 'Midnight Mo' })).toBeVisible();
	await expect(followUps.getByText('due today')).toBeVisible();

	await followUps.getByRole('button', { name: 'Tomorrow for Midnight Mo' }).click();
	await expect(followUps.getByRole('link', { name: 'Midnight Mo' })).toHaveCount(0);
	await expect
		.poll(async () => (await storedContacts(page)).map((c) => c.nextFollowUpOn))
		.toEqual(['2026-03-12']);
});

test('Today catches up when the app comes back into view after the night', async ({ page }) => {
	await page.clock.install({ time: BEFORE_MIDNIGHT });
	await openControlled(page, '/');
	await seed(page, { contacts: [contact('Morning Mel', { nextFollowUpOn: '2026-03-11' })] });
	const followUps = page.getByRole('region', { name: 'Follow-ups due' });
	await expect(followUps.getByText('Nobody is waiting on you today.')).toBeVisible();

	// A phone asleep all night runs no timers: the clock jumps, and the app is looked at again.
	await page.clock.setSystemTime(new Date('2026-03-11T07:30:00Z'));
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await expect(followUps.getByRole('link', { name: 'Morning Mel' })).toBeVisible();
});

test('Capture’s “Met on” moves to the new day when midnight passes with the form open', async ({
	page
}) => {
	await page.clock.install({ time: BEFORE_MIDNIGHT });
	const form = new CapturePage(page);
	await page.goto('/capture');
	const metOn = page.getByLabel('Met on');
	await expect(metOn).toHaveValue('2026-03-10');
	await form.name.fill('Late Lou');
	await expect(form.draftKept).toBeVisible();

	await page.clock.runFor('03:00');
	await expect(metOn).toHaveValue('2026-03-11');
	await form.save.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Late Lou' })).toBeVisible();
	expect((await storedContacts(page)).map((c) => c.metOn)).toEqual(['2026-03-11']);
});
