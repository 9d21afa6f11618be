// Reminders outside the app: calendar files of every dated thing, the icon badge, the daily
// notification the service worker shows, and where each is offered.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import type { Contact } from '../src/lib/domain/contact';
import type { Interview } from '../src/lib/domain/interview';
import type { Pitch } from '../src/lib/domain/pitch';
import { newCardState } from '../src/lib/domain/pitch-card';
import { addDays, todayIso } from '../src/lib/domain/day';
import { makeContact } from '../src/lib/domain/testing/factories';
import { openControlled } from './support/app';
import { readTable, seed } from './support/db';

const DAY = 86_400_000;
const NOW = Date.now();
const today = todayIso(new Date(NOW));
const T = NOW - 30 * DAY;

function contact(id: string, name: string, fields: Partial<Contact> = {}): Contact {
	return makeContact({ id, name, createdAt: T, updatedAt: T, ...fields });
}

function interview(id: string, contactId: string, fields: Partial<Interview>): Interview {
	return {
		id,
		contactId,
		mode: 'video',
		status: 'planned',
		questions: [],
		referralIds: [],
		createdAt: T,
		updatedAt: T,
		version: 1,
		...fields
	};
}

function pitch(id: string, title: string, due: number): Pitch {
	return {
		id,
		title,
		targetSeconds: 30,
		text: 'I sort archives so people find what they need.',
		cues: [],
		card: newCardState(due),
		createdAt: T,
		updatedAt: T,
		version: 1
	};
}

/**
 * Due today: Ana's follow-up (overdue), Ben's keep-in-touch round, the thank-you to Cleo after
 * yesterday's interview, and one pitch: 4 things. Later: Dev's follow-up in 10 days, an interview
 * with Eve in 3 days (and its thank-you), a pitch in 5 days, the follow-up of a call with Dev in 5
 * days, and Far's follow-up in 120 days.
 */
const SEED = {
	contacts: [
		contact('ana', 'Ana Lima', { nextFollowUpOn: addDays(today, -2) }),
		contact('ben', 'Ben Okafor', { nextFollowUpOn: today, keepInTouchDays: 30 }),
		contact('cleo', 'Cleo Park'),
		contact('dev', 'Dev Shah', { nextFollowUpOn: addDays(today, 10) }),
		contact('eve', 'Eve Stone'),
		contact('far', 'Far Away', { nextFollowUpOn: addDays(today, 120) })
	],
	interviews: [
		interview('iv-cleo', 'cleo', { status: 'done', scheduledAt: NOW - DAY - 3_600_000 }),
		interview('iv-eve', 'eve', { scheduledAt: NOW + 3 * DAY, organization: 'City Archive' })
	],
	interactions: [
		{
			id: 't-dev',
			contactId: 'dev',
			on: addDays(today, -3),
			channel: 'call' as const,
			summary: 'Talked about the archive job',
			received: [],
			followUpOn: addDays(today, 5),
			followUpDone: false,
			createdAt: T,
			updatedAt: T,
			version: 1
		}
	],
	pitches: [
		pitch('p-now', 'Thirty seconds', NOW - DAY),
		pitch('p-later', 'One minute', NOW + 5 * DAY)
	]
};

async function saveIcs(page: Page, button: RegExp | string, path: string) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
	const file = await download;
	await file.saveAs(path);
	const text = await readFile(path, 'utf8');
	const cal = new ICAL.Component(ICAL.parse(text));
	return { text, events: cal.getAllSubcomponents('vevent'), name: file.suggestedFilename() };
}

