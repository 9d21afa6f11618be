/**
 * The app icon's badge kept at the number of things due today (Today's own count, see
 * reads/reminders.reads.ts), in step with the database in every tab, for as long as the app runs.
 * The frame around every page loads it once the page is up: it reads the database, which the
 * first screen must not wait for. Stores nothing.
 */
import { getRepos, observe } from '$lib/db';
import { untilMidnight } from '$lib/domain/day';
import { dueTotal } from '$lib/domain/due-today';
import { showBadge } from '$lib/device/badge';
import { dueToday } from './reads/reminders.reads';

/** Starts following what is due; gives the way to stop. Writes the badge only when the number changes. */
export function keepBadgeInStep(): () => void {
	let shown: number | undefined;
	let stop: (() => void) | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	// What is due depends on the time too: counted again at midnight and whenever the app is seen.
	const watch = () => {
		stop?.();
		clearTimeout(timer);
		const now = Date.now();
		stop = observe(
			() => dueToday(now)(getRepos()),
			(counts) => {
				const n = dueTotal(counts);
				if (n === shown) return;
				shown = n;
				void showBadge(n);
			},
			// The badge is a nicety: a screen that cannot read its data says so itself.
			() => undefined
		);
		timer = setTimeout(watch, untilMidnight() + 250);
	};
	const seen = () => {
		if (document.visibilityState === 'visible') watch();
	};
	document.addEventListener('visibilitychange', seen);
	watch();
	return () => {
		stop?.();
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', seen);
	};
}
