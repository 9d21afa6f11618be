// Layout at the narrow end (issue 17, point 2): at 360x640 and at 200% zoom no screen scrolls
// sideways, the tab bar stays whole and usable, and a focused field is never hidden under the
// sticky header, a form's sticky Save bar or the tab bar.
//
// 200% zoom is emulated as a 180x320 CSS-pixel viewport at device scale factor 2: browser zoom
// divides the CSS pixels a 360x640 screen offers by two, which is what that viewport gives the
// page (the same media queries, the same layout, the same pixels on screen), and unlike the
// page-zoom shortcut it can be set per context and holds through every navigation.
import { expect, test, type Page } from '@playwright/test';
import { openControlled } from './support/app';
import { seedEveryRoute, visit } from './support/routes';

const SIZES = [
	{ name: '360x640', viewport: { width: 360, height: 640 }, deviceScaleFactor: 1 },
	{ name: '200% zoom', viewport: { width: 180, height: 320 }, deviceScaleFactor: 2 }
];

const TABS = ['Today', 'Contacts', 'Capture', 'Pitches', 'Interviews'];

/**
 * How much wider than the screen the document is, in CSS pixels (0 when it fits), and the widest
 * element to blame. The screen's width is the viewport the context was given: in mobile emulation,
 * as on a phone, a page wider than the screen widens the layout viewport (window.innerWidth) with
 * it and is shown zoomed out, so scrollWidth <= innerWidth alone would always hold.
 */
function overflow(page: Page): Promise<{ wider: number; culprit: string }> {
	const screen = page.viewportSize()!.width;
	return page.evaluate((screen) => {
		const wider = Math.max(document.documentElement.scrollWidth, window.innerWidth) - screen;
		let culprit = '';
		let right = screen;
		for (const el of document.querySelectorAll<HTMLElement>('main *')) {
			const r = el.getBoundingClientRect().right;
			if (r > right + 0.5) {
				right = r;
				culprit = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
			}
		}
		return { wider, culprit };
	}, screen);
}

/** Each tab of the bar lies wholly inside the viewport and is what a tap at its centre reaches. */
async function tabProblems(page: Page): Promise<string[]> {
	const screen = page.viewportSize()!;
	return page.evaluate(
		([labels, screen]) => {
			const problems: string[] = [];
			const nav = document.querySelector('nav[aria-label="Main"]');
			if (!nav) return ['no tab bar'];
			for (const label of labels) {
				const link = [...nav.querySelectorAll('a')].find((a) => a.textContent?.trim() === label);
				if (!link) {
					problems.push(`${label}: missing`);
					continue;
				}
				const box = link.getBoundingClientRect();
				if (box.left < 0 || box.right > screen.width + 0.5 || box.bottom > screen.height + 0.5)
					problems.push(
						`${label}: outside the viewport (${Math.round(box.left)}..${Math.round(box.right)})`
					);
				const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				if (!hit || !link.contains(hit)) problems.push(`${label}: covered`);
			}
			return problems;
		},
		[TABS, screen] as const
	);
}

/**
 * Focuses each field of the page's forms by keyboard (Tab), as a person would, and reports any
 * that is then partly under a sticky or fixed bar, or outside the viewport.
 */