test('calendar files parse, each entry has an alarm and keeps its UID from one export to the next', async ({
	page
}, testInfo) => {
	await openControlled(page, '/');
	await seed(page, SEED);

	await page.goto('/settings');
	const first = await saveIcs(page, 'Add all upcoming to calendar', testInfo.outputPath('a.ics'));
	expect(first.name).toBe('kith-upcoming.ics');
	const uids = first.events.map((e) => e.getFirstPropertyValue('uid'));
	expect(uids.sort()).toEqual(
		[
			'ana@kith.follow-up',
			'ben@kith.follow-up',
			'dev@kith.follow-up',
			'iv-cleo@kith.thank-you',
			'iv-eve@kith.interviews',
			'iv-eve@kith.thank-you',
			'p-now@kith.rehearsal',
			'p-later@kith.rehearsal',
			't-dev@kith.touchpoint-follow-up'
		].sort()
	);
	// Far's follow-up is 120 days away: not in the next 90.
	expect(first.text).not.toContain('Far Away');
	for (const event of first.events) {
		const alarm = event.getFirstSubcomponent('valarm');
		expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
		expect(alarm?.getFirstPropertyValue('trigger')).toBeTruthy();
		expect(event.getFirstPropertyValue('dtstamp')).toBeTruthy();
		expect(typeof event.getFirstPropertyValue('sequence')).toBe('number');
	}
	const ben = first.events.find((e) => e.getFirstPropertyValue('uid') === 'ben@kith.follow-up')!;
	expect(new ICAL.Event(ben).summary).toBe('Keep in touch with Ben Okafor');
	expect(new ICAL.Event(ben).startDate.toString()).toBe(today);

	// Again, a moment later: the same entries under the same UIDs, so calendars update them.
	await page.waitForTimeout(1100);
	const second = await saveIcs(page, 'Add all upcoming to calendar', testInfo.outputPath('b.ics'));
	expect(second.events.map((e) => e.getFirstPropertyValue('uid')).sort()).toEqual(uids.sort());

	// One entry from a contact's page: the same UID as in the whole calendar.
	await page.goto('/contacts/dev');
	const one = await saveIcs(
		page,
		'Add the follow-up with Dev Shah to calendar',
		testInfo.outputPath('dev.ics')
	);
	expect(one.events).toHaveLength(1);
	expect(one.events[0]!.getFirstPropertyValue('uid')).toBe('dev@kith.follow-up');
	expect(new ICAL.Event(one.events[0]!).startDate.toString()).toBe(addDays(today, 10));
	expect(one.events[0]!.getFirstSubcomponent('valarm')).toBeTruthy();
	const call = await saveIcs(
		page,
		/^Add to calendar the follow-up after/,
		testInfo.outputPath('call.ics')
	);
	expect(call.events[0]!.getFirstPropertyValue('uid')).toBe('t-dev@kith.touchpoint-follow-up');
	expect(new ICAL.Event(call.events[0]!).startDate.toString()).toBe(addDays(today, 5));

	// A pitch's next rehearsal, and an owed thank-you from its interview's page.
	await page.goto('/pitches/p-later');
	const rehearsal = await saveIcs(
		page,
		'Add the next rehearsal to calendar',
		testInfo.outputPath('p.ics')
	);
	expect(rehearsal.events[0]!.getFirstPropertyValue('uid')).toBe('p-later@kith.rehearsal');
	await page.goto('/interviews/iv-cleo');
	const thanks = await saveIcs(
		page,
		'Add the thank-you to Cleo Park to calendar',
		testInfo.outputPath('t.ics')
	);
	expect(thanks.events[0]!.getFirstPropertyValue('uid')).toBe('iv-cleo@kith.thank-you');
	expect(new ICAL.Event(thanks.events[0]!).summary).toBe('Send a thank-you to Cleo Park');
});

/**
 * Records every badge the page sets, in the order set; `installed`: the page runs as the installed
 * app (display-mode standalone), the only place with an icon to badge.
 */
async function recordBadges(context: BrowserContext, installed = true) {
	await context.addInitScript((asApp) => {
		if (asApp) {
			const original = window.matchMedia.bind(window);
			window.matchMedia = (query: string) =>
				query === '(display-mode: standalone)'
					? ({ ...original(query), matches: true, media: query } as MediaQueryList)
					: original(query);
		}
		const calls: (number | 'clear')[] = [];
		(window as unknown as { __badges: typeof calls }).__badges = calls;
		Object.defineProperty(navigator, 'setAppBadge', {
			value: async (n: number) => void calls.push(n),
			configurable: true
		});
		Object.defineProperty(navigator, 'clearAppBadge', {
			value: async () => void calls.push('clear'),
			configurable: true
		});
	}, installed);
}

