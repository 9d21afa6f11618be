// Today tells the truth and keeps one line per person (issue 16, points 3 and 4): a planned
// interview owes no thank-you, one whose time has passed asks "How did it go?" and leads to its
// debrief with the notes taken while running it; a person with a follow-up and a keep-in-touch
// rhythm due is one item, and Done, Tomorrow, Next week, Open and logging a touchpoint clear it at
// once, in a second tab too.
import { expect, test, type Page } from '@playwright/test';
import type { Contact } from '../src/lib/domain/contact';
import type { Interview } from '../src/lib/domain/interview';
import type { Touchpoint } from '../src/lib/domain/touchpoint';
import { openControlled } from './support/app';
import { readTable, seed } from './support/db';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function contact(id: string, name: string, fields: Partial<Contact> = {}): Contact {
	const t = Date.now() - 60 * DAY;
	return {
		id,
		name,
		emails: [],
		phones: [],
		links: [],
		tags: [],
		createdAt: t,
		updatedAt: t,
		version: 1,
		...fields
	};
}

function interview(id: string, contactId: string, fields: Partial<Interview>): Interview {
	const t = Date.now() - 10 * DAY;
	return {
		id,
		contactId,
		mode: 'video',
		status: 'planned',
		durationMinutes: 30,
		questions: [],
		referralIds: [],
		createdAt: t,
		updatedAt: t,
		version: 1,
		...fields
	};
}

function touchpoint(id: string, contactId: string, fields: Partial<Touchpoint>): Touchpoint {
	const t = Date.now() - 30 * DAY;
	return {
		id,
		contactId,
		on: day(-30),
		channel: 'call',
		summary: '',
		received: [],
		followUpDone: false,
		createdAt: t,
		updatedAt: t,
		version: 1,
		...fields
	};
}

