// Keyboard and focus (issue 17, point 3): Enter on a circle chip chooses it, the focus after a save
// lands somewhere useful and never on the page's body, the question bank stays open while questions
// are ticked in it, and the rehearsal's full text can be scrolled from the keyboard.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openControlled } from './support/app';
import { readTable } from './support/db';
import { seedEveryRoute } from './support/routes';
import { CapturePage } from './support/pages/capture';

/** What has the focus: its tag, and its accessible name where it has one. */
function focused(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return 'body';
		const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
		return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`.trim();
	});
}

test('Enter on a focused circle chip chooses that circle and saves nothing', async ({ page }) => {
	await openControlled(page, '/capture');
	const form = new CapturePage(page);
	await form.name.fill('Kai Enter');
	// Tab from the name reaches the circles: the first chip takes the focus, none chosen yet.
	await form.name.press('Tab');
	await expect(form.circle('Family')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect(form.circle('Friends')).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(form.circle('Friends')).toBeChecked();
	await expect(form.heading).toBeVisible();
	await expect(form.circle('Friends')).toBeFocused();

	// A chip reached and not yet chosen is chosen by Enter.
	await form.circle('Family').focus();
	await page.keyboard.press('Enter');
	await expect(form.circle('Family')).toBeChecked();
	await expect(form.heading).toBeVisible();
	expect(await readTable(page, 'contacts')).toEqual([]);

	await form.save.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kai Enter' })).toBeVisible();
	const [saved] = await readTable(page, 'contacts');
	expect(saved?.circle).toBe('family');
});

test('Enter on a chip of a one-of choice does not submit its form either', async ({ page }) => {
	await openControlled(page, '/');
	await seedEveryRoute(page);
	await page.goto('/contacts/r-ada/touchpoints/r-t1');
	const email = page.getByRole('radio', { name: 'Email', exact: true });
	await email.focus();
	await page.keyboard.press('Enter');
	await expect(email).toBeChecked();
	await expect(page).toHaveURL(/\/touchpoints\/r-t1$/);
	const [touchpoint] = await readTable(page, 'interactions');
	expect(touchpoint?.channel).toBe('call');
});

test('after "Save and add another" the focus is in the next form\'s Name field', async ({
	page
}) => {
	await openControlled(page, '/capture');
	const form = new CapturePage(page);
	await form.name.fill('Noor First');
	await form.saveAndAddAnother.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Saved Noor First. Next person?')).toBeVisible();
	await expect(form.name).toHaveValue('');
	await expect(form.name).toBeFocused();

	await form.name.fill('Noor Second');
	await form.saveAndAddAnother.click();
	await expect(page.getByText('Saved Noor Second. Next person?')).toBeVisible();
	await expect(form.name).toBeFocused();
});

test('after a save that opens another page the focus is never on the body', async ({ page }) => {
	await openControlled(page, '/capture');
	const form = new CapturePage(page);
	await form.name.fill('Ola Saved');
	await form.save.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Ola Saved' })).toBeVisible();
	await expect.poll(() => focused(page)).not.toBe('body');
	// The next Tab goes on into the page, not back to the skip link at the top.
	await page.keyboard.press('Tab');
	expect(await focused(page)).not.toMatch(/Skip to content/);

	await page.getByRole('link', { name: 'Edit' }).first().click();
	await page.getByLabel('Name', { exact: true }).fill('Ola Edited');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ola Edited' })).toBeVisible();
	await expect.poll(() => focused(page)).not.toBe('body');
});

test('after a save whose message offers Undo, the focus is on Undo', async ({ page }) => {
	await openControlled(page, '/');
	await seedEveryRoute(page);
	await page.goto('/contacts/r-ada/merge?with=r-ben');
	await page
		.getByRole('button', { name: /^Merge/ })
		.last()
		.click();
	const undo = page.getByRole('button', { name: 'Undo' });
	await expect(undo).toBeVisible();
	await expect(undo).toBeFocused();
	// Held while it has the focus, and Enter undoes.
	await page.waitForTimeout(500);
	await page.keyboard.press('Enter');
	await expect(page.getByText('are two contacts again')).toBeVisible();
	await expect.poll(() => focused(page)).not.toBe('body');
});

test('the question bank keeps a topic open while its questions are ticked', async ({ page }) => {
	await openControlled(page, '/');
	await seedEveryRoute(page);
	await page.goto('/interviews/r-v1');
	const job = page
		.locator('details')
		.filter({ has: page.locator('summary', { hasText: /^The job/ }) });
	await job.locator('summary').click();
	await expect(job).toHaveAttribute('open', '');
	const questions = job.getByRole('checkbox');
	await questions.nth(0).check();
	await expect(page.getByRole('heading', { name: 'Your questions (3)' })).toBeVisible();
	await expect(job).toHaveAttribute('open', '');
	await expect(questions.nth(1)).toBeVisible();
	// By keyboard: Space ticks the next one, the topic stays open and the focus stays on it.
	await questions.nth(1).focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('heading', { name: 'Your questions (4)' })).toBeVisible();
	await expect(job).toHaveAttribute('open', '');
	await expect(questions.nth(1)).toBeChecked();
	await expect(questions.nth(1)).toBeFocused();
	// A topic folded shut by hand stays shut.
	await job.locator('summary').click();
	await expect(job).not.toHaveAttribute('open', '');
	const path = page
		.locator('details')
		.filter({ has: page.locator('summary', { hasText: /^Their path/ }) });
	await path.getByRole('checkbox').first().check();
	await expect(page.getByRole('heading', { name: 'Your questions (5)' })).toBeVisible();
	await expect(job).not.toHaveAttribute('open', '');
	await expect(path).toHaveAttribute('open', '');
});

test('the rehearsal text can be scrolled from the keyboard', async ({ page }) => {
	await openControlled(page, '/');
	await seedEveryRoute(page);
	// The seeded pitch is long enough to scroll inside its box.
	await page.goto('/pitches/rehearse');
	await page.getByRole('button', { name: 'Show the full text' }).click();
	const region = page.getByRole('region', { name: /full text/i });
	await expect(region).toBeVisible();
	expect(await region.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
	await page.getByRole('button', { name: 'Hide the text' }).focus();
	await page.keyboard.press('Tab');
	await expect(region).toBeFocused();
	await page.keyboard.press('PageDown');
	await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
	const results = await new AxeBuilder({ page })
		.withRules(['scrollable-region-focusable'])
		.analyze();
	expect(results.violations).toEqual([]);
});
