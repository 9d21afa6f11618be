// Takes the README's screenshots from the production build (run `npm run build` first), in Debian
// Chromium at 390x844 with the sample network loaded, plus touchpoints, a pitch and an interview
// made through the app so no screen is empty: `node scripts/screenshots.mjs`.
// `REVIEW=/tmp/dir node scripts/screenshots.mjs` also retakes every screen at 360 px wide, in light
// and dark mode, into that folder (not committed), to look for layout and contrast problems.
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';

const port = 4188;
const base = `http://127.0.0.1:${port}`;
const out = 'docs/screenshots';
const review = process.env.REVIEW;

/** A local date `days` from now, as the date inputs want it. */
function day(days) {
	const d = new Date(Date.now() + days * 86_400_000);
	const p = (/** @type {number} */ n) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const LINKEDIN = [
	'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
	'Priya,Raman,https://www.linkedin.com/in/priya-raman-example,,Lumen Health Apps,UX researcher,15 Mar 2024',
	'Ada,Okoro,https://www.linkedin.com/in/ada-okoro-example,ada@example.org,City Archives,Archivist,1/8/25',
	'Sam,Lee,https://www.linkedin.com/in/sam-lee-example,,Acme,Designer,6-Feb-26',
	',,https://www.linkedin.com/in/nobody,,,,15 Mar 2024'
].join('\n');

await mkdir(out, { recursive: true });
const server = await startStaticServer('build', port);
const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: chromiumArgs
});
try {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 1,
		isMobile: true,
		hasTouch: true
	});
	const page = await context.newPage();
	page.setDefaultTimeout(60_000);
	/** Where each screenshot was taken, to revisit for REVIEW. */
	const visited = /** @type {Array<{ name: string; url: string }>} */ ([]);
	const shot = async (/** @type {string} */ name) => {
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${out}/${name}.png` });
		visited.push({ name, url: page.url() });
	};
	const openContact = async (/** @type {string} */ name) => {
		await page.goto(`${base}/contacts`);
		await page.getByRole('searchbox', { name: /search/i }).fill(name);
		// Let the list settle on the results, so the click does not land on a row being replaced.
		await page.waitForTimeout(500);
		await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name }).first().click();
		await page.getByRole('heading', { level: 1, name }).waitFor();
	};
	const logTouchpoint = async (
		/** @type {{ on: string; how: string; summary: string; got: string[]; gave?: string; follow?: string }} */ t
	) => {
		await page.getByRole('link', { name: 'Log a touchpoint' }).click();
		await page.getByRole('heading', { name: /Log a touchpoint with/ }).waitFor();
		await page.getByLabel('When').fill(t.on);
		await page.getByRole('radio', { name: t.how }).check();
		await page.getByLabel('What you talked about').fill(t.summary);
		for (const g of t.got) await page.getByRole('checkbox', { name: g }).check();
		if (t.gave) await page.getByLabel('What you gave or offered back').fill(t.gave);
		if (t.follow) await page.getByLabel('Follow up on (optional)').fill(t.follow);
		await page.getByRole('button', { name: 'Save touchpoint' }).click();
		await page.getByRole('heading', { name: 'Timeline' }).waitFor();
	};

	/** Scrolls so a heading sits just under the sticky header. */
	const scrollTo = async (/** @type {import('@playwright/test').Locator} */ heading) => {
		await heading.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 72));
	};

	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Try with sample data' }).waitFor();
	await shot('today-new');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await page.getByRole('heading', { name: 'Follow-ups due' }).waitFor();
	await page.getByRole('button', { name: 'Dismiss message' }).click();

	// Touchpoints with give and take, so the timeline, the balance and Today have something to show.
	await openContact('Priya Raman');
	await logTouchpoint({
		on: day(-45),
		how: 'Email',
		summary: 'Asked how she got into UX research; she replied with a long, kind answer.',
		got: ['Job-search advice'],
		gave: 'Sent her the library’s guide to card sorting studies'
	});
	await logTouchpoint({
		on: day(-6),
		how: 'Video',
		summary: 'Coffee over video: how her team plans user interviews and who hires juniors.',
		got: ['Inside information', 'Resume tips'],
		follow: day(-1)
	});
	await openContact('Kenji Watanabe');
	await logTouchpoint({
		on: day(-12),
		how: 'Event',
		summary: 'Met again at the data meetup; he looked over my portfolio.',
		got: ['Portfolio tips']
	});

	// A pitch, due today.
	await page.goto(`${base}/pitches/new`);
	await page.getByLabel('Title').fill('Career fair');
	await page
		.getByLabel('Your pitch')
		.fill(
			'Hi, I am Sam. I spent five years running a busy school office, and now I am finishing a library degree. I love making information easy to find, and I am looking for a first role in a research library.'
		);
	await page
		.getByLabel('Cues (one a line)')
		.fill('school office, five years\nlibrary degree\ninformation easy to find\nresearch library');
	await page.getByRole('button', { name: 'Save pitch' }).click();
	await page.getByRole('heading', { level: 1, name: 'Career fair' }).waitFor();

	// An informational interview tomorrow with questions picked from the bank.
	await openContact('Priya Raman');
	await page.getByRole('link', { name: 'Plan an interview' }).click();
	await page.getByRole('heading', { level: 1, name: 'Plan an interview' }).waitFor();
	await page.getByLabel('Date and time').fill(`${day(1)}T10:00`);
	await page.getByLabel('Your goal').fill('Learn how UX research teams hire their first juniors.');
	await page.getByRole('button', { name: 'Save the plan' }).click();
	await page.getByRole('heading', { level: 1, name: /Interview with/ }).waitFor();
	for (const q of [
		'How did you end up doing the work you do now?',
		'Who else would you suggest I talk to?'
	]) {
		await page.getByRole('checkbox', { name: q }).check();
	}
	await page
		.getByRole('list', { name: 'Questions for this interview' })
		.getByRole('listitem')
		.nth(1)
		.waitFor();
	await page.waitForTimeout(500);
	const interviewUrl = page.url();

	await page.goto(`${base}/`);
	await page.getByRole('heading', { name: 'Follow-ups due' }).waitFor();
	await shot('today');
	await page.getByRole('button', { name: 'Not now' }).click();
	await page.getByRole('heading', { name: '1 pitch to rehearse' }).waitFor();
	await scrollTo(page.getByRole('heading', { name: 'Interviews', exact: true }));
	await shot('today-plans');

	await page.goto(`${base}/capture`);
	await page.getByLabel('Name').fill('Amélie Durand');
	await page.getByRole('radio', { name: 'Events & conferences' }).check();
	await page
		.getByLabel('Where or how you met')
		.fill('Library tech meetup, asked about metadata jobs');
	await page.getByLabel('Name').focus();
	await shot('capture');

	await page.goto(`${base}/contacts`);
	await page.getByRole('searchbox', { name: /search/i }).fill('jose');
	await page.getByRole('list', { name: 'Contacts' }).getByRole('link').first().waitFor();
	await shot('search');
	await page.getByRole('list', { name: 'Contacts' }).getByRole('link').first().click();
	await page.getByRole('heading', { level: 1 }).waitFor();
	await shot('contact');

	await openContact('Priya Raman');
	await scrollTo(page.getByRole('heading', { name: 'Give and take' }));
	await shot('contact-timeline');

	await page.goto(`${base}/pitches/rehearse`);
	await page.getByRole('heading', { name: 'Career fair' }).waitFor();
	await shot('rehearse');

	await page.goto(interviewUrl);
	await page.getByRole('link', { name: 'Start the interview' }).click();
	await page.getByText('Question 1 of 2').waitFor();
	await page
		.getByLabel('Notes on the answer')
		.fill('Started in a call centre, moved into research through usability tests.');
	await page.getByText('Saved on this phone.').waitFor();
	await shot('interview-run');

	await page.goto(`${base}/network`);
	await page.getByRole('heading', { level: 1 }).waitFor();
	await shot('network');

	await page.goto(`${base}/settings/import`);
	await page.getByLabel('File to import (.vcf or .csv)').setInputFiles({
		name: 'Connections.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(LINKEDIN, 'utf8')
	});
	await page.getByRole('heading', { name: 'Ready to import' }).waitFor();
	// The page moves the focus to the step's heading; a finger on the file picker would not show it.
	await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
	await scrollTo(page.getByRole('heading', { name: 'Ready to import' }));
	await shot('import-preview');

	if (review) {
		await mkdir(review, { recursive: true });
		await page.setViewportSize({ width: 360, height: 780 });
		for (const scheme of /** @type {const} */ (['light', 'dark'])) {
			await page.emulateMedia({ colorScheme: scheme });
			for (const { name, url } of visited) {
				await page.goto(url);
				await page.waitForTimeout(500);
				// Screenful by screenful, as a person scrolls, so fixed bars sit where they really do.
				const height = await page.evaluate(() => document.documentElement.scrollHeight);
				for (let y = 0, n = 1; y < height; y += 640, n++) {
					await page.evaluate((top) => window.scrollTo(0, top), y);
					await page.waitForTimeout(100);
					await page.screenshot({ path: `${review}/${name}-360-${scheme}-${n}.png` });
				}
			}
		}
	}
} catch (e) {
	const [page] = browser.contexts()[0]?.pages() ?? [];
	await page?.screenshot({ path: '/tmp/screenshots-failure.png', fullPage: true });
	throw e;
} finally {
	await browser.close();
	server.close();
}
