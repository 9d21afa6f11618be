// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseCsvDate } from './csv-dates';

describe('parseCsvDate', () => {
	it.each([
		['15 Mar 2024', '2024-03-15'],
		['15 March 2024', '2024-03-15'],
		['1/8/18, 6:14 PM', '2018-01-08'],
		['12/31/2023', '2023-12-31'],
		['6-Feb-26', '2026-02-06'],
		['06-feb-1999', '1999-02-06'],
		['2024-03-15', '2024-03-15'],
		['2024-3-5', '2024-03-05'],
		['2024-03-15T09:30:00Z', '2024-03-15'],
		['2024/03/15', '2024-03-15'],
		['Mar 15, 2024', '2024-03-15'],
		['Sept 3 2024', '2024-09-03'],
		['15.03.2024', '2024-03-15'],
		['  29 Feb 2024  ', '2024-02-29'],
		['29 Feb 2000', '2000-02-29']
	])('reads %j as %s', (text, expected) => {
		expect(parseCsvDate(text)).toBe(expected);
	});

	it('reads slashes as month/day, unless the first number can only be a day', () => {
		expect(parseCsvDate('3/4/24')).toBe('2024-03-04');
		expect(parseCsvDate('13/4/24')).toBe('2024-04-13');
	});

	it('reads a two-digit year between 1970 and 2069', () => {
		expect(parseCsvDate('1 Jan 69')).toBe('2069-01-01');
		expect(parseCsvDate('1 Jan 70')).toBe('1970-01-01');
		expect(parseCsvDate('1/1/00')).toBe('2000-01-01');
	});

	it.each([
		'',
		'someday',
		'31 Feb 2024',
		'29 Feb 2023',
		'29 Feb 1900',
		'2/30/24',
		'13/13/24',
		'2024-13-01',
		'2024-00-10',
		'0 Mar 2024',
		'15 Ma 2024',
		'15 Foo 2024',
		'1/8',
		'2024',
		'15 Mar 2024 and then some'
	])('refuses %j', (text) => {
		expect(parseCsvDate(text)).toBeUndefined();
	});
});
