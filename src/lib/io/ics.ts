/**
 * Writes iCalendar (RFC 5545) events: CRLF line ends, lines folded at 75 octets without splitting
 * a UTF-8 character, TEXT values escaped (both by the content-line rules vCard shares), times in
 * UTC ('Z') or whole days (DATE), and an alarm. One event or a whole calendar of them. Pure: no
 * browser.
 */
import { contentLines, escapeText } from './content-line';

/** A span of time, or a whole day (`YYYY-MM-DD`, the phone's own day). */
export type IcsWhen = { start: number; end: number } | { day: string };

export type IcsEvent = IcsWhen & {
	/** Stable across exports, so re-importing updates the event instead of adding another. */
	uid: string;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	/** When the file was written (DTSTAMP). */
	stamp: number;
	/**
	 * Which revision of the event this is (SEQUENCE): a calendar keeps the highest it was given.
	 * Defaults to the minutes from 2024 to `stamp`, so every export outranks the ones before it.
	 */
	sequence?: number;
	/** Minutes before the start at which the phone should remind (negative: after); none when undefined. */
	alarmMinutesBefore?: number;
};

const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

/** A time in the UTC form `YYYYMMDDTHHMMSSZ`. */
export function utcStamp(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** A day `YYYY-MM-DD` as a DATE value, `YYYYMMDD`. */
function dateValue(day: string): string {
	return day.replace(/-/g, '');
}

/** The day after `day`, for an all-day event's exclusive DTEND. */
function nextDay(day: string): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A relative alarm trigger: `-PT60M` an hour before, `PT540M` nine hours after the start. */
function trigger(minutesBefore: number): string {
	const m = Math.round(minutesBefore);
	return m >= 0 ? `-PT${m}M` : `PT${-m}M`;
}

function eventLines(event: IcsEvent): string[] {
	const sequence =
		event.sequence ?? Math.max(0, Math.floor((event.stamp - SEQUENCE_EPOCH) / 60_000));
	const lines = [
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		`SEQUENCE:${sequence}`,
		...('day' in event
			? [
					`DTSTART;VALUE=DATE:${dateValue(event.day)}`,
					`DTEND;VALUE=DATE:${dateValue(nextDay(event.day))}`,
					// A reminder for a day shows as free time: the day stays bookable.
					'TRANSP:TRANSPARENT'
				]
			: [
					`DTSTART:${utcStamp(event.start)}`,
					`DTEND:${utcStamp(Math.max(event.end, event.start))}`
				]),
		`SUMMARY:${escapeText(event.summary)}`
	];
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	// URL is a URI value, not TEXT: it is not escaped, and only web links are written.
	if (event.url && /^https?:\/\/[^\s]+$/i.test(event.url)) lines.push(`URL:${event.url}`);
	if (event.alarmMinutesBefore !== undefined) {
		lines.push(
			'BEGIN:VALARM',
			'ACTION:DISPLAY',
			`DESCRIPTION:${escapeText(event.summary)}`,
			`TRIGGER:${trigger(event.alarmMinutesBefore)}`,
			'END:VALARM'
		);
	}
	lines.push('END:VEVENT');
	return lines;
}

/** One VCALENDAR holding every event, as the text of a .ics file (an empty calendar for none). */
export function writeCalendar(events: readonly IcsEvent[], name?: string): string {
	return contentLines([
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Kith//Reminders//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...(name ? [`X-WR-CALNAME:${escapeText(name)}`] : []),
		...events.flatMap(eventLines),
		'END:VCALENDAR'
	]);
}

/** One VCALENDAR with one VEVENT, as the text of a .ics file. */
export function writeIcs(event: IcsEvent): string {
	return writeCalendar([event]);
}
