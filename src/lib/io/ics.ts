/**
 * Writes iCalendar (RFC 5545) events: CRLF line ends, lines folded at 75 octets without splitting
 * a UTF-8 character, TEXT values escaped, times in UTC ('Z'), and an alarm. Pure: no browser.
 */

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

const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line so no physical line exceeds 75 octets (continuations start with a
 * space, which counts). Splits only between whole characters, so UTF-8 stays valid.
 */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	let limit = 75;
	for (const ch of line) {
		const size = encoder.encode(ch).length;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
			limit = 74; // the leading space takes one octet of the next line
		}
		current += ch;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
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
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