const lastBadge = (page: Page) =>
	page.evaluate(() => (window as unknown as { __badges: unknown[] }).__badges.at(-1));

test('the icon badge shows what Today counts as due, and follows a follow-up marked done', async ({
	page,
	context
}) => {
	await recordBadges(context);
	await openControlled(page, '/');
	await expect.poll(() => lastBadge(page)).toBe('clear');
	await seed(page, SEED);

	// Today shows 2 follow-ups, 1 thank-you owed and 1 pitch to rehearse: 4.
	const due = page
		.getByRole('heading', { name: 'Follow-ups due' })
		.locator('..')
		.getByRole('listitem');
	await expect(due).toHaveCount(2);
	await expect(page.getByRole('heading', { name: 'Thank-yous owed' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '1 pitch to rehearse' })).toBeVisible();
	await expect.poll(() => lastBadge(page)).toBe(4);

	await page.getByRole('button', { name: 'Done with Ana Lima' }).click();
	await expect(due).toHaveCount(1);
	await expect.poll(() => lastBadge(page)).toBe(3);

	// On another page too: the badge follows the data wherever the app is open.
	await page.goto('/contacts');
	await expect.poll(() => lastBadge(page)).toBe(3);
});

test('in a browser tab, with no app icon to badge, the badge is left alone', async ({
	page,
	context
}) => {
	await recordBadges(context, false);
	await openControlled(page, '/');
	await seed(page, SEED);
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	// Long past the idle moment the installed app starts its badge at.
	await page.waitForTimeout(3000);
	expect(
		await page.evaluate(() => (window as unknown as { __badges: unknown[] }).__badges)
	).toEqual([]);
});

type Shown = { title: string; body?: string; tag?: string; data?: unknown };

/** Runs the service worker's periodic-sync handler at `hour` local time, recording what it shows. */
async function runDailyCheck(context: BrowserContext, hour: number) {
	const [worker] = context.serviceWorkers();
	expect(worker).toBeTruthy();
	return worker!.evaluate(async (h) => {
		// The worker's own globals, as far as this test uses them (the DOM types have no worker scope).
		const sw = self as unknown as {
			registration: {
				showNotification: (title: string, options?: NotificationOptions) => Promise<void>;
			};
			navigator: Navigator;
			dispatchEvent: (event: Event) => boolean;
		};
		const shown: Shown[] = [];
		const badges: number[] = [];
		sw.registration.showNotification = async (title, options) =>
			void shown.push({ title, body: options?.body, tag: options?.tag, data: options?.data });
		Object.defineProperty(sw.navigator, 'setAppBadge', {
			value: async (n: number) => void badges.push(n),
			configurable: true
		});
		const at = new Date();
		at.setHours(h, 5, 0, 0);
		const realNow = Date.now;
		Date.now = () => at.getTime();
		try {
			// A periodicsync event as the browser sends it: its tag, and waitUntil with the work.
			let work: Promise<unknown> = Promise.resolve();
			const event = new Event('periodicsync');
			Object.defineProperties(event, {
				tag: { value: 'kith-due' },
				waitUntil: { value: (p: Promise<unknown>) => (work = p) }
			});
			sw.dispatchEvent(event);
			await work;
		} finally {
			Date.now = realNow;
		}
		return { shown, badges, permission: Notification.permission };
	}, hour);
}

test('the daily check shows one notification summing up what is due, but not in quiet hours', async ({
	page,
	context
}) => {
	await context.grantPermissions(['notifications']);
	await openControlled(page, '/');
	await seed(page, { ...SEED, settings: [{ key: 'reminders', value: { notify: true } }] });

	const noon = await runDailyCheck(context, 12);
	expect(noon.permission).toBe('granted');
	expect(noon.badges).toEqual([4]);
	expect(noon.shown).toEqual([
		{
			title: '4 things to do today in Kith',
			body: '2 follow-ups, 1 thank-you, 1 pitch to rehearse. Tap to open Today.',
			tag: 'kith-due',
			data: { url: '/' }
		}
	]);
	for (const quiet of [7, 21]) {
		const run = await runDailyCheck(context, quiet);
		expect(run.shown).toEqual([]);
		expect(run.badges).toEqual([4]);
	}

	// Turned off in Settings: the badge still, no notification.
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Turn off daily notification' }).click();
	await expect(page.getByText('Daily notification off.')).toBeVisible();
	expect((await runDailyCheck(context, 12)).shown).toEqual([]);
});

