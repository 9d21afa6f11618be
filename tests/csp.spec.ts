// The Content Security Policy: every built page carries one with no inline script allowed beyond
// its own hashed boot script, the server adds what a meta tag cannot carry, and no screen of the
// app, used as a person would, trips it.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { Touchpoint } from '../src/lib/domain/touchpoint';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { openControlled } from './support/app';
import { readTable, seed } from './support/db';

// A fake camera and microphone, so the scanner and the recorder run as on a phone.
test.use({
	launchOptions: {
		executablePath: chromiumPath,
		args: [
			...chromiumArgs,
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			'--autoplay-policy=no-user-gesture-required'
		]
	}
});

/** The policy in a page's meta tag, by directive, or undefined when there is none. */
function metaPolicy(html: string): Map<string, string[]> | undefined {
	const tag = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	if (!tag) return undefined;
	const policy = tag[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
}

/** The sha256 source of each inline script of a page, as CSP writes it. */
function inlineScriptHashes(html: string): string[] {
	return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
		(m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`
	);
}

for (const [what, path] of [
	['the fallback page', '/200.html'],
	['a prerendered page', '/'],
	['a prerendered nested page', '/capture/scan']
] as const) {
	test(`${what} carries a strict policy that allows its own boot script`, async ({ request }) => {
		const response = await request.get(path);
		expect(response.ok()).toBe(true);
		const html = await response.text();
		const policy = metaPolicy(html);
		expect(policy, 'a <meta http-equiv="content-security-policy"> tag').toBeDefined();
		expect(policy!.get('default-src')).toEqual(["'self'"]);
		// Fetches reach the app's origin and a sync server: an https one, or one on this machine.
		expect(policy!.get('connect-src')).toEqual([
			"'self'",
			'https:',
			'http://localhost:*',
			'http://127.0.0.1:*'
		]);
		expect(policy!.get('object-src')).toEqual(["'none'"]);
		expect(policy!.get('base-uri')).toEqual(["'none'"]);
		expect(policy!.get('form-action')).toEqual(["'self'"]);
		const scripts = policy!.get('script-src') ?? [];
		expect(scripts[0]).toBe("'self'");
		// Nothing but 'self' and hashes: no 'unsafe-inline', 'unsafe-eval', hosts or schemes.
		for (const source of scripts.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/=]+'$/);
		// The page's own inline scripts are allowed, by hash.
		for (const hash of inlineScriptHashes(html)) expect(scripts).toContain(hash);
		// The meta tag comes before any script, or it would not govern it.
		expect(html.search(/<meta http-equiv="content-security-policy"/i)).toBeLessThan(
			html.search(/<script/i)
		);

		// What a meta tag cannot carry comes as headers.
		const headers = response.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['x-content-type-options']).toBe('nosniff');
	});
}

test("the bench's bare page is neither shipped nor precached", async ({ request }) => {
	const bare = await request.get('/bench-bare.html');
	expect(bare.status()).toBe(404);
	const sw = await (await request.get('/sw.js')).text();
	expect(sw).toContain('"url":"200.html"');
	expect(sw).not.toContain('bench');
});

type Violation = { directive: string; blocked: string; source: string; page: string };

/** Records every CSP violation of the page, and every one Chromium logs (workers too). */
async function watchViolations(page: Page): Promise<Violation[]> {
	const seen: Violation[] = [];
	await page.exposeFunction('__kithCspViolation', (v: Violation) => seen.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { __kithCspViolation: (v: object) => void })
				.__kithCspViolation;
			report({
				directive: e.effectiveDirective,
				blocked: e.blockedURI,
				source: `${e.sourceFile}:${e.lineNumber}`,
				page: location.pathname
			});
		});
	});
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text()))
			seen.push({ directive: 'console', blocked: message.text(), source: '', page: page.url() });
	});
	return seen;
}

/** Goes to a route and waits until its page has drawn its heading. */
async function visit(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

test('no screen of the app trips the policy', async ({ page }) => {
	test.slow();
	const violations = await watchViolations(page);
	await openControlled(page, '/');

	// Sample contacts, a touchpoint, an interview and a pitch, so the detail pages have content.
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Add sample data' }).click();
	await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
	const [contact] = await readTable(page, 'contacts');
	const T = 1_760_000_000_000;
	const touchpoint: Touchpoint = {
		id: 'csp-t1',
		contactId: contact!.id,
		on: '2026-03-02',
		channel: 'call',
		summary: 'A call',
		received: [],
		followUpDone: false,
		createdAt: T,
		updatedAt: T,
		version: 1
	};
	await seed(page, {
		interactions: [touchpoint],
		interviews: [
			{
				id: 'csp-v1',
				contactId: contact!.id,
				mode: 'video',
				status: 'planned',
				questions: [],
				referralIds: [],
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		]
	});
	await page.goto('/pitches/new');
	await page.getByLabel('Title').fill('Coffee chat');
	await page.getByLabel('Your pitch').fill('I organise archives so people find things.');
	await page.getByRole('button', { name: 'Save pitch' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Coffee chat' })).toBeVisible();
	const pitch = page.url().replace(/^.*\/pitches\//, '');

	const routes = [
		'/',
		'/about',
		'/capture',
		'/capture/scan',
		'/contacts',
		'/contacts/trash',
		`/contacts/${contact!.id}`,
		`/contacts/${contact!.id}/edit`,
		`/contacts/${contact!.id}/merge`,
		`/contacts/${contact!.id}/touchpoints/${touchpoint.id}`,
		'/interviews',
		'/interviews/new',
		'/interviews/csp-v1',
		'/interviews/csp-v1/run',
		'/interviews/csp-v1/debrief',
		'/network',
		'/pitches',
		'/pitches/new',
		`/pitches/${pitch}`,
		`/pitches/${pitch}/practice`,
		'/pitches/cram',
		'/pitches/rehearse',
		'/settings',
		'/settings/card',
		'/settings/import',
		// A path no route matches: the fallback page and the error page.
		'/no-such-page'
	];
	for (const route of routes) await visit(page, route);

	// The camera opens on the scanner.
	await visit(page, '/capture/scan');
	await expect(page.locator('video')).toBeVisible();

	// The import worker reads a file.
	await visit(page, '/settings/import');
	await page.getByLabel('File to import (.vcf or .csv)').setInputFiles({
		name: 'people.vcf',
		mimeType: 'text/vcard',
		buffer: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Park\r\nEND:VCARD\r\n', 'utf8')
	});
	await expect(page.getByRole('heading', { name: 'Ready to import' })).toBeVisible();

	// A recorded run plays back from a blob: URL.
	await visit(page, '/pitches/rehearse');
	await page.getByRole('checkbox', { name: 'Record my voice (optional)' }).check();
	await expect(page.getByText('The next run is recorded when you press Start.')).toBeVisible();
	await page.getByRole('button', { name: 'Start', exact: true }).click();
	await expect(page.getByText('Recording', { exact: true })).toBeVisible();
	await page.waitForTimeout(800);
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	const audio = page.getByLabel(/Your recording/);
	await expect(audio).toBeVisible();
	const error = await audio.evaluate(async (el) => {
		const a = el as HTMLAudioElement;
		await a.play().catch(() => undefined);
		await new Promise((r) => setTimeout(r, 300));
		return a.error?.code ?? null;
	});
	expect(error).toBeNull();

	// Violations are reported a moment after they happen.
	await page.waitForTimeout(300);
	expect(violations).toEqual([]);
});
