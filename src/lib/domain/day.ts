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