async function hiddenFields(page: Page, route: string): Promise<string[]> {
	const problems: string[] = [];
	const count = await page
		.locator('main input:visible, main textarea:visible, main select:visible')
		.count();
	if (count === 0) return problems;
	await page.locator('main').focus();
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const found = await page.evaluate((height) => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || !el.closest('main')) return { done: !el || !!el.closest('nav'), problem: null };
			if (!/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.classList.contains('visually-hidden'))
				return { done: false, problem: null };
			const label =
				el.getAttribute('aria-label') ??
				(el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() : null) ??
				el.closest('label')?.textContent?.trim() ??
				el.tagName;
			// The room the page scrolls in: below the bars that stay put at the top (the header) and
			// above those at the bottom (a form's Save bar, the tab bar); messages float and go.
			let roomTop = 0;
			let roomBottom = height;
			const bars: string[] = [];
			for (const bar of document.querySelectorAll<HTMLElement>('body *')) {
				const position = getComputedStyle(bar).position;
				if (position !== 'sticky' && position !== 'fixed') continue;
				if (bar.contains(el) || bar.closest('.toasts')) continue;
				const b = bar.getBoundingClientRect();
				if (b.width === 0 || b.height === 0 || b.bottom <= 0 || b.top >= height) continue;
				bars.push(`${bar.tagName.toLowerCase()}.${bar.className.split(' ')[0]}`);
				if (b.top + b.height / 2 < height / 2) roomTop = Math.max(roomTop, b.bottom);
				else roomBottom = Math.min(roomBottom, b.top);
			}
			const box = el.getBoundingClientRect();
			// A field that fits in the room is shown whole (its first 48 px for a tall textarea that
			// fits: the lines where the caret goes in); a taller one shows at least a line of itself.
			const top = box.top;
			const bottom = Math.min(box.bottom, box.top + 48);
			if (box.height <= roomBottom - roomTop) {
				if (top < roomTop - 1 || bottom > roomBottom + 1)
					return {
						done: false,
						problem: `${label}: ${Math.round(Math.max(roomTop - top, bottom - roomBottom))} px under ${bars.join(', ')}`
					};
			} else if (Math.min(box.bottom, roomBottom) - Math.max(box.top, roomTop) < 24) {
				return { done: false, problem: `${label}: taller than the room and out of it` };
			}
			return { done: false, problem: null };
		}, page.viewportSize()!.height);
		if (found.problem) problems.push(`${route} ${found.problem}`);
		if (found.done) break;
	}
	return problems;
}

for (const size of SIZES) {
	test.describe(`at ${size.name}`, () => {
		test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

		test('no screen scrolls sideways and the tab bar stays whole', async ({ page }) => {
			test.slow();
			await openControlled(page, '/');
			const routes = await seedEveryRoute(page);
			const problems: string[] = [];
			for (const route of routes) {
				await visit(page, route);
				const { wider, culprit } = await overflow(page);
				if (wider > 0) problems.push(`${route}: ${wider} px wider than the screen (${culprit})`);
				for (const p of await tabProblems(page)) problems.push(`${route} tab ${p}`);
			}
			expect(problems).toEqual([]);
		});

		test('every tab can be tapped from Settings and Import', async ({ page }) => {
			await openControlled(page, '/');
			for (const start of ['/settings', '/settings/import']) {
				for (const tab of TABS) {
					await visit(page, start);
					await page
						.getByRole('navigation', { name: 'Main' })
						.getByRole('link', { name: tab })
						.click();
					await expect(
						page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: tab })
					).toHaveAttribute('aria-current', 'page');
				}
			}
		});

		test('a field focused by keyboard is never under a sticky bar', async ({ page }) => {
			test.slow();
			await openControlled(page, '/');
			const routes = await seedEveryRoute(page);
			const problems: string[] = [];
			for (const route of routes) {
				await visit(page, route);
				problems.push(...(await hiddenFields(page, route)));
			}
			expect(problems).toEqual([]);
		});

		test('the Name field capture opens with is in view, clear of the bars', async ({ page }) => {
			await openControlled(page, '/');
			// Opened as a page of its own (a reload, the installed app's shortcut) and from the tab bar.
			for (const open of ['load', 'tab']) {
				if (open === 'load') await page.goto('/capture');
				else {
					await page.goto('/contacts');
					await page
						.getByRole('navigation', { name: 'Main' })
						.getByRole('link', { name: 'Capture' })
						.click();
				}
				const name = page.getByLabel('Name', { exact: true });
				await expect(name).toBeFocused();
				const nav = (await page.getByRole('navigation', { name: 'Main' }).boundingBox())!;
				const header = (await page.getByRole('banner').boundingBox())!;
				const bar = (await page.locator('.actions').boundingBox())!;
				await expect
					.poll(async () => {
						const field = (await name.boundingBox())!;
						return (
							field.y >= header.y + header.height &&
							field.y + field.height <= Math.min(bar.y, nav.y)
						);
					}, `the Name field, opened by ${open}, is clear of the header, the Save bar and the tab bar`)
					.toBe(true);
			}
		});
	});
}
