/**
 * Reads the calendar dates that contact exports write in their own ways ("15 Mar 2024",
 * "1/8/18, 6:14 PM", "6-Feb-26", "2024-03-15") into Kith's `YYYY-MM-DD`. A date it cannot read for
 * certain gives `undefined`, so that the caller can say so instead of storing a wrong day.
 */
import type { IsoDate } from '$lib/domain/dates';

const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

function monthNumber(word: string): number | undefined {
	const w = word.toLowerCase();
	if (w.length < 3) return undefined;
	const index = MONTH_NAMES.findIndex((name) => name.startsWith(w));
	return index < 0 ? undefined : index + 1;
}

/**
 * LinkedIn writes two-digit years; it did not exist before 2003, and nobody met anyone in the
 * 2070s yet, so the window 1970-2069 reads every date a contact list is likely to hold.
 */
function fullYear(digits: string): number {
	const y = Number(digits);
	if (digits.length > 2) return y;
	return y < 70 ? 2000 + y : 1900 + y;
}

function daysIn(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number | undefined, day: number): IsoDate | undefined {
	if (month === undefined || month < 1 || month > 12) return undefined;
	if (year < 1 || year > 9999 || day < 1 || day > daysIn(year, month)) return undefined;
	const pad = (n: number, width: number) => String(n).padStart(width, '0');
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// A time of day after the date ("1/8/18, 6:14 PM", "2024-03-15T09:30:00Z") does not change the day.
const TIME =
	/(?:,?\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_FIRST_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/i;

/** A calendar day from an export's date cell, or `undefined` when it cannot be read for certain. */
export function parseCsvDate(text: string): IsoDate | undefined {
	const t = text.trim().replace(TIME, '');
	let m: RegExpExecArray | null;
	if ((m = ISO.exec(t)) || (m = YEAR_FIRST_SLASH.exec(t))) {
		return iso(Number(m[1]), Number(m[2]), Number(m[3]));
	}
	if ((m = SLASHES.exec(t))) {
		// LinkedIn and US spreadsheets write month/day; a first number over 12 can only be a day.
		const a = Number(m[1]);
		const b = Number(m[2]);
		const year = fullYear(m[3] ?? '');
		return a > 12 ? iso(year, b, a) : iso(year, a, b);
	}
	if ((m = DOTS.exec(t))) return iso(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
	if ((m = DAY_MONTH_YEAR.exec(t))) {
		return iso(fullYear(m[3] ?? ''), monthNumber(m[2] ?? ''), Number(m[1]));
	}
	if ((m = MONTH_DAY_YEAR.exec(t))) {
		return iso(fullYear(m[3] ?? ''), monthNumber(m[1] ?? ''), Number(m[2]));
	}
	return undefined;
}
