/**
 * Calendar days as `YYYY-MM-DD` in the user's own time zone: plain functions without zod, so the
 * first screen can use them without loading the schemas (those are in dates.ts).
 */

/** A calendar day as `YYYY-MM-DD`. */
export type IsoDate = string;

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

export function toIsoDate(d: Date): IsoDate {
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
	return toIsoDate(now);
}

/** Milliseconds from `now` to the next local midnight. */
export function untilMidnight(now: Date = new Date()): number {
	return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
}

export function addDays(day: IsoDate, days: number): IsoDate {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return toIsoDate(new Date(y, m - 1, d + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	const utc = (day: IsoDate) => {
		const [y, m, d] = day.split('-').map(Number) as [number, number, number];
		return Date.UTC(y, m - 1, d);
	};
	return Math.round((utc(to) - utc(from)) / 86_400_000);
}

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
