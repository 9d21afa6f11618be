/**
 * Calendar days as people read them ("3 May 2025", "in 3 days"). Apart from day.ts, whose arithmetic
 * the capture form needs: screens that show dates load this, Capture does not.
 */
import { daysBetween, todayIso, type IsoDate } from './day';

// Made on first use: the first Intl object of a page loads the locale's data (about 100 ms at a 4x
// CPU throttle), which screens that show no date, Capture among them, should not wait for.
let longDate: Intl.DateTimeFormat | undefined;

/** The format of a date on its own: "3 May 2025" (in the person's locale). */
export function dayMonthYear(): Intl.DateTimeFormat {
	return (longDate ??= new Intl.DateTimeFormat(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	}));
}

// Intl formatting took most of a 200-touchpoint timeline's script time (three labels a row), and
// pages show the same days again and again.
const formatted = new Map<IsoDate, string>();

export function formatDay(day: IsoDate): string {
	let text = formatted.get(day);
	if (text === undefined) {
		const [y, m, d] = day.split('-').map(Number) as [number, number, number];
		text = dayMonthYear().format(new Date(y, m - 1, d));
		if (formatted.size >= 4096) formatted.clear();
		formatted.set(day, text);
	}
	return text;
}

/** "today", "tomorrow", "3 days ago", or a date for anything further away. */
export function relativeDay(day: IsoDate, today: IsoDate = todayIso()): string {
	const diff = daysBetween(today, day);
	if (diff === 0) return 'today';
	if (diff === 1) return 'tomorrow';
	if (diff === -1) return 'yesterday';
	if (diff < 0 && diff > -14) return `${-diff} days ago`;
	if (diff > 0 && diff < 14) return `in ${diff} days`;
	return formatDay(day);
}
