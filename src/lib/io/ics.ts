/**
 * Writes iCalendar (RFC 5545) events: CRLF line ends, lines folded at 75 octets without splitting
 * a UTF-8 character, TEXT values escaped (both by the content-line rules vCard shares), times in
 * UTC ('Z'), and an alarm. Pure: no browser.
 */
import { contentLines, escapeText } from './content-line';

export interface IcsEvent {
	/** Stable across exports, so re-importing updates the event instead of adding another. */
	uid: string;
	start: number;
	end: number;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	/** When the file was written (DTSTAMP). */
	stamp: number;
	/** Minutes before the start at which the phone should remind; none when undefined. */
	alarmMinutesBefore?: number;
}

/** A time in the UTC form `YYYYMMDDTHHMMSSZ`. */
export function utcStamp(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** One VCALENDAR with one VEVENT, as the text of a .ics file. */
export function writeIcs(event: IcsEvent): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Kith//Interviews//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		`DTSTART:${utcStamp(event.start)}`,
		`DTEND:${utcStamp(Math.max(event.end, event.start))}`,
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
			`TRIGGER:-PT${Math.max(0, Math.round(event.alarmMinutesBefore))}M`,
			'END:VALARM'
		);
	}
	lines.push('END:VEVENT', 'END:VCALENDAR');
	return contentLines(lines);
}
