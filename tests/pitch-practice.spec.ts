// Pitch practice that helps (issue 17, point 4): "Fill in the gaps" hides something by default
// and keeps the choice with the pitch; template blanks left in a pitch are pointed out in the
// editor and before a rehearsal.
import { expect, test, type Page } from '@playwright/test';
import { openControlled } from './support/app';
import { readTable } from './support/db';

// 23 words; its cue is not in it word for word.
const TEXT =
	'Hi, I am Ama. I am a records manager who loves rare maps. I am looking for a role in a special collections library.';

async function writePitch(page: Page, title: string, text: string, cues: string) {
	await page.goto('/pitches/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Your pitch').fill(text);
	await page.getByLabel('Cues (one a line)').fill(cues);
	await page.getByRole('button', { name: 'Save pitch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('gaps hide every fifth word by default, and the choice made is kept with the pitch', async ({
	page
}) => {
	await openControlled(page, '/');
	await writePitch(page, 'Mixer', TEXT, 'Who I am');
	await page.getByRole('link', { name: 'Fill in the gaps' }).click();
	await expect(page.getByRole('radio', { name: 'Every fifth word' })).toBeChecked();
	await expect(page.getByText('4 of 4 gaps still hidden.')).toBeVisible();
	// "who", the tenth word, is a gap; the words around it are there.
	await expect(page.getByText(/records manager/)).toBeVisible();
	await expect(page.getByText(/manager who loves/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Gap 2: reveal' }).click();
	await expect(page.getByText(/manager who loves/)).toBeVisible();
	await expect(page.getByText('3 of 4 gaps still hidden.')).toBeVisible();

	await page.getByRole('radio', { name: 'Words I pick' }).check();
	await expect.poll(async () => (await readTable(page, 'pitches'))[0]?.gaps).toBe('pick');
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Words I pick' })).toBeChecked();
	await expect(page.getByText('Tap the words to hide')).toBeVisible();

	// A pitch whose cues are in its text hides them by default.
	await writePitch(page, 'Fair', TEXT, 'rare maps');
	await page.getByRole('link', { name: 'Fill in the gaps' }).click();
	await expect(page.getByRole('radio', { name: 'My cues' })).toBeChecked();
	await expect(page.getByText('1 of 1 gap still hidden.')).toBeVisible();
	await expect(page.getByText(/rare maps/)).toHaveCount(0);
});

test('template blanks are pointed out in the editor and before rehearsing', async ({ page }) => {
	await openControlled(page, '/');
	await page.goto('/pitches');
	await page.getByRole('link', { name: '15-second template' }).click();
	const note = page.getByRole('note', { name: 'Template blanks left' });
	await expect(note).toContainText('5 template blanks still to fill in');
	await expect(note).toContainText('[your name], [studying / working as], [your field] and 2 more');
	await page.getByRole('button', { name: 'Save pitch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quick hello (15 s)' })).toBeVisible();
	await expect(note).toBeVisible();

	await page.getByRole('link', { name: 'Rehearse now' }).click();
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expect(note).toContainText('5 template blanks still to fill in');
	await note.getByRole('link', { name: 'Fill them in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quick hello (15 s)' })).toBeVisible();

	await page
		.getByLabel('Your pitch')
		.fill('Hi, I’m Ama. I catalogue rare maps and I am looking for archive work.');
	await expect(note).toHaveCount(0);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.getByRole('link', { name: 'Rehearse now' }).click();
	await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
	await expect(note).toHaveCount(0);
});