test('Settings says in one sentence when the browser cannot check in the background', async ({
	page,
	context
}) => {
	await context.addInitScript(() => {
		delete (ServiceWorkerRegistration.prototype as unknown as { periodicSync?: unknown })
			.periodicSync;
	});
	await page.goto('/settings');
	const panel = page.getByRole('region', { name: 'Reminders' });
	await expect(panel.getByText(/This browser cannot wake Kith in the background/)).toBeVisible();
	await expect(panel.getByText(/add your dates to your calendar above/)).toBeVisible();
	await expect(panel.getByRole('button', { name: /daily notification/ })).toHaveCount(0);
	await expect(panel.getByRole('button', { name: 'Add all upcoming to calendar' })).toBeVisible();
});

/** Periodic sync as an installed app gets it: granted, and each registration recorded. */
async function installedPeriodicSync(context: BrowserContext) {
	await context.grantPermissions(['notifications']);
	await context.addInitScript(() => {
		const registered: string[] = [];
		(window as unknown as { __periodic: string[] }).__periodic = registered;
		const query = navigator.permissions.query.bind(navigator.permissions);
		navigator.permissions.query = (async (d: { name: string }) =>
			d.name === 'periodic-background-sync'
				? ({ state: 'granted' } as PermissionStatus)
				: query(d as PermissionDescriptor)) as typeof navigator.permissions.query;
		Object.defineProperty(ServiceWorkerRegistration.prototype, 'periodicSync', {
			configurable: true,
			get: () => ({
				register: async (tag: string) => void registered.push(tag),
				unregister: async () => undefined,
				getTags: async () => registered
			})
		});
	});
}

test('Today offers the daily notification under the first due item, never on the first day', async ({
	page,
	context
}) => {
	await installedPeriodicSync(context);
	await openControlled(page, '/');
	await seed(page, SEED);
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	// The day Kith was first opened here: no offer.
	await expect(page.getByRole('heading', { name: 'A nudge when something is due?' })).toHaveCount(
		0
	);

	// A later day.
	await page.evaluate(() => localStorage.setItem('kith.firstSeenOn', '2020-01-01'));
	await page.reload();
	const offer = page.getByRole('region', { name: 'A nudge when something is due?' });
	await expect(offer).toBeVisible();
	await offer.getByRole('button', { name: 'Notify me daily' }).click();
	await expect(page.getByText(/Daily notification on/)).toBeVisible();
	await expect(offer).toHaveCount(0);
	expect(
		await page.evaluate(() => (window as unknown as { __periodic: string[] }).__periodic)
	).toEqual(['kith-due']);
	const settings = await readTable(page, 'settings');
	expect(settings.find((s) => s.key === 'reminders')?.value).toEqual({ notify: true });

	await page.goto('/settings');
	await expect(
		page.getByRole('region', { name: 'Reminders' }).getByText('On for this device.')
	).toBeVisible();
});

test('"Not now" on Today puts the offer away for good; Settings still has the switch', async ({
	page,
	context
}) => {
	await installedPeriodicSync(context);
	await context.addInitScript(() => localStorage.setItem('kith.firstSeenOn', '2020-01-01'));
	await openControlled(page, '/');
	await seed(page, SEED);
	const offer = page.getByRole('region', { name: 'A nudge when something is due?' });
	await offer.getByRole('button', { name: /Not now/ }).click();
	await expect(offer).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
	await expect(offer).toHaveCount(0);
	await page.goto('/settings');
	await expect(page.getByRole('button', { name: 'Turn on daily notification' })).toBeVisible();
});
