/**
 * The calendar day as a rune that follows the wall clock: it turns over at local midnight, and is
 * looked at again whenever the app comes back into view (a phone asleep overnight runs no timers).
 * Stores nothing.
 */
import { createSubscriber } from 'svelte/reactivity';
import { todayIso, untilMidnight, type IsoDate } from '$lib/domain/day';

const subscribe = createSubscriber((update) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const schedule = () => {
		clearTimeout(timer);
		// A little after midnight, so that the new day has surely begun.
		timer = setTimeout(() => {
			update();
			schedule();
		}, untilMidnight() + 250);
	};
	const seen = () => {
		if (document.visibilityState !== 'visible') return;
		update();
		schedule();
	};
	document.addEventListener('visibilitychange', seen);
	window.addEventListener('pageshow', seen);
	window.addEventListener('focus', seen);
	schedule();
	return () => {
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', seen);
		window.removeEventListener('pageshow', seen);
		window.removeEventListener('focus', seen);
	};
});

export const clock = {
	/** Today's date; read in an effect or `$derived`, it changes when the day does. */
	get today(): IsoDate {
		subscribe();
		return todayIso();
	},
	/** The time of the last look at the clock (midnight, or the app coming back into view). */
	get now(): number {
		subscribe();
		return Date.now();
	}
};
