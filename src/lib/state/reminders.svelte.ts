/**
 * Reminders outside the app, for the screens: calendar files of one dated thing or of everything
 * upcoming, and the daily notification's opt-in (the icon's badge is badge.ts's). The choice itself is stored through the reminders service (the settings table); the day
 * Kith was first opened on this device is kept in localStorage (`kith.firstSeenOn`), so that the
 * offer never comes on that first day.
 */
import { calendarFileName, type CalendarItem } from '$lib/domain/calendar-items';
import { todayIso } from '$lib/domain/day';
import { count } from '$lib/domain/plural';
import { downloadText } from '$lib/device/download';
import {
	backgroundCheckAllowed,
	notificationPermission,
	periodicSyncOffered,
	turnOffDailyCheck,
	turnOnDailyCheck,
	type NotifyPermission
} from '$lib/device/reminders';
import { reminders } from '$lib/services/app';
import { attempt } from './attempt';
import { clock } from './clock.svelte';
import { live, readOnce } from './live.svelte';
import { calendarItemOf, upcomingCalendar, type CalendarSource } from './reads/reminders.reads';
import { remindersSetting } from './reads/settings.reads';
import { showToast } from './toasts.svelte';

const ICS_TYPE = 'text/calendar;charset=utf-8';

async function saveItems(items: CalendarItem[], fileName: string): Promise<void> {
	const { writeCalendar } = await import('$lib/io/ics');
	const stamp = Date.now();
	downloadText(
		writeCalendar(
			items.map((item) => ({ ...item, stamp })),
			'Kith'
		),
		fileName,
		ICS_TYPE
	);
}

/** "Add to calendar" on one dated thing: a file with its one entry. */
export async function saveCalendarOf(source: CalendarSource) {
	const item = await readOnce(calendarItemOf(source, Date.now())).catch(() => undefined);
	if (!item) {
		showToast('There is no date to add any more: it was done or removed meanwhile.', {
			tone: 'error'
		});
		return;
	}
	const fileName = calendarFileName(item);
	return attempt(() => saveItems([item], fileName), {
		success: `Saved ${fileName}. Open it to add it to your calendar, with a reminder.`
	});
}

/** "All upcoming": one file with every dated thing of the next 90 days. */
export function saveUpcomingCalendar() {
	return attempt(
		async () => {
			const items = await readOnce(upcomingCalendar(Date.now()));
			if (items.length) await saveItems(items, calendarFileName(undefined));
			return items.length;
		},
		{
			success: (n) =>
				n
					? `Saved ${calendarFileName(undefined)} with ${count(n, 'date', 'dates')}. Open it to add them to your calendar; saving again later updates them.`
					: 'Nothing is dated in the next 90 days yet: set a follow-up or plan an interview first.'
		}
	);
}

const FIRST_SEEN_KEY = 'kith.firstSeenOn';

/** The day Kith was first opened here, noted on the first call. */
function firstSeenOn(): string {
	try {
		const seen = localStorage.getItem(FIRST_SEEN_KEY);
		if (seen) return seen;
		const today = todayIso();
		localStorage.setItem(FIRST_SEEN_KEY, today);
		return today;
	} catch {
		// No storage to remember by: treat every visit as the first, so Today never asks.
		return todayIso();
	}
}

const REFUSALS = {
	denied:
		'Notifications are blocked for Kith. Allow them in the browser’s site settings, then try again.',
	'not-installed':
		'The daily check only runs in the installed app. Install Kith (the browser menu has it), then turn this on there.',
	unsupported:
		'This browser cannot check in the background. Add your dates to your calendar instead.',
	failed: 'The browser would not set up the daily check. Try again later, or use your calendar.'
} as const;

/** The daily notification's choice for Settings and Today. Create it during component initialisation. */
export class DailyNotice {
	#setting = live(() => remindersSetting, undefined);
	#firstSeen = firstSeenOn();
	/** Periodic background sync exists in this browser (Chromium); elsewhere Settings says so. */
	readonly offered = periodicSyncOffered();
	permission = $state<NotifyPermission>(notificationPermission());
	/** Why the last "turn on" did not work, in words. */
	problem = $state<string>();
	/** The browser would run the check now (an installed app): Today offers it only then. */
	#allowed = $state(false);

	constructor() {
		void backgroundCheckAllowed().then((allowed) => (this.#allowed = allowed));
	}

	get loaded(): boolean {
		return this.#setting.loaded;
	}

	get on(): boolean {
		return this.#setting.value?.notify === true && this.permission === 'granted';
	}

	/** Today's offer: a returning person, where it can work, not on already, not set aside. */
	get offerOnToday(): boolean {
		return (
			this.#allowed &&
			this.loaded &&
			!this.on &&
			this.permission !== 'denied' &&
			this.#setting.value?.askDismissedAt === undefined &&
			this.#firstSeen < clock.today
		);
	}

	async turnOn(): Promise<boolean> {
		this.problem = undefined;
		const result = await turnOnDailyCheck();
		this.permission = notificationPermission();
		if (!result.ok) {
			this.problem = REFUSALS[result.reason];
			return false;
		}
		const saved = await attempt(() => reminders.setNotify(true), {
			success: 'Daily notification on: one a day when something is due, between 8:00 and 21:00.'
		});
		return saved.ok;
	}

	async turnOff(): Promise<void> {
		this.problem = undefined;
		await turnOffDailyCheck();
		await attempt(() => reminders.setNotify(false), { success: 'Daily notification off.' });
	}

	async notNow(): Promise<void> {
		await attempt(() => reminders.dismissAsk(), {
			success: 'Not now. You can turn it on any time in Settings, under Reminders.'
		});
	}
}
