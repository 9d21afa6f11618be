// Messages ready to send (issue 16, point 2): each template fills from the contact, the interview
// and My card; the message is edited in place; it goes out by mailto:, sms: or a copy; "Mark as
// sent" logs the touchpoint and marks the thank-you sent; templates changed and added in Settings
// survive a reload and travel in the backup.
import { mkdir, readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openControlled } from './support/app';
import { readTable, seed } from './support/db';
import { BackupSettings } from './support/pages/backup';

const SHOTS = '/tmp/messages-shots';
const T = 1_760_000_000_000;

async function shot(page: Page, name: string, fullPage = false) {
	await mkdir(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

const person = (id: string, name: string, fields: object = {}) => ({
	id,
	name,
	emails: [],
	phones: [],
	links: [],
	tags: [],
	createdAt: T,
	updatedAt: T,
	version: 1,
	...fields
});

/** Ada, introduced by Sam, who gave her resume tips and met her for an interview; and my card. */
async function seedNetwork(page: Page) {
	await openControlled(page, '/');
	await seed(page, {
		contacts: [
			person('c-sam', 'Sam Lee'),
			person('c-ada', 'Ada Lovelace', {
				introducedById: 'c-sam',
				organization: 'City Library',
				field: 'digital archives',
				metAt: 'the spring job fair',
				emails: ['ada@example.org'],
				phones: ['+1 555 0100'],
				introRequests: [{ id: 'r1', who: 'Grace Hopper', createdAt: T }]
			})
		],
		interactions: [
			{
				id: 't-ada',
				contactId: 'c-ada',
				on: '2026-03-01',
				channel: 'call',
				summary: 'Talked about resumes',
				received: ['resume-tips'],
				followUpDone: false,
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		],
		interviews: [
			{
				id: 'v-ada',
				contactId: 'c-ada',
				mode: 'video',
				status: 'done',
				scheduledAt: T,
				notes: 'Metadata work is moving to linked data. Join the regional group.',
				questions: [],
				referralIds: [],
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		],
		settings: [{ key: 'myCard', value: { name: 'Jo Park', links: [] } }]
	});
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Message' });
/** The message box holds this text somewhere (a textarea's text is its value, not its content). */
const holds = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const subject = (page: Page) => page.getByRole('textbox', { name: 'Subject' });

async function openMoment(page: Page, link: string) {
	await page.goto('/contacts/c-ada');
	await page
		.getByRole('region', { name: 'Write to Ada' })
		.getByRole('link', { name: link })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Message to Ada Lovelace' })
	).toBeVisible();
}

test('each template fills from the records, is edited in place, sent, and logged', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await seedNetwork(page);

	await page.goto('/contacts/c-ada');
	await page.getByRole('region', { name: 'Write to Ada' }).scrollIntoViewIfNeeded();
	await shot(page, 'contact-write-to');

	// Following up on the referral names who suggested it, in the subject the email link carries.
	await openMoment(page, 'Follow up on the referral');
	await expect(subject(page)).toHaveValue('Sam Lee suggested I get in touch');
	await expect(body(page)).toHaveValue(
		/^Dear Ada,\n\nSam Lee suggested I get in touch with you\. I am Jo Park/
	);
	await expect(page.getByRole('link', { name: 'Email Ada' })).toHaveAttribute(
		'href',
		/^mailto:ada@example\.org\?subject=Sam%20Lee%20suggested%20I%20get%20in%20touch&body=Dear%20Ada%2C%0A/
	);
	await expect(page.getByRole('status').filter({ hasText: 'Before sending' })).toHaveCount(0);

	// Asking for an informational interview: the email, and the phone script.
	await openMoment(page, 'Ask for an informational interview');
	await expect(body(page)).toHaveValue(holds('your work at City Library'));
	await expect(body(page)).toHaveValue(holds('finding my way into digital archives'));
	await page
		.getByLabel('Template')
		.selectOption({ label: 'Ask for an informational interview by phone (Phone script)' });
	const script = page.getByRole('textbox', { name: 'What to say' });
	await expect(script).toHaveValue(/^Hello Ada, this is Jo Park\./);
	await expect(subject(page)).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Call Ada' })).toHaveAttribute(
		'href',
		'tel:+15550100'
	);

	// Asking for an introduction names the person from the intro request.
	await openMoment(page, 'Ask for an introduction');
	await expect(subject(page)).toHaveValue('A favour: an introduction to Grace Hopper?');

	// Keeping in touch is a text message, sent by sms:.
	await openMoment(page, 'Keep in touch');
	await expect(body(page)).toHaveValue(/How are things at City Library\?.* – Jo Park$/);
	await expect(page.getByRole('link', { name: 'Text Ada' })).toHaveAttribute(
		'href',
		/^sms:\+15550100\?body=Hi%20Ada%2C%20it%20has%20been/
	);

	// Telling a helper what came of it: the news is theirs to write, and sending waits for it.
	await openMoment(page, 'Tell them what came of their help');
	await expect(body(page)).toHaveValue(
		holds('what came of the resume tips you gave me: {yourNews}')
	);
	const gaps = page.getByRole('status').filter({ hasText: 'Before sending' });
	await expect(gaps).toContainText('{yourNews}');
	await shot(page, 'message-gap', true);
	await expect(page.getByRole('button', { name: 'Email Ada' })).toBeDisabled();
	await expect(page.getByRole('button', { name: 'Copy' })).toBeDisabled();
	const filled = await body(page).inputValue();
	await body(page).fill(filled.replace('{yourNews}', 'I start at the county archive in May.'));
	await expect(gaps).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Email Ada' })).toHaveAttribute(
		'href',
		/county%20archive%20in%20May/
	);
	// The edited message is kept through a reload, as a draft, until it is sent.
	await page.reload();
	await expect(body(page)).toHaveValue(holds('I start at the county archive in May.'));
	await expect(page.getByText('Your message from last time, not sent yet.')).toBeVisible();
	await shot(page, 'message-edited');
	await page.getByRole('button', { name: 'Copy' }).click();
	await expect(page.getByText('Copied.')).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toMatch(/^What came of your help\n\nDear Ada,\n\n/);
	expect(copied).toContain('I start at the county archive in May.');

	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(page.getByText('Logged as a touchpoint with Ada Lovelace.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
	const logged = (await readTable(page, 'interactions')).filter((t) => t.id !== 't-ada');
	expect(logged).toHaveLength(1);
	expect(logged[0]).toMatchObject({ contactId: 'c-ada', channel: 'email' });
	expect(logged[0]!.summary).toMatch(
		/^Told them what came of their help\.\n\nWhat came of your help/
	);
	expect(logged[0]!.summary).toContain('county archive in May');

	// Sent, the draft is gone: the next message starts from the template again.
	await openMoment(page, 'Tell them what came of their help');
	await expect(body(page)).toHaveValue(holds('gave me: {yourNews}'));

	// The thank-you, from the interview page, names something from its notes and marks it sent.
	await page.goto('/interviews/v-ada');
	await shot(page, 'interview-page', true);
	await page.getByRole('link', { name: 'Write a thank-you' }).click();
	await expect(body(page)).toHaveValue(
		holds(
			'One thing I keep thinking about: metadata work is moving to linked data. I am going to act on it.'
		)
	);
	await expect(body(page)).toHaveValue(/Jo Park$/);
	await expect(page.getByText('and marks the thank-you for the interview as sent')).toBeVisible();
	expect((await readTable(page, 'interviews'))[0]!.thankYouSentOn).toBeUndefined();
	await page.getByRole('button', { name: 'Mark as sent' }).click();
	await expect(
		page.getByText('Logged with Ada Lovelace, and the thank-you is marked as sent.')
	).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Interview with Ada Lovelace' })
	).toBeVisible();
	const today = await page.evaluate(() => {
		const d = new Date();
		return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	});
	await expect
		.poll(async () => (await readTable(page, 'interviews'))[0]!.thankYouSentOn)
		.toBe(today);
	const thanks = (await readTable(page, 'interactions')).filter((t) =>
		t.summary.startsWith('Sent a thank-you')
	);
	expect(thanks).toHaveLength(1);
	expect(thanks[0]).toMatchObject({ contactId: 'c-ada', on: today, channel: 'email' });
});

test('a changed and an added template survive a reload and travel in the backup', async ({
	page
}, info) => {
	await seedNetwork(page);
	await page.goto('/settings');
	await page.getByRole('link', { name: 'Message templates' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Message templates' })).toBeVisible();

	// Change a built-in.
	await page.getByRole('link', { name: /^Keep in touch Text message/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Edit template' })).toBeVisible();
	await body(page).fill('Hello {firstName}, checking in from {metAt}. {myName}');
	await page.getByRole('button', { name: 'Save the template' }).click();
	await expect(page.getByText('Template saved.')).toBeVisible();
	await expect(
		page.getByRole('link', { name: /^Keep in touch Text message Changed/ })
	).toBeVisible();

	// Add one of my own; a misspelt word is caught before it is saved.
	await page.getByRole('link', { name: 'Add a template' }).click();
	await page.getByLabel('Name').fill('Coffee after the fair');
	await page.getByLabel('When it is for').selectOption({ label: 'Keep in touch' });
	await page.getByRole('radio', { name: 'Text message' }).check();
	await body(page).fill('Hi {frstName}, great to meet you!');
	await page.getByRole('button', { name: 'Add the template' }).click();
	await expect(page.getByText('Kith cannot fill {frstName}')).toBeVisible();
	await body(page).fill('Hi {firstName}, great to meet you at {metAt}!');
	await page.getByRole('button', { name: 'Add the template' }).click();
	await expect(page.getByText('Template added.')).toBeVisible();
	await shot(page, 'templates-list', true);

	await page.reload();
	await expect(
		page.getByRole('link', { name: /^Keep in touch Text message Changed/ })
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: /^Coffee after the fair Text message Yours/ })
	).toBeVisible();

	// Both fill a message to Ada.
	await openMoment(page, 'Keep in touch');
	await expect(body(page)).toHaveValue('Hello Ada, checking in from the spring job fair. Jo Park');
	await page.getByLabel('Template').selectOption({ label: 'Coffee after the fair (Text message)' });
	await expect(body(page)).toHaveValue('Hi Ada, great to meet you at the spring job fair!');

	// Both are in the backup.
	const settings = new BackupSettings(page);
	await page.goto('/settings');
	const path = info.outputPath('backup.json');
	await settings.backUp(path);
	const file = JSON.parse(await readFile(path, 'utf8')) as {
		tables: { templates: { id: string; name: string; body: string }[] };
	};
	expect(file.tables.templates.map((t) => t.name).sort()).toEqual([
		'Coffee after the fair',
		'Keep in touch'
	]);
	expect(file.tables.templates.find((t) => t.id === 'builtin:keep-in-touch-message')?.body).toBe(
		'Hello {firstName}, checking in from {metAt}. {myName}'
	);

	// Deleting my own can be undone; resetting a built-in asks first and brings back the original.
	await page.goto('/settings/messages');
	await page.getByRole('link', { name: /^Coffee after the fair/ }).click();
	await page.getByRole('button', { name: 'Delete the template' }).click();
	await expect(page.getByText('“Coffee after the fair” deleted.')).toBeVisible();
	await expect(page.getByRole('link', { name: /^Coffee after the fair/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('link', { name: /^Coffee after the fair/ })).toBeVisible();

	await page.getByRole('link', { name: /^Keep in touch Text message Changed/ }).click();
	await page.getByRole('button', { name: 'Reset to Kith’s wording' }).click();
	const dialog = page.getByRole('dialog', { name: 'Reset “Keep in touch”?' });
	await dialog.getByRole('button', { name: 'Reset' }).click();
	await expect(page.getByText('“Keep in touch” is back to Kith’s wording.')).toBeVisible();
	await expect(page.getByRole('link', { name: /^Keep in touch Text message$/ })).toBeVisible();
	expect((await readTable(page, 'templates')).map((t) => t.name)).toEqual([
		'Coffee after the fair'
	]);
});
