// Accessibility (issue 17, point 3): axe finds nothing to fault on any screen, with real records
// behind every page, in the light scheme and in the dark one (prefers-color-scheme emulated).
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openControlled } from './support/app';
import { matchesPattern, routePatterns, seedEveryRoute, visit } from './support/routes';

/** The violations on the page as one readable line each: rule, impact, where and why. */
async function violations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.flatMap((v) =>
		v.nodes.map(
			(n) =>
				`${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim()}`
		)
	);
}

test('the walks visit every screen under src/routes', async ({ page }) => {
	await openControlled(page, '/');
	const routes = await seedEveryRoute(page);
	const missed = routePatterns().filter((p) => !routes.some((r) => matchesPattern(r, p)));
	expect(missed).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} scheme`, () => {
		test.use({ colorScheme });

		test('axe finds no violations on any screen', async ({ page }) => {
			test.slow();
			await openControlled(page, '/');
			const routes = await seedEveryRoute(page);
			const found: string[] = [];
			for (const route of routes) {
				await visit(page, route);
				// Let transitions and late reads settle so colours are measured as shown.
				await page.waitForTimeout(300);
				for (const v of await violations(page)) found.push(`${route} ${v}`);
			}
			expect(found).toEqual([]);
		});

		test('axe finds no violations with the folds open and the rehearsal text shown', async ({
			page
		}) => {
			await openControlled(page, '/');
			await seedEveryRoute(page);
			const found: string[] = [];
			await visit(page, '/capture');
			await page.getByRole('button', { name: /more details/i }).click();
			for (const v of await violations(page)) found.push(`/capture (more details) ${v}`);
			await visit(page, '/interviews/r-v1');
			const bank = page.locator('section', {
				has: page.getByRole('heading', { name: 'Question bank' })
			});
			const closed = bank.locator('details:not([open]) > summary');
			while ((await closed.count()) > 0) await closed.first().click();
			for (const v of await violations(page)) found.push(`/interviews/r-v1 (bank open) ${v}`);
			await visit(page, '/pitches/rehearse');
			await page.getByRole('button', { name: 'Show the full text' }).click();
			for (const v of await violations(page)) found.push(`/pitches/rehearse (text shown) ${v}`);
			expect(found).toEqual([]);
		});
	});
}
