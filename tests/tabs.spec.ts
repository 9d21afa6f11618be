// A draft belongs to one form in one tab (issue 14, point 1): two tabs on the same form never
// overwrite each other's unsaved typing, each gets its own back after a reload, and a draft left by
// a closed tab comes back in the next form that opens, never in one another tab is typing in.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openControlled } from './support/app';
import { seed } from './support/db';
import { CapturePage } from './support/pages/capture';
import { ContactPage } from './support/pages/contact';

async function captureTab(context: BrowserContext, name?: string): Promise<CapturePage> {
	const page = await context.newPage();
	await openControlled(page, '/capture');
	const form = new CapturePage(page);
	await expect(form.name).toBeEditable();
	if (name) {
		await form.name.fill(name);
		await expect(form.draftKept).toBeVisible();
	}
	return form;
}

const restoredNotice = (page: Page) =>
	page.getByRole('region', { name: /Kept from last time, not saved yet/ });

test('two tabs on Capture keep their own typing, each through a reload', async ({ context }) => {
	const one = await captureTab(context, 'Ada in tab one');
	const two = await captureTab(context, 'Bea in tab two');
	// The second tab opened while the first was typing: it started blank, and stays its own.
	await one.name.fill('Ada Lind in tab one');
	await expect(one.draftKept).toBeVisible();

	await one.page.reload();
	await expect(one.name).toHaveValue('Ada Lind in tab one');
	await two.page.reload();
	await expect(two.name).toHaveValue('Bea in tab two');
	await one.page.reload();
	await expect(one.name).toHaveValue('Ada Lind in tab one');

	// Saving in one tab leaves the other tab's draft alone.
	await one.saveAndOpen('Ada Lind in tab one');
	await two.page.reload();
	await expect(two.name).toHaveValue('Bea in tab two');
});

test('a closed tab’s draft comes back in the next Capture opened, not in a tab already typing', async ({
	context
}) => {
	const typing = await captureTab(context, 'Olga still typing');
	const closing = await captureTab(context, 'Cleo left behind');
	await closing.page.close();

	const next = await captureTab(context);
	await expect(next.name).toHaveValue('Cleo left behind');
	await expect(restoredNotice(next.page)).toBeVisible();
	// The tab that was typing all along still has its own words, also after a reload.
	await expect(typing.name).toHaveValue('Olga still typing');
	await typing.page.reload();
	await expect(typing.name).toHaveValue('Olga still typing');
	await expect(restoredNotice(typing.page)).toBeVisible();

	// Cleo's draft went to one tab only: a further tab starts blank.
	const another = await captureTab(context);
	await expect(another.name).toHaveValue('');
	await expect(restoredNotice(another.page)).toBeHidden();

	// The restored draft can be thrown away from the notice.
	await restoredNotice(next.page).getByRole('button', { name: 'Clear form' }).click();
	await next.page.getByRole('dialog').getByRole('button', { name: 'Clear' }).click();
	await expect(next.name).toHaveValue('');
	await next.page.reload();
	await expect(next.name).toHaveValue('');
});

test('two tabs editing the same contact keep their own unsaved changes', async ({ context }) => {
	const T = 1_760_000_000_000;
	const first = await context.newPage();
	await openControlled(first, '/');
	await seed(first, {
		contacts: [
			{
				id: 'c-zoe',
				name: 'Zoë Chen',
				organization: 'Acorn Museum',
				emails: [],
				phones: [],
				links: [],
				tags: [],
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		]
	});
	await first.goto('/contacts/c-zoe/edit');
	const one = new ContactPage(first);
	await one.role.fill('Curator');
	await expect(one.draftKept).toBeVisible();

	const second = await context.newPage();
	await second.goto('/contacts/c-zoe/edit');
	const two = new ContactPage(second);
	await expect(two.role).toHaveValue('');
	await two.role.fill('Archivist');
	await expect(two.draftKept).toBeVisible();

	await first.reload();
	await expect(one.role).toHaveValue('Curator');
	await second.reload();
	await expect(two.role).toHaveValue('Archivist');
});
