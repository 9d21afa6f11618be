// Takes the README's screenshots from the production build (run `npm run build` first), in Debian
// Chromium at 390x844 with the sample network loaded: `node scripts/screenshots.mjs`.
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startStaticServer } from '../tests/support/static-server.mjs';

const port = 4188;
const base = `http://127.0.0.1:${port}`;
const out = 'docs/screenshots';

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
	const shot = async (/** @type {string} */ name) => {
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${out}/${name}.png` });
	};
	await page.goto(`${base}/`);
	await shot('today-new');
	await page.getByRole('button', { name: 'Try with sample data' }).click();
	await page.getByRole('heading', { name: 'Follow-ups due' }).waitFor();
	await page.getByRole('button', { name: 'Dismiss message' }).click();
	await shot('today');

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
} finally {
	await browser.close();
	server.close();
}
