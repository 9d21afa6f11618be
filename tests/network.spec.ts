import { expect, test, type Page } from '@playwright/test';
import type { Contact } from '../src/lib/domain/contact';
import type { Touchpoint } from '../src/lib/domain/touchpoint';
import { makeContact } from '../src/lib/domain/testing/factories';
import { capture, goOffline, openControlled } from './support/app';
import { readTables, seed, storedContacts } from './support/db';

const T = 1_760_000_000_000;

/** A contact made at T (the repository's rules give it its search words when seeded). */
function contact(id: string, name: string, fields: Partial<Contact> = {}): Contact {
	return makeContact({ id, name, createdAt: T, updatedAt: T, ...fields });
}

function touchpoint(id: string, contactId: string, received: Touchpoint['received']): Touchpoint {
	return {
		id,
		contactId,
		on: '2026-03-02',
		channel: 'call',
		summary: 'A call',
		received,
		followUpDone: false,
		createdAt: T,
		updatedAt: T,
		version: 1
	};
}

/** Every row of the tables a merge touches, to compare before and after. */
function dump(page: Page) {
	return readTables(page, ['contacts', 'interactions', 'interviews']);
}

test.beforeEach(async ({ page, context }) => {
	await openControlled(page, '/');
	await goOffline(context, page);
});

