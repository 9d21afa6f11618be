// Sample data (issue 17, point 5): besides people, it brings pitches with rehearsals, interviews
// planned and done (with notes) and a set of questions, so every screen has something on it; and
// removing it takes all of that away again, leaving the user's own records.
import { expect, test } from '@playwright/test';
import { capture, openControlled } from './support/app';
import { readTable, readTables } from './support/db';

test('sample data fills Pitches and Interviews, and removing it empties them again', async ({
	page
}) => {
	test.slow();
	await openControlled(page, '/');
	await capture(page, 'My Own Contact');
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();

	// Pitches, each with rehearsals in its history.
	await page.getByRole('link', { name: 'Pitches', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Networking event' })).toBeVisible();
	await page.getByRole('link', { name: 'One-minute introduction' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'One-minute introduction' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
	await expect(page.getByText('No rehearsals yet')).toHaveCount(0);
	const { rehearsals, pitches } = await readTables(page, ['rehearsals', 'pitches']);
	expect(pitches).toHaveLength(2);
	for (const p of pitches) expect(rehearsals.some((r) => r.pitchId === p.id)).toBe(true);

	// Interviews: one coming up with its questions picked, two done with notes.
	await page.getByRole('link', { name: 'Interviews', exact: true }).click();
	const upcoming = page.getByRole('list', { name: 'Upcoming interviews' });
	const past = page.getByRole('list', { name: 'Past interviews' });
	await expect(upcoming.getByRole('link')).toHaveCount(1);
	await expect(upcoming).toContainText('Zoë Lindqvist');
	await expect(past.getByRole('link')).toHaveCount(2);
	await expect(past).toContainText('Ingrid Larsen');
	await upcoming.getByRole('link').first().click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Interview with Zoë Lindqvist' })
	).toBeVisible();
	const picked = page.getByRole('list', { name: 'Questions for this interview' });
	await expect(picked.getByRole('listitem')).toHaveCount(5);
	await expect(picked).toContainText('How did you end up doing the work you do now?');

	await page.goBack();
	await past.getByRole('link').filter({ hasText: 'Ingrid Larsen' }).click();
	await page.getByRole('link', { name: 'Edit the debrief' }).click();
	await expect(page.getByLabel('What you learned')).toHaveValue(/internship runs June to August/);
	const interviews = await readTable(page, 'interviews');
	expect(interviews.filter((i) => i.status === 'done').every((i) => i.notes)).toBe(true);
	const questions = await readTable(page, 'questions');
	expect(questions.filter((q) => !q.builtIn).length).toBeGreaterThan(0);

	// Removing the sample data says what goes, then takes it all away.
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await page.getByRole('button', { name: 'Remove sample data' }).click();
	const dialog = page.getByRole('dialog', { name: 'Remove the sample data?' });
	await expect(dialog).toContainText('and so will 2 sample pitches and 3 interviews');
	await dialog.getByRole('button', { name: 'Remove sample data' }).click();
	await expect(page.getByRole('button', { name: 'Add sample data' })).toBeVisible();

	const left = await readTables(page, [
		'contacts',
		'pitches',
		'rehearsals',
		'interviews',
		'questions'
	]);
	expect(left.contacts.map((c) => c.name)).toEqual(['My Own Contact']);
	expect(left.pitches).toEqual([]);
	expect(left.rehearsals).toEqual([]);
	expect(left.interviews).toEqual([]);
	expect(left.questions.filter((q) => !q.builtIn)).toEqual([]);
	await page.getByRole('link', { name: 'Pitches', exact: true }).click();
	await expect(
		page.getByRole('heading', { name: 'Your introduction, ready when you need it' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Interviews', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'No interviews yet' })).toBeVisible();
});
