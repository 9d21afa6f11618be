import { mkdir, readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, test, type Page } from '@playwright/test';
import { goOffline, openControlled } from './support/app';
import { storedContacts } from './support/db';

const SHOTS = '/tmp/interviews-shots';

async function shot(page: Page, name: string, fullPage = true) {
	await mkdir(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

function localInput(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('plan, ask, debrief and thank, all offline', async ({ page, context }, testInfo) => {
	await openControlled(page, '/');
	await goOffline(context, page);

	// Empty list, then a plan with someone new.
	await page.goto('/interviews');
	await expect(page.getByRole('heading', { name: 'No interviews yet' })).toBeVisible();
	await shot(page, '1-interviews-empty');
	await page.getByRole('link', { name: 'Plan your first' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Plan an interview' })).toBeVisible();
	await page.getByRole('button', { name: '+ Someone not in Kith yet' }).click();
	await page.getByLabel('Their name').fill('Nora Quist');
	await page.getByLabel('Their organisation (optional)').fill('Harbour Library, Archives; East');
	const start = new Date(Date.now() + 2 * 86_400_000);
	start.setHours(10, 0, 0, 0);
	await page.getByLabel('Date and time').fill(localInput(start));
	await expect(page.getByLabel('Planned length (minutes)')).toHaveValue('30');
	await page.getByRole('radio', { name: 'Phone' }).check();
	await page.getByLabel('Your goal').fill('Learn how archives hire.');
	await shot(page, '2-plan-new');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Interview with Nora Quist' })
	).toBeVisible();
	await shot(page, '3a-plan-top', false);

	// Pick questions from the bank, add a long one of my own, and reorder.
	const first = 'How did you end up doing the work you do now?';
	const referral = 'Who else would you suggest I talk to?';
	await page.getByRole('checkbox', { name: first }).check();
	await page.getByRole('checkbox', { name: referral }).check();
	const long = `What would you tell someone starting out? ${'Details matter. '.repeat(120)}`.slice(
		0,
		2000
	);
	await page.getByRole('textbox', { name: 'Your own question' }).fill(long);
	await page.getByRole('button', { name: 'Add to this interview' }).click();
	const picked = page
		.getByRole('list', { name: 'Questions for this interview' })
		.getByRole('listitem');
	await expect(picked).toHaveCount(3);
	await page.getByRole('button', { name: `Move up: ${referral}` }).click();
	await expect(picked.first()).toContainText(referral);
	// The keyboard stays on the moved question.
	await expect(page.getByRole('button', { name: `Move down: ${referral}` })).toBeFocused();
	await page.getByRole('checkbox', { name: 'Research the organisation' }).check();
	await expect(page.getByText('1 of 4')).toBeVisible();
	await shot(page, '3-plan-questions');

	// Run it: answers are saved as typed; a reload resumes on the same question.
	await page.getByRole('link', { name: 'Start the interview' }).click();
	await expect(page.getByText('Question 1 of 3')).toBeVisible();
	await expect(page.getByRole('heading', { name: referral })).toBeVisible();
	await page.getByLabel('Notes on the answer').fill('Talk to Olga and Peter.');
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(page.getByText('Question 2 of 3')).toBeVisible();
	await page.getByLabel('Notes on the answer').fill('Started as a page at sixteen.');
	await expect(page.getByText('Saved on this phone.')).toBeVisible();
	await shot(page, '4-run');
	await page.reload();
	await expect(page.getByText('Question 2 of 3')).toBeVisible();
	await expect(page.getByLabel('Notes on the answer')).toHaveValue('Started as a page at sixteen.');
	await page.getByRole('button', { name: '← Previous' }).click();
	await expect(page.getByLabel('Notes on the answer')).toHaveValue('Talk to Olga and Peter.');
	await page.getByRole('button', { name: 'Next →' }).click();
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(page.getByText('Question 3 of 3')).toBeVisible();
	await shot(page, '5-run-long-question');
	await page.getByRole('button', { name: 'Finish and debrief' }).click();

	// Debrief with two names: they become contacts introduced by Nora.
	await expect(page.getByRole('heading', { name: 'How did it go with Nora Quist?' })).toBeVisible();
	await page.getByLabel('What you learned').fill('Archives hire through volunteers, often.');
	await page.getByRole('checkbox', { name: 'Inside information' }).check();
	await page.getByLabel('Who else they suggested you talk to').fill('Olga Berg\nPeter Lind');
	await shot(page, '6-debrief');
	await page.getByRole('button', { name: 'Save the debrief' }).click();
	await expect(
		page.getByText(/Debrief saved, with 2 people introduced by Nora Quist/)
	).toBeVisible();
	await expect(page.getByText('Done', { exact: true })).toBeVisible();

	// The calendar file parses, with the interview's time in UTC and an alarm.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Add to calendar' }).click();
	const file = await download;
	const path = testInfo.outputPath('interview.ics');
	await file.saveAs(path);
	const text = await readFile(path, 'utf8');
	expect(text).toContain('\r\n');
	const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
	const event = new ICAL.Event(vevent);
	expect(event.startDate.toJSDate().getTime()).toBe(start.getTime());
	expect(event.endDate.toJSDate().getTime()).toBe(start.getTime() + 30 * 60_000);
	expect(event.summary).toBe(
		'Informational interview with Nora Quist (Harbour Library, Archives; East)'
	);
	expect(event.uid).toMatch(/@kith\.interviews$/);
	expect(vevent.getFirstSubcomponent('valarm')).not.toBeNull();
	expect(event.description).toContain(referral);

	// Nora's page shows whom she introduced.
	await page.getByRole('link', { name: 'Nora Quist' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Nora Quist' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Olga Berg' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Peter Lind' })).toBeVisible();
	await page.getByRole('link', { name: 'Olga Berg' }).click();
	await expect(page.getByRole('link', { name: 'Nora Quist' })).toBeVisible();

	// Today owes a thank-you until it is marked sent.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	const thanks = page.getByRole('list', { name: 'Thank-yous owed' });
	await expect(thanks.getByRole('link', { name: 'Nora Quist' })).toBeVisible();
	await shot(page, '7-today');
	await page.getByRole('button', { name: 'Sent the thank-you to Nora Quist' }).click();
	await expect(page.getByText('Thank-you to Nora Quist marked as sent.')).toBeVisible();
	await expect(thanks).toHaveCount(0);

	// The past list holds it.
	await page.goto('/interviews');
	await expect(
		page.getByRole('list', { name: 'Past interviews' }).getByRole('link', { name: 'Nora Quist' })
	).toBeVisible();
	await shot(page, '8-interviews-list');
});

test('a name that matches a contact is linked instead of doubled; a deleted person keeps the interview', async ({
	page
}) => {
	await openControlled(page, '/interviews/new');
	await page.getByRole('button', { name: '+ Someone not in Kith yet' }).click();
	await page.getByLabel('Their name').fill('Rita Voss');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Interview with Rita Voss' })
	).toBeVisible();
	const planUrl = page.url();
	// With no time set yet it waits on Today among the interviews coming up.
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(
		page.getByRole('list', { name: 'Coming up' }).getByRole('link', { name: 'Rita Voss' })
	).toBeVisible();

	// A second interview, with an existing contact picked, names Rita as a referral.
	await page.goto('/interviews/new');
	await page.getByRole('button', { name: '+ Someone not in Kith yet' }).click();
	await page.getByLabel('Their name').fill('Sam Ode');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Interview with Sam Ode' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Debrief' }).click();
	await page.getByLabel('Who else they suggested you talk to').fill('rita  VOSS');
	await expect(page.getByRole('radio', { name: 'Link Rita Voss' })).toBeChecked();
	await page.getByRole('button', { name: 'Save the debrief' }).click();
	await expect(page.getByText(/with 1 person introduced by Sam Ode/)).toBeVisible();
	const contacts = (await storedContacts(page)).map((c) => c.name).sort();
	expect(contacts).toEqual(['Rita Voss', 'Sam Ode']);

	// Rita goes to the trash: her interview stays, says so, and can bring her back.
	await page.goto(planUrl);
	await page.getByRole('link', { name: 'Rita Voss' }).click();
	await page.getByRole('button', { name: 'Delete' }).click();
	// Stored before the page is left: a reload does not wait for a write under way.
	await expect(page.getByText('Rita Voss moved to the trash.')).toBeVisible();
	await page.goto(planUrl);
	await expect(page.getByText('is in the trash. The interview is kept.')).toBeVisible();
	await page.getByRole('button', { name: 'Restore Rita Voss' }).click();
	await expect(page.getByText('Rita Voss is back in your contacts.')).toBeVisible();
	await expect(page.getByText('is in the trash. The interview is kept.')).toHaveCount(0);
});
