/**
 * Every screen of the app with a real record behind each [id] route, for the specs that visit them
 * all (layout, accessibility): two contacts (one to merge with), a touchpoint, a planned interview
 * with questions, and a long pitch with cues, a rehearsal and a due card.
 */
import { expect, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newCardState } from '../../src/lib/domain/pitch-card';
import { makeContact, makeInterview, makeTouchpoint } from '../../src/lib/domain/testing/factories';
import { seed } from './db';

const T = Date.now() - 86_400_000;

/** Seeds the records and returns the path of every route, [id] routes filled in. */
export async function seedEveryRoute(page: Page): Promise<string[]> {
	await seed(page, {
		contacts: [
			makeContact({
				id: 'r-ada',
				name: 'Ada Okafor',
				circle: 'classmates',
				organization: 'City Archives',
				role: 'Records manager',
				metAt: 'Library school open day',
				emails: ['ada@example.org'],
				tags: ['archives'],
				notes: 'Talked about digitisation projects and how she got her first job.',
				createdAt: T,
				updatedAt: T
			}),
			makeContact({ id: 'r-ben', name: 'Ada Okafor-Reyes', createdAt: T, updatedAt: T })
		],
		interactions: [makeTouchpoint({ id: 'r-t1', contactId: 'r-ada', createdAt: T, updatedAt: T })],
		interviews: [
			makeInterview({
				id: 'r-v1',
				contactId: 'r-ada',
				status: 'planned',
				scheduledAt: T + 2 * 86_400_000,
				durationMinutes: 30,
				goal: 'Learn how she moved into records management.',
				questions: [
					{ text: 'What does a usual week look like for you?' },
					{ text: 'Whom else should I talk to?' }
				],
				createdAt: T,
				updatedAt: T
			})
		],
		pitches: [
			{
				id: 'r-p1',
				title: 'Coffee chat',
				targetSeconds: 30,
				// Long enough to scroll inside the rehearsal's text box.
				text: Array.from(
					{ length: 12 },
					(_, i) =>
						`Point ${i + 1}: I organise archives so that people find what they need, and I would love to hear how you got into records management.`
				).join('\n'),
				cues: ['Who I am', 'What I do', 'What I want'],
				card: newCardState(T),
				createdAt: T,
				updatedAt: T,
				version: 1
			}
		],
		rehearsals: [{ id: 'r-r1', pitchId: 'r-p1', at: T, seconds: 28, rating: 'good', words: 27 }]
	});
	return [
		'/',
		'/about',
		'/capture',
		'/capture/scan',
		'/contacts',
		'/contacts/trash',
		'/contacts/r-ada',
		'/contacts/r-ada/edit',
		'/contacts/r-ada/merge',
		'/contacts/r-ada/message',
		'/contacts/r-ada/message?moment=thank-you&interview=r-v1',
		'/contacts/r-ada/touchpoints/r-t1',
		'/interviews',
		'/interviews/new',
		'/interviews/r-v1',
		'/interviews/r-v1/run',
		'/interviews/r-v1/debrief',
		'/network',
		'/pitches',
		'/pitches/new',
		'/pitches/r-p1',
		'/pitches/r-p1/practice',
		'/pitches/cram',
		'/pitches/rehearse',
		'/settings',
		'/settings/card',
		'/settings/import',
		'/settings/messages',
		'/settings/messages/edit'
	];
}

/**
 * Every page under src/routes as a pattern ('/contacts/[id]/edit'), so a test can check that
 * seedEveryRoute visits each one: a new screen is never left out of the walks.
 */
export function routePatterns(dir = 'src/routes', prefix = ''): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isFile() && entry.name === '+page.svelte') found.push(prefix || '/');
		if (entry.isDirectory())
			found.push(...routePatterns(join(dir, entry.name), `${prefix}/${entry.name}`));
	}
	return found.sort();
}

/** Whether a visited path is an instance of a route pattern. */
export function matchesPattern(path: string, pattern: string): boolean {
	const bare = path.split('?')[0]!;
	const re = new RegExp(`^${pattern.replace(/\[[^\]]+\]/g, '[^/]+')}$`);
	return re.test(bare);
}

/** Opens a route and waits until its page has drawn its heading. */
export async function visit(page: Page, route: string): Promise<void> {
	await page.goto(route);
	await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}