test('merge two contacts, keep everything of both, and undo puts it all back', async ({ page }) => {
	await capture(page, 'Maya Lopez', { organization: 'City Archive' });
	await capture(page, 'Maya L.', { where: 'Library fair' });
	const stored = await storedContacts(page);
	const lopez = stored.find((c) => c.name === 'Maya Lopez')!.id as string;
	const short = stored.find((c) => c.name === 'Maya L.')!.id as string;
	await seed(page, {
		contacts: [contact('ben', 'Ben Okafor', { introducedById: short })],
		interactions: [touchpoint('t1', lopez, ['names']), touchpoint('t2', short, ['interview'])],
		interviews: [
			{
				id: 'v1',
				contactId: short,
				mode: 'video',
				status: 'done',
				questions: [],
				referralIds: ['ben'],
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		]
	});
	const before = await dump(page);

	await page.goto(`/contacts/${lopez}`);
	await page.getByRole('link', { name: 'Merge with…' }).click();
	// Likely duplicates are offered at once; the search finds anyone else.
	await expect(
		page.getByRole('list', { name: 'Could be the same person' }).getByRole('button')
	).toHaveText(['Maya L.']);
	await page.getByLabel('Merge Maya Lopez with').fill('maya');
	await page
		.getByRole('list', { name: 'Matching contacts' })
		.getByRole('button', { name: 'Maya L.' })
		.click();
	await expect(page.getByRole('heading', { name: 'Which details to keep' })).toBeVisible();
	// Gaps are filled from the other one; the name is the user's pick.
	await expect(
		page.getByRole('group', { name: 'Where you met' }).getByRole('radio', { name: /Library fair/ })
	).toBeChecked();
	await page
		.getByRole('group', { name: 'Name' })
		.getByRole('radio', { name: /From Maya L\./ })
		.check();
	await page.getByRole('button', { name: 'Merge into Maya Lopez' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Maya L.' })).toBeVisible();
	await expect(page.getByText('Merged the two into one: Maya L.')).toBeVisible();
	await expect(page.getByText('City Archive')).toBeVisible();
	await expect(
		page.getByRole('definition').filter({ has: page.getByRole('link', { name: 'Ben Okafor' }) })
	).toBeVisible();
	const merged = await dump(page);
	expect(merged.interactions!.map((i) => i.contactId)).toEqual([lopez, lopez]);
	expect(merged.interviews![0]!.contactId).toBe(lopez);
	const after = new Map(merged.contacts!.map((c) => [c.id, c]));
	expect(after.get('ben')!.introducedById).toBe(lopez);
	expect(after.get(short)).toMatchObject({ mergedIntoId: lopez, deletedAt: expect.any(Number) });

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText('are two contacts again')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Maya Lopez' })).toBeVisible();
	expect(await dump(page)).toEqual(before);
});

test('a referral chain shows up and down with links; a deleted introducer stays in it', async ({
	page
}) => {
	await seed(page, {
		contacts: [
			contact('ana', 'Ana Ruiz'),
			contact('ben', 'Ben Okafor', { introducedById: 'ana' }),
			contact('cleo', 'Cleo Park', { introducedById: 'ben' }),
			contact('dev', 'Dev Shah', { introducedById: 'cleo' }),
			contact('eve', 'Eve Stone', { introducedById: 'cleo' }),
			contact('xss', '<img src=x onerror="window.__hacked=1">Zed', { introducedById: 'dev' }),
			contact('x1', 'Loop One', { introducedById: 'x2' }),
			contact('x2', 'Loop Two', { introducedById: 'x1' })
		]
	});
	await page.goto('/contacts/cleo');
	const up = page.getByRole('list', { name: 'How you reached Cleo Park' });
	await expect(up.getByRole('listitem')).toHaveText([/Ana Ruiz/, /Ben Okafor/, /Cleo Park/]);
	const down = page.getByRole('group', { name: 'Where Cleo Park led: 3 people' });
	await expect(down.getByRole('link')).toHaveText([
		'Dev Shah',
		'<img src=x onerror="window.__hacked=1">Zed',
		'Eve Stone'
	]);
	expect(await page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();

	await up.getByRole('link', { name: 'Ana Ruiz' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Where Ana Ruiz led: 5 people' })).toBeVisible();
	await page
		.getByRole('group', { name: /Where Ana Ruiz led/ })
		.getByRole('link', { name: 'Eve Stone' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Eve Stone' })).toBeVisible();

	// Ben goes to the trash: the chain keeps him, marked deleted; restoring brings him back.
	await page.goto('/contacts/ben');
	await page.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('Ben Okafor moved to the trash.')).toBeVisible();
	await page.goto('/contacts/cleo');
	await expect(up.getByRole('listitem').nth(1)).toHaveText(/Ben Okafor\s*deleted/);
	await up.getByRole('link', { name: 'Ben Okafor' }).click();
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByText('Ben Okafor is back in your contacts.')).toBeVisible();
	await page.goto('/contacts/cleo');
	await expect(up.getByRole('listitem').nth(1)).toHaveText(/^\s*Ben Okafor\s*$/);

	// A loop in the data does not hang the page; it says what is wrong.
	await page.goto('/contacts/x1');
	await expect(page.getByText('These introductions loop back on themselves.')).toBeVisible();
	await expect(page.getByRole('list', { name: 'How you reached Loop One' })).toContainText(
		'Loop Two'
	);
});

test('the network page counts circles, introducers and where outcomes came from', async ({
	page
}) => {
	await page.goto('/network');
	await expect(page.getByRole('heading', { name: 'Nothing to map yet' })).toBeVisible();

	const people = [
		contact('maya', 'Maya Lopez', { circle: 'alumni' }),
		contact('a', 'Avi', { circle: 'alumni', introducedById: 'maya' }),
		contact('b', 'Bea', { circle: 'alumni', introducedById: 'maya' }),
		contact('c', 'Cal', { circle: 'gym', introducedById: 'maya' }),
		contact('d', 'Dee', { circle: 'gym', introducedById: 'c' }),
		contact('e', 'Eko', { introducedById: 'c' }),
		contact('f', 'Fox', { circle: 'alumni' }),
		contact('g', 'Gil', { circle: 'alumni', deletedAt: T })
	];
	await seed(page, {
		contacts: people,
		interactions: [
			touchpoint('i1', 'a', ['interview']),
			touchpoint('i2', 'd', ['interview', 'names']),
			touchpoint('i3', 'e', ['interview']),
			touchpoint('i4', 'f', ['job-offer'])
		]
	});
	await page.goto('/contacts');
	await page.getByRole('link', { name: 'Network' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
	await expect(
		page.getByRole('list', { name: 'People per circle' }).getByRole('listitem')
	).toHaveText([/Alumni\s*4\s*· 57%/, /Gym.*\s*2\s*· 29%/, /No circle yet\s*1\s*· 14%/]);
	await expect(
		page.getByRole('list', { name: 'Top introducers' }).getByRole('listitem')
	).toHaveText([
		/Maya Lopez\s*introduced 3 people, 5 counting who they led to/,
		/Cal\s*introduced 2 people/
	]);
	await expect(
		page.getByText(/brought you 1 job offer, 3 interviews and 1 new name to contact/)
	).toBeVisible();
	const sources = page.getByRole('list', { name: 'Outcomes by introducer' }).getByRole('listitem');
	await expect(sources.first()).toHaveText(
		/3 interviews and 1 new name to contact came through people\s+Maya Lopez\s+introduced/
	);
	await sources.first().getByRole('link', { name: 'Maya Lopez' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Maya Lopez' })).toBeVisible();
});

test('an intro request shows on Today until it is marked done', async ({ page }) => {
	await capture(page, 'Maya Lopez');
	const ask = page.getByLabel('Ask Maya Lopez to introduce you to');
	await ask.fill('   ');
	await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
	await ask.fill('<b>the head archivist</b>');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('checkbox', { name: '<b>the head archivist</b>' })).not.toBeChecked();

	await page.getByRole('link', { name: 'Today', exact: true }).click();
	const section = page.getByRole('region', { name: 'Introductions to ask for' });
	await expect(section.getByRole('listitem')).toHaveText(
		/Ask Maya Lopez to introduce you to <b>the head archivist<\/b>/
	);
	await section.getByRole('button', { name: /Asked Maya Lopez/ }).click();
	await expect(
		page.getByText('Asked Maya Lopez about <b>the head archivist</b>. Nicely done.')
	).toBeVisible();
	await expect(section).toHaveCount(0);

	await page.getByRole('link', { name: 'See how your network connects →' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your network' })).toBeVisible();
	await page.goBack();
	await page.getByRole('link', { name: 'Capture', exact: true }).waitFor();
	await page.goto('/contacts');
	await page.getByRole('link', { name: /Maya Lopez/ }).click();
	await expect(page.getByRole('checkbox', { name: '<b>the head archivist</b>' })).toBeChecked();
	await page.getByRole('button', { name: 'Delete the request: <b>the head archivist</b>' }).click();
	await expect(page.getByRole('checkbox')).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('checkbox', { name: '<b>the head archivist</b>' })).toBeChecked();
});

test('tags: add with suggestions, chips link to the filtered list, remove with undo', async ({
	page
}) => {
	await capture(page, 'Ana Ruiz');
	await page.getByRole('textbox', { name: 'Tags' }).fill('mentor, archives');
	await page.getByRole('button', { name: 'Add tag', exact: true }).click();
	const chips = page.getByRole('list', { name: /Tags: \d added/ });
	await expect(chips.getByRole('link')).toHaveText(['#mentor', '#archives']);

	await capture(page, 'Ben Okafor');
	await page.getByRole('button', { name: 'Add tag mentor' }).click();
	await expect(chips.getByRole('link')).toHaveText(['#mentor']);
	await page.getByRole('button', { name: 'Remove tag mentor' }).click();
	await expect(chips).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(chips.getByRole('link')).toHaveText(['#mentor']);

	await chips.getByRole('link', { name: '#mentor' }).click();
	await expect(page.getByText('Tagged #mentor')).toBeVisible();
	await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('link')).toHaveText([
		/Ben Okafor/,
		/Ana Ruiz/
	]);

	// The edit form uses the same tag picker.
	await page
		.getByRole('list', { name: 'Contacts' })
		.getByRole('link', { name: /Ana Ruiz/ })
		.click();
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByRole('button', { name: 'Remove tag archives' }).click();
	await page.getByRole('textbox', { name: 'Tags' }).fill('Museums');
	await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ana Ruiz' })).toBeVisible();
	await expect(chips.getByRole('link')).toHaveText(['#mentor', '#Museums']);
});
