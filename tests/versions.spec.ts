// No blind overwrite: two tabs edit the same saved record. Different fields are both kept without
// asking; the same field shows a conflict card (keep mine, take theirs, keep both for long text).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { makeContact, makeInterview } from '../src/lib/domain/testing/factories';
import { capture, openControlled } from './support/app';
import { readTable, seed } from './support/db';

const CONFLICTS = 'Changed in another tab or window too';

/** A second tab of the same browser, on the same address as the first. */
async function secondTab(context: BrowserContext, first: Page): Promise<Page> {
	const tab = await context.newPage();
	await tab.goto(first.url());
	return tab;
}

function conflicts(page: Page) {
	return page.getByRole('region', { name: CONFLICTS });
}

// ---- Pitches -----------------------------------------------------------------------------------

async function writePitch(page: Page): Promise<void> {
	await page.goto('/pitches/new');
	await page.getByLabel('Title').fill('Career fair');
	await page.getByLabel('Your pitch').fill('Hi, I am Ama, a records manager.');
	await page.getByLabel('Cues (one a line)').fill('records manager');
	await page.getByRole('button', { name: 'Save pitch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Career fair' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
}

test('a pitch edited in two tabs keeps both changes when they touch different fields', async ({
	page,
	context
}) => {
	await writePitch(page);
	const other = await secondTab(context, page);
	await expect(other.getByRole('button', { name: 'Save changes' })).toBeVisible();

	await page.getByLabel('Title').fill('Career fair (spring)');
	await other.getByLabel('Your pitch').fill('Hello, I am Ama. I look after rare maps.');

	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await other.getByRole('button', { name: 'Save changes' }).click();
	await expect(other.getByText(/^Changes saved/)).toBeVisible();
	const [pitch] = await readTable(page, 'pitches');
	expect(pitch).toMatchObject({
		title: 'Career fair (spring)',
		text: 'Hello, I am Ama. I look after rare maps.'
	});
	await expect(other.getByText(/Changes saved, together with/)).toBeVisible();
	await expect(conflicts(other)).toHaveCount(0);
	await expect(other.getByLabel('Title')).toHaveValue('Career fair (spring)');
	await page.reload();
	await expect(page.getByLabel('Your pitch')).toHaveValue(
		'Hello, I am Ama. I look after rare maps.'
	);
});

test('a pitch changed in the same fields in two tabs asks, field by field, what to keep', async ({
	page,
	context
}) => {
	await writePitch(page);
	const other = await secondTab(context, page);
	await expect(other.getByRole('button', { name: 'Save changes' })).toBeVisible();

	await page.getByLabel('Title').fill('Title from the first tab');
	await page.getByLabel('Your pitch').fill('Words from the first tab.');
	await page.getByLabel('Cues (one a line)').fill('first cue');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();

	await other.getByLabel('Title').fill('Title from the second tab');
	await other.getByLabel('Your pitch').fill('Words from the second tab.');
	await other.getByLabel('Cues (one a line)').fill('second cue');
	await other.getByRole('button', { name: 'Save changes' }).click();

	const cards = conflicts(other);
	await expect(cards).toBeVisible();
	await expect(other.getByRole('heading', { name: CONFLICTS })).toBeFocused();
	await expect(cards.getByRole('heading', { name: 'Your pitch' })).toBeVisible();
	await expect(cards.getByText('Words from the second tab.')).toBeVisible();
	await expect(cards.getByText('Words from the first tab.')).toBeVisible();
	// Nothing was written over the other tab's save.
	expect((await readTable(other, 'pitches'))[0]).toMatchObject({
		title: 'Title from the first tab',
		text: 'Words from the first tab.'
	});

	// A short field is one or the other; long text can keep both.
	await expect(cards.getByRole('button', { name: 'Keep both (Title)' })).toHaveCount(0);
	await cards.getByRole('button', { name: 'Take theirs (Title)' }).click();
	await cards.getByRole('button', { name: 'Keep both (Your pitch)' }).click();
	await cards.getByRole('button', { name: 'Keep mine (Cues)' }).click();
	await expect(cards).toHaveCount(0);
	await expect(other.getByLabel('Title')).toHaveValue('Title from the first tab');
	await expect(other.getByLabel('Your pitch')).toHaveValue(
		'Words from the second tab.\n\nWords from the first tab.'
	);

	await other.getByRole('button', { name: 'Save changes' }).click();
	await expect(other.getByText('Changes saved.')).toBeVisible();
	expect((await readTable(other, 'pitches'))[0]).toMatchObject({
		title: 'Title from the first tab',
		text: 'Words from the second tab.\n\nWords from the first tab.',
		cues: ['second cue']
	});
});

// ---- Touchpoints -------------------------------------------------------------------------------

/** Captures Maya, logs a call with her, and opens that touchpoint's edit form in two tabs. */
async function touchpointInTwoTabs(page: Page, context: BrowserContext): Promise<Page> {
	await page.goto('/');
	await capture(page, 'Maya Chen');
	const contactUrl = new URL(page.url()).pathname;
	await page.getByRole('link', { name: 'Log a touchpoint' }).click();
	await page.getByLabel('What you talked about').fill('Coffee about archives jobs.');
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(page.getByText('Touchpoint saved.')).toBeVisible();
	const [touchpoint] = await readTable(page, 'interactions');
	await page.goto(`${contactUrl}/touchpoints/${touchpoint!.id}`);
	await expect(page.getByRole('heading', { name: /Edit touchpoint with/ })).toBeVisible();
	const other = await secondTab(context, page);
	await expect(other.getByRole('heading', { name: /Edit touchpoint with/ })).toBeVisible();
	return other;
}

test('a touchpoint edited in two tabs keeps both changes when they touch different fields', async ({
	page,
	context
}) => {
	const other = await touchpointInTwoTabs(page, context);
	await page.getByLabel('What you talked about').fill('Coffee, and a tour of the stacks.');
	await other.getByLabel('What you gave or offered back').fill('Sent her my notes on map care.');

	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await other.getByRole('button', { name: 'Save changes' }).click();
	await expect(other.getByText(/^Changes saved/)).toBeVisible();
	const [touchpoint] = await readTable(page, 'interactions');
	expect(touchpoint).toMatchObject({
		summary: 'Coffee, and a tour of the stacks.',
		gave: 'Sent her my notes on map care.'
	});
	await expect(other.getByText(/Changes saved, together with/)).toBeVisible();
});

test('a touchpoint changed in the same fields in two tabs asks what to keep', async ({
	page,
	context
}) => {
	const other = await touchpointInTwoTabs(page, context);
	await page.getByLabel('What you talked about').fill('First tab: she knows the head archivist.');
	await page.getByRole('radio', { name: 'Email' }).check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();

	await other.getByLabel('What you talked about').fill('Second tab: ask about the summer post.');
	await other.getByRole('radio', { name: 'Call' }).check();
	await other.getByRole('button', { name: 'Save changes' }).click();

	const cards = conflicts(other);
	await expect(cards).toBeVisible();
	await expect(cards.getByRole('heading', { name: 'How' })).toBeVisible();
	await expect(cards.getByText('First tab: she knows the head archivist.')).toBeVisible();
	expect((await readTable(other, 'interactions'))[0]).toMatchObject({
		summary: 'First tab: she knows the head archivist.',
		channel: 'email'
	});
	await expect(cards.getByRole('button', { name: 'Keep both (How)' })).toHaveCount(0);
	await cards.getByRole('button', { name: 'Keep mine (How)' }).click();
	await cards.getByRole('button', { name: 'Keep both (What you talked about)' }).click();
	await expect(cards).toHaveCount(0);

	await other.getByRole('button', { name: 'Save changes' }).click();
	await expect(other.getByText('Changes saved.')).toBeVisible();
	expect((await readTable(other, 'interactions'))[0]).toMatchObject({
		summary: 'Second tab: ask about the summer post.\n\nFirst tab: she knows the head archivist.',
		channel: 'call'
	});
});

test('a touchpoint’s other side can be taken instead', async ({ page, context }) => {
	const other = await touchpointInTwoTabs(page, context);
	await page.getByLabel('What you talked about').fill('The version to keep.');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await other.getByLabel('What you talked about').fill('A version to drop.');
	await other.getByRole('button', { name: 'Save changes' }).click();
	await conflicts(other)
		.getByRole('button', { name: 'Take theirs (What you talked about)' })
		.click();
	await expect(other.getByLabel('What you talked about')).toHaveValue('The version to keep.');
	await other.getByRole('button', { name: 'Save changes' }).click();
	await expect(other.getByText('Changes saved.')).toBeVisible();
	expect((await readTable(other, 'interactions'))[0]?.summary).toBe('The version to keep.');
});

// ---- Interviews --------------------------------------------------------------------------------

/** Plans an interview with someone new, and opens its plan's edit form in two tabs. */
async function planInTwoTabs(page: Page, context: BrowserContext): Promise<Page> {
	await page.goto('/interviews/new');
	await page.getByRole('button', { name: '+ Someone not in Kith yet' }).click();
	await page.getByLabel('Their name').fill('Nora Quist');
	await page.getByLabel('Your goal').fill('Learn how archives hire.');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Interview with Nora Quist' })
	).toBeVisible();
	const other = await secondTab(context, page);
	for (const tab of [page, other]) {
		await tab.getByRole('button', { name: 'Edit the plan' }).click();
		await expect(tab.getByRole('heading', { name: 'Edit the plan' })).toBeVisible();
	}
	return other;
}

test('an interview plan edited in two tabs keeps both changes when they touch different fields', async ({
	page,
	context
}) => {
	const other = await planInTwoTabs(page, context);
	await page.getByLabel('Organisation', { exact: true }).fill('Harbour Library');
	await other.getByLabel('Your goal').fill('Learn how archives hire, and who to ask next.');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(page.getByText('Plan saved.')).toBeVisible();
	await other.getByRole('button', { name: 'Save the plan' }).click();
	await expect(other.getByText(/^Plan saved/)).toBeVisible();
	expect((await readTable(page, 'interviews'))[0]).toMatchObject({
		organization: 'Harbour Library',
		goal: 'Learn how archives hire, and who to ask next.'
	});
	await expect(other.getByText(/Plan saved, together with/)).toBeVisible();
});

test('an interview plan changed in the same field in two tabs asks what to keep', async ({
	page,
	context
}) => {
	const other = await planInTwoTabs(page, context);
	await page.getByLabel('Your goal').fill('Ask about the digitisation project.');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(page.getByText('Plan saved.')).toBeVisible();
	await other.getByLabel('Your goal').fill('Ask how she moved from museums to archives.');
	await other.getByRole('button', { name: 'Save the plan' }).click();

	const cards = conflicts(other);
	await expect(cards.getByRole('heading', { name: 'Your goal' })).toBeVisible();
	await expect(cards.getByText('Ask about the digitisation project.')).toBeVisible();
	expect((await readTable(other, 'interviews'))[0]?.goal).toBe(
		'Ask about the digitisation project.'
	);
	await cards.getByRole('button', { name: 'Keep both (Your goal)' }).click();
	await expect(cards).toHaveCount(0);
	await other.getByRole('button', { name: 'Save the plan' }).click();
	await expect(other.getByText('Plan saved.')).toBeVisible();
	expect((await readTable(other, 'interviews'))[0]?.goal).toBe(
		'Ask how she moved from museums to archives.\n\nAsk about the digitisation project.'
	);
});

test('notes typed on the same answer in two tabs running one interview are both kept', async ({
	page,
	context
}) => {
	const T = 1_760_000_000_000;
	await openControlled(page, '/');
	await seed(page, {
		contacts: [makeContact({ id: 'c-ines', name: 'Inès Laurent', createdAt: T, updatedAt: T })],
		interviews: [
			makeInterview({
				id: 'v-ines',
				contactId: 'c-ines',
				status: 'planned',
				questions: [{ text: 'What surprised you in your first year?' }],
				createdAt: T,
				updatedAt: T
			})
		]
	});
	const other = await context.newPage();
	for (const tab of [page, other]) {
		await tab.goto('/interviews/v-ines/run');
		await expect(tab.getByLabel('Notes on the answer')).toHaveValue('');
	}
	await page.getByLabel('Notes on the answer').fill('Fewer meetings than expected.');
	await expect(page.getByText('Saved on this phone.')).toBeVisible();
	await other.getByLabel('Notes on the answer').fill('Mentoring mattered most.');
	await expect(
		other.getByRole('status').filter({ hasText: 'Another tab changed this answer' })
	).toBeVisible();
	await expect(other.getByLabel('Notes on the answer')).toHaveValue(
		'Mentoring mattered most.\n\nFewer meetings than expected.'
	);
	await expect(other.getByText('Saved on this phone.')).toBeVisible();
	const [stored] = await readTable(page, 'interviews');
	expect(stored?.questions[0]?.answer).toBe(
		'Mentoring mattered most.\n\nFewer meetings than expected.'
	);
});
