// Closing right after typing loses nothing (issue 14, point 3): the interview notes, written a
// moment after typing pauses, and a form's draft are kept when the browser is closed, or the page
// reloaded, straight after the last keystroke.
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { openControlled } from './support/app';
import { seed } from './support/db';
import { CapturePage } from './support/pages/capture';

const T = 1_760_000_000_000;
const QUESTIONS = ['How did you start?', 'What do you look for in a new hire?'];

/** A contact and a planned interview with two questions, opened on its run screen. */
async function openRun(page: Page): Promise<void> {
	await openControlled(page, '/');
	await seed(page, {
		contacts: [
			{
				id: 'c-nora',
				name: 'Nora Quist',
				emails: [],
				phones: [],
				links: [],
				tags: [],
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		],
		interviews: [
			{
				id: 'v-nora',
				contactId: 'c-nora',
				mode: 'phone',
				status: 'planned',
				questions: QUESTIONS.map((text) => ({ text })),
				referralIds: [],
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		]
	});
	await page.goto('/interviews/v-nora/run');
	await expect(page.getByRole('heading', { name: QUESTIONS[0] })).toBeVisible();
}

test.describe('closing the browser right after typing', () => {
	let profile: string;
	test.beforeEach(async () => {
		profile = await mkdtemp(join(tmpdir(), 'kith-closing-'));
	});
	test.afterEach(async () => {
		await rm(profile, { recursive: true, force: true });
	});
	const launch = (baseURL: string | undefined): Promise<BrowserContext> =>
		chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath,
			args: chromiumArgs,
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
			baseURL
		});

	test('keeps the interview note typed just before', async ({ baseURL }) => {
		const first = await launch(baseURL);
		const page = first.pages()[0] ?? (await first.newPage());
		await openRun(page);
		await page.getByLabel('Notes on the answer').fill('Started as a page at sixteen.');
		await first.close();

		const second = await launch(baseURL);
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto('/interviews/v-nora/run');
		await expect(again.getByLabel('Notes on the answer')).toHaveValue(
			'Started as a page at sixteen.'
		);
		await second.close();
	});

	test('keeps the capture draft typed just before', async ({ baseURL }) => {
		const first = await launch(baseURL);
		const page = first.pages()[0] ?? (await first.newPage());
		await openControlled(page, '/capture');
		await new CapturePage(page).name.fill('Closed Clara');
		await first.close();

		const second = await launch(baseURL);
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto('/capture');
		await expect(new CapturePage(again).name).toHaveValue('Closed Clara');
		await expect(again.getByText('Kept from last time, not saved yet.')).toBeVisible();
		await second.close();
	});
});

test('a reload right after typing an interview note keeps it, every time', async ({ page }) => {
	await openRun(page);
	const notes = page.getByLabel('Notes on the answer');
	for (let i = 1; i <= 8; i++) {
		await notes.fill(`Note number ${i}`);
		await page.reload();
		await expect(notes).toHaveValue(`Note number ${i}`);
	}
});