/** The local day `offset` days from now, as the app writes dates. */
function day(offset: number): string {
	const d = new Date(Date.now() + offset * DAY);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function dueItems(page: Page) {
	return page.getByRole('list', { name: 'Follow-ups due' }).getByRole('listitem');
}

function itemOf(page: Page, name: string) {
	return dueItems(page).filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('a planned interview owes no thank-you; one whose time has passed asks how it went and leads to the debrief with its run notes', async ({
	page
}) => {
	await openControlled(page, '/');
	const now = Date.now();
	await seed(page, {
		contacts: [
			contact('c-ana', 'Ana Planned'),
			contact('c-ben', 'Ben Soon'),
			contact('c-cleo', 'Cleo Ran')
		],
		interviews: [
			// Its time passed three hours ago, but nothing says it took place.
			interview('i-ana', 'c-ana', { scheduledAt: now - 3 * HOUR }),
			interview('i-ben', 'c-ben', { scheduledAt: now + 2 * DAY }),
			// Run two hours ago, with notes, and not debriefed yet.
			interview('i-cleo', 'c-cleo', {
				scheduledAt: now - 2 * HOUR,
				startedAt: now - 2 * HOUR,
				currentIndex: 1,
				questions: [
					{ text: 'How did you start out?', answer: 'Volunteered at the county archive.' },
					{ text: 'What would you do in my place?', answer: 'Join the records society.' }
				]
			})
		]
	});

	const thanks = page.getByRole('list', { name: 'Thank-yous owed' });
	const howItWent = page.getByRole('list', { name: 'How did it go?' });
	const debrief = (name: string) =>
		howItWent
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name, exact: true }) })
			.getByRole('link', { name: 'Debrief', exact: true });
	await expect(howItWent.getByRole('link', { name: 'Ana Planned', exact: true })).toBeVisible();
	await expect(howItWent.getByRole('link', { name: 'Cleo Ran', exact: true })).toBeVisible();
	await expect(howItWent.getByRole('link', { name: 'Ben Soon', exact: true })).toHaveCount(0);
	await expect(page.getByRole('list', { name: 'Coming up' })).toContainText('Ben Soon');
	// Only the interview that was run owes a thank-you.
	await expect(thanks.getByRole('link', { name: 'Cleo Ran' })).toBeVisible();
	await expect(thanks.getByRole('link', { name: 'Ana Planned' })).toHaveCount(0);
	await expect(thanks.getByRole('link', { name: 'Ben Soon' })).toHaveCount(0);

	await debrief('Cleo Ran').click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'How did it go with Cleo Ran?' })
	).toBeVisible();
	const notes = page.getByRole('region', { name: 'Your notes from the interview' });
	await expect(notes).toContainText('How did you start out?');
	await expect(notes).toContainText('Volunteered at the county archive.');
	await expect(notes).toContainText('Join the records society.');
	await page.getByLabel('What you learned').fill('Archives hire volunteers first.');
	await page.getByRole('button', { name: 'Save the debrief' }).click();
	await expect(page.getByText('Debrief saved and logged as a touchpoint.')).toBeVisible();

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(thanks.getByRole('link', { name: 'Cleo Ran' })).toBeVisible();
	await expect(howItWent.getByRole('link', { name: 'Cleo Ran', exact: true })).toHaveCount(0);
	await expect(howItWent.getByRole('link', { name: 'Ana Planned', exact: true })).toBeVisible();

	// Debriefing the other one as done is what makes its thank-you owed.
	await debrief('Ana Planned').click();
	await expect(page.getByRole('region', { name: 'Your notes from the interview' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Save the debrief' }).click();
	await expect(page.getByText('Debrief saved and logged as a touchpoint.')).toBeVisible();
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(thanks.getByRole('link', { name: 'Ana Planned' })).toBeVisible();
	await expect(howItWent).toHaveCount(0);
});

const people = () => ({
	contacts: [
		// A keep-in-touch rhythm due five days ago, and a follow-up after a touchpoint.
		contact('c-maya', 'Maya Both', { keepInTouchDays: 30, nextFollowUpOn: day(-5) }),
		contact('c-ola', 'Ola Hand', { nextFollowUpOn: day(0), organization: 'City Library' }),
		contact('c-pia', 'Pia Touch')
	],
	interactions: [
		touchpoint('t-maya', 'c-maya', {
			summary: 'Send my portfolio',
			followUpOn: day(-2)
		}),
		touchpoint('t-pia', 'c-pia', { summary: 'Ask about the opening', followUpOn: day(-1) })
	]
});

test('Today shows one item per person; Done, Tomorrow, Next week and Open work and clear at once', async ({
	page
}) => {
	await openControlled(page, '/');
	await seed(page, people());

	await expect(dueItems(page)).toHaveCount(3);
	const maya = itemOf(page, 'Maya Both');
	await expect(maya).toHaveCount(1);
	await expect(maya).toContainText('Time to check in (every 30 days)');
	await expect(maya).toContainText('After: Send my portfolio');
	await expect(maya).toContainText('overdue by 5 days');
	await expect(itemOf(page, 'Ola Hand')).toContainText('A follow-up you set');

	// Done settles both of Maya's: the rhythm starts again from today, the touchpoint's is done.
	await maya.getByRole('button', { name: 'Done with Maya Both' }).click();
	await expect(page.getByText('Marked Maya Both as done.')).toBeVisible();
	await expect(dueItems(page)).toHaveCount(2);
	expect((await readTable(page, 'contacts')).find((c) => c.id === 'c-maya')?.nextFollowUpOn).toBe(
		day(30)
	);
	expect((await readTable(page, 'interactions')).find((t) => t.id === 't-maya')?.followUpDone).toBe(
		true
	);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(dueItems(page)).toHaveCount(3);

	// Next week moves both to the same day.
	await page.getByRole('button', { name: 'Next week for Maya Both' }).click();
	await expect(page.getByText('Maya Both moved to next week.')).toBeVisible();
	await expect(itemOf(page, 'Maya Both')).toHaveCount(0);
	expect((await readTable(page, 'contacts')).find((c) => c.id === 'c-maya')?.nextFollowUpOn).toBe(
		day(7)
	);
	expect(await readTable(page, 'interactions')).toContainEqual(
		expect.objectContaining({ id: 't-maya', followUpOn: day(7), followUpDone: false })
	);

	await page.getByRole('button', { name: 'Tomorrow for Ola Hand' }).click();
	await expect(page.getByText('Ola Hand moved to tomorrow.')).toBeVisible();
	await expect(dueItems(page)).toHaveCount(1);
	expect((await readTable(page, 'contacts')).find((c) => c.id === 'c-ola')?.nextFollowUpOn).toBe(
		day(1)
	);

	await itemOf(page, 'Pia Touch').getByRole('link', { name: 'Open', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pia Touch' })).toBeVisible();
});

test('logging a touchpoint clears the person from Today at once, in another tab too', async ({
	page,
	context
}) => {
	await openControlled(page, '/');
	await seed(page, people());
	const other = await context.newPage();
	await other.goto('/');
	await expect(dueItems(other)).toHaveCount(3);

	await page.getByLabel('Who was it with?').fill('maya');
	await page.getByRole('button', { name: 'Maya Both', exact: true }).click();
	await expect(page.getByRole('heading', { name: /Log a touchpoint with/ })).toBeVisible();
	await page.getByRole('radio', { name: 'Call' }).check();
	await page.getByRole('button', { name: 'Save touchpoint' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Maya Both' })).toBeVisible();

	// The other tab drops Maya without a reload; the others stay.
	await expect(itemOf(other, 'Maya Both')).toHaveCount(0);
	await expect(dueItems(other)).toHaveCount(2);
	await page.getByRole('link', { name: 'Today', exact: true }).click();
	await expect(itemOf(page, 'Maya Both')).toHaveCount(0);

	// Done in one tab clears it in the other.
	await other.getByRole('button', { name: 'Done with Pia Touch' }).click();
	await expect(itemOf(page, 'Pia Touch')).toHaveCount(0);
	await expect(dueItems(page)).toHaveCount(1);
});
