// @vitest-environment node
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './content-line';
import { utcStamp, writeCalendar, writeIcs, type IcsEvent } from './ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

const base: IcsEvent = {
	uid: 'abc-123@kith.interviews',
	start: Date.UTC(2026, 2, 5, 14, 30),
	end: Date.UTC(2026, 2, 5, 15, 0),
	summary: 'Informational interview with Ana',
	stamp: Date.UTC(2026, 1, 1, 9, 0, 0),
	alarmMinutesBefore: 60
};

function parse(text: string) {
	const cal = new ICAL.Component(ICAL.parse(text));
	const vevent = cal.getFirstSubcomponent('vevent')!;
	return { cal, vevent, event: new ICAL.Event(vevent) };
}

describe('ics writer', () => {
	it('writes CRLF lines and an event ical.js reads back with UTC times, UID and DTSTAMP', () => {
		const text = writeIcs(base);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const { cal, vevent, event } = parse(text);
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		expect(event.uid).toBe('abc-123@kith.interviews');
		expect(event.summary).toBe('Informational interview with Ana');
		expect(event.startDate.toJSDate().getTime()).toBe(base.start);
		expect(event.endDate.toJSDate().getTime()).toBe(base.end);
		expect(event.startDate.zone?.tzid).toBe('UTC');
		expect(text).toContain('DTSTART:20260305T143000Z');
		expect(text).toContain('DTEND:20260305T150000Z');
		expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime()).toBe(
			base.stamp
		);
	});

	it('the same interview gives the same UID every time', () => {
		const a = parse(writeIcs(base)).event.uid;
		const b = parse(writeIcs({ ...base, stamp: base.stamp + 99_000, summary: 'Changed' })).event
			.uid;
		expect(a).toBe(b);
	});

	it('adds an alarm an hour before', () => {
		const { vevent } = parse(writeIcs(base));
		const alarm = vevent.getFirstSubcomponent('valarm')!;
		expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
		const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
		expect(trigger.toSeconds()).toBe(-3600);
	});

	it('escapes commas, semicolons, backslashes and line breaks, and they read back as typed', () => {
		const description = 'Goal: learn, listen; ask\\think\nLine two\r\nLine three';
		const location = 'Café Nord, 2nd floor; room 3';
		const text = writeIcs({ ...base, description, location });
		expect(text).toContain('LOCATION:Café Nord\\, 2nd floor\\; room 3');
		const { event } = parse(text);
		expect(event.description).toBe(description.replace(/\r\n/g, '\n'));
		expect(event.location).toBe(location);
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});

	it('folds long lines at 75 octets, never inside a multibyte character, and unfolds exactly', () => {
		const description = 'Ærlig talt: 日本語のテキスト 👩🏽‍💻 ünïcödé ✓ '.repeat(12);
		const text = writeIcs({ ...base, description, summary: '面談 '.repeat(40).trim() });
		const lines = text.split('\r\n').slice(0, -1);
		for (const line of lines) {
			expect(octets(line)).toBeLessThanOrEqual(75);
			expect(line).not.toContain('\uFFFD');
		}
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);
		// Some line is full to within one character, so the limit is really 75 octets, not 75 characters.
		expect(Math.max(...lines.map(octets))).toBeGreaterThan(71);
		const { event } = parse(text);
		expect(event.description).toBe(description);
		expect(event.summary).toBe('面談 '.repeat(40).trim());
	});

	it('foldLine leaves short lines alone and keeps every character whole', () => {
		expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
		const line = 'X:' + 'é'.repeat(100);
		const folded = foldLine(line);
		for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
		expect(folded.split('\r\n ').join('')).toBe(line);
		// 'X:' (2) + 36 'é' (72 octets) = 74; the next 'é' would make 76.
		expect(folded.split('\r\n')[0]).toBe('X:' + 'é'.repeat(36));
	});

	it('a 2,000-character question fits, folded', () => {
		const q = 'Why? '.repeat(400);
		const text = writeIcs({ ...base, description: q });
		expect(parse(text).event.description).toBe(q);
	});

	it('writes times in UTC whatever the clock zone', () => {
		expect(utcStamp(Date.UTC(2026, 11, 31, 23, 59, 5))).toBe('20261231T235905Z');
	});

	it('leaves the alarm out when none is asked for, and writes only web links as URL', () => {
		const text = writeIcs({
			...base,
			alarmMinutesBefore: undefined,
			url: 'javascript:alert(1)'
		});
		expect(text).not.toContain('VALARM');
		expect(text).not.toContain('URL:');
		expect(writeIcs({ ...base, url: 'https://meet.example.org/x' })).toContain(
			'URL:https://meet.example.org/x'
		);
	});
});

describe('a calendar of many entries', () => {
	const day: IcsEvent = {
		uid: 'c1@kith.follow-up',
		day: '2026-06-20',
		summary: 'Follow up with Ana',
		stamp: Date.UTC(2026, 5, 15, 10),
		alarmMinutesBefore: -540
	};

	it('writes whole days as DATE values with an alarm at 9:00 and every event once', () => {
		const text = writeCalendar([day, base], 'Kith');
		const cal = new ICAL.Component(ICAL.parse(text));
		const events = cal.getAllSubcomponents('vevent');
		expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
			'c1@kith.follow-up',
			'abc-123@kith.interviews'
		]);
		const first = new ICAL.Event(events[0]!);
		expect(first.startDate.isDate).toBe(true);
		expect(first.startDate.toString()).toBe('2026-06-20');
		expect(first.endDate.toString()).toBe('2026-06-21');
		const trigger = events[0]!.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger');
		expect((trigger as ICAL.Duration).toSeconds()).toBe(9 * 3600);
		expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Kith');
	});

	it('a later export carries a higher SEQUENCE and the same UID, so calendars take it as an update', () => {
		const seq = (stamp: number) =>
			Number(
				new ICAL.Component(ICAL.parse(writeCalendar([{ ...day, stamp }])))
					.getFirstSubcomponent('vevent')!
					.getFirstPropertyValue('sequence')
			);
		expect(seq(day.stamp + 3_600_000)).toBeGreaterThan(seq(day.stamp));
		expect(writeCalendar([{ ...day, sequence: 4 }])).toContain('SEQUENCE:4\r\n');
	});

	it('an empty calendar is still a calendar', () => {
		const cal = new ICAL.Component(ICAL.parse(writeCalendar([])));
		expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
	});
});
