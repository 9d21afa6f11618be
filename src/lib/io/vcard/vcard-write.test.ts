// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeContact } from '$lib/domain/testing/factories';
import { escapeText, foldLine } from '../content-line';
import { parseVCards, type ParsedCard } from './vcard-read';
import { myCardToVCard, serializeVCard, serializeVCards } from './vcard-write';

const CRLF = '\r\n';
const lines = (...l: string[]) => l.join(CRLF) + CRLF;

/** Physical lines as bytes, so a split multi-byte character would show. */
function physicalLines(text: string): Buffer[] {
	const bytes = Buffer.from(text, 'utf8');
	const out: Buffer[] = [];
	let start = 0;
	for (let i = 0; i < bytes.length - 1; i++) {
		if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
			out.push(bytes.subarray(start, i));
			start = i + 2;
			i++;
		}
	}
	out.push(bytes.subarray(start));
	return out;
}

const unfoldCrlf = (text: string) => text.replace(/\r\n[ \t]/g, '');

function only(text: string): ParsedCard {
	const { cards, errors } = parseVCards(text);
	expect(errors).toEqual([]);
	expect(cards).toHaveLength(1);
	return cards[0] as ParsedCard;
}

describe('serializeVCard', () => {
	const ada = makeContact({
		name: 'Ada King Lovelace',
		organization: 'Analytical Engines; Ltd',
		role: 'Mathematician',
		emails: ['ada@example.org'],
		phones: ['+44 20 7946 0000'],
		links: ['https://example.org/ada?x=1,2;3'],
		notes: 'Line one\nLine two, with; punctuation \\ backslash',
		tags: ['math', 'a,b']
	});

	it('writes vCard 4.0 by default', () => {
		expect(serializeVCard(ada)).toBe(
			lines(
				'BEGIN:VCARD',
				'VERSION:4.0',
				'FN:Ada King Lovelace',
				'N:Lovelace;Ada King;;;',
				'ORG:Analytical Engines\\; Ltd',
				'TITLE:Mathematician',
				'EMAIL:ada@example.org',
				'TEL;TYPE=voice:+44 20 7946 0000',
				'URL:https://example.org/ada?x=1,2;3',
				'NOTE:Line one\\nLine two\\, with\\; punctuation \\\\ backslash',
				'CATEGORIES:math,a\\,b',
				'END:VCARD'
			)
		);
	});

	it('writes vCard 3.0 with its TYPE parameters', () => {
		expect(serializeVCard(ada, '3.0')).toBe(
			lines(
				'BEGIN:VCARD',
				'VERSION:3.0',
				'FN:Ada King Lovelace',
				'N:Lovelace;Ada King;;;',
				'ORG:Analytical Engines\\; Ltd',
				'TITLE:Mathematician',
				'EMAIL;TYPE=INTERNET:ada@example.org',
				'TEL;TYPE=VOICE:+44 20 7946 0000',
				'URL:https://example.org/ada?x=1,2;3',
				'NOTE:Line one\\nLine two\\, with\\; punctuation \\\\ backslash',
				'CATEGORIES:math,a\\,b',
				'END:VCARD'
			)
		);
	});

	it('writes nothing for absent or blank optional fields', () => {
		const sam = makeContact({ name: 'Sam', organization: '  ', notes: '', emails: [' '] });
		expect(serializeVCard(sam, '3.0')).toBe(
			lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:Sam', 'N:;Sam;;;', 'END:VCARD')
		);
	});

	it('takes the last word as family name and the rest as given names', () => {
		const text = serializeVCard(makeContact({ name: 'María José García' }));
		expect(text).toContain(`${CRLF}N:García;María José;;;${CRLF}`);
	});

	it('drops control characters, which no vCard may hold', () => {
		const text = serializeVCard(
			makeContact({ name: 'Ada\u0000 Love\u0007lace', notes: 'a\u001bb' })
		);
		expect(text).toContain(`${CRLF}FN:Ada Lovelace${CRLF}`);
		expect(text).toContain(`${CRLF}NOTE:ab${CRLF}`);
	});

	it('ends every line, the last included, with CRLF and nothing else', () => {
		const text = serializeVCard(makeContact({ notes: 'a\nb\rc\r\nd' }));
		expect(text.endsWith(`END:VCARD${CRLF}`)).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(text).toContain('NOTE:a\\nb\\nc\\nd');
	});

	it('gives extra lines back after its own, verbatim when they are valid already', () => {
		const extra = [
			'item1.X-ABLabel:_$!<Other>!$_',
			'ADR;type=WORK:;;4 Library Road;Lagos;;100001;Nigeria',
			'X-SOCIALPROFILE;type=linkedin:http://www.linkedin.com/in/x'
		];
		for (const version of ['3.0', '4.0'] as const) {
			const text = serializeVCard({ ...makeContact({ name: 'X' }), extra }, version);
			expect(text.endsWith(lines(...extra, 'END:VCARD'))).toBe(true);
		}
	});

	it('never gives back card structure or lines that are not properties', () => {
		const extra = ['END:VCARD', 'BEGIN:VCARD', 'VERSION:2.1', 'no colon here', 'X-A:1\nX-B:2'];
		const text = serializeVCard({ ...makeContact({ name: 'X' }), extra }, '3.0');
		expect(text).toBe(
			lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:X', 'N:;X;;;', 'X-A:1\\nX-B:2', 'END:VCARD')
		);
	});

	it('rewrites vCard 2.1 extra lines into valid 3.0 and 4.0', () => {
		const extra = [
			'ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Storgatan 1;G=C3=B6teborg;;411 01;Sverige',
			'LABEL;ENCODING=QUOTED-PRINTABLE:Line 1=0D=0ALine 2',
			'X-NAME;CHARSET=ISO-8859-1:plain'
		];
		const text = serializeVCard({ ...makeContact({ name: 'X' }), extra }, '4.0');
		expect(text).toContain(
			lines(
				'ADR;TYPE=HOME:;;Storgatan 1;Göteborg;;411 01;Sverige',
				'LABEL:Line 1\\nLine 2',
				'X-NAME:plain'
			)
		);
	});

	it('moves inline photos between 3.0 ENCODING=b and 4.0 data: URIs', () => {
		const photo21 = 'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ SkZJRg==';
		const photo30 = 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==';
		const photo40 = 'PHOTO:data:image/jpeg;base64,/9j/4AAQSkZJRg==';
		const out = (line: string, version: '3.0' | '4.0') =>
			unfoldCrlf(serializeVCard({ ...makeContact({ name: 'X' }), extra: [line] }, version));
		expect(out(photo21, '4.0')).toContain(`${CRLF}${photo40}${CRLF}`);
		expect(out(photo30, '4.0')).toContain(`${CRLF}${photo40}${CRLF}`);
		expect(out(photo40, '3.0')).toContain(`${CRLF}${photo30}${CRLF}`);
		expect(out(photo21, '3.0')).toContain(`${CRLF}${photo30}${CRLF}`);
	});

	it('writes many cards one after another', () => {
		const text = serializeVCards(
			[makeContact({ name: 'One' }), makeContact({ name: 'Two' })],
			'3.0'
		);
		expect(text).toBe(
			lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:One', 'N:;One;;;', 'END:VCARD') +
				lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:Two', 'N:;Two;;;', 'END:VCARD')
		);
		expect(serializeVCards([])).toBe('');
	});
});

describe('escapeText', () => {
	it('escapes backslash, comma, semicolon and every kind of line break', () => {
		expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
	});

	it('escapes a backslash before the comma it precedes, not after', () => {
		expect(escapeText('\\,')).toBe('\\\\\\,');
	});
});

describe('folding', () => {
	it('folds at 75 octets with a leading space on each continuation', () => {
		const folded = foldLine('NOTE:' + 'x'.repeat(200));
		expect(folded.split(CRLF).map((l) => l.length)).toEqual([75, 75, 57]);
		expect(
			folded
				.split(CRLF)
				.slice(1)
				.every((l) => l.startsWith(' x'))
		).toBe(true);
	});

	it('leaves short lines alone', () => {
		expect(foldLine('FN:Ada')).toBe('FN:Ada');
		expect(foldLine('X:' + 'y'.repeat(73))).toBe('X:' + 'y'.repeat(73));
	});

	it.each([
		['two-byte letters', 'é'],
		['three-byte letters', '語'],
		['four-byte emoji', '😀'],
		['emoji sequences', '👩🏽‍💻'],
		['right-to-left text', 'ليلى ']
	])('counts octets, not characters, and never splits %s', (_label, unit) => {
		const line = 'FN:' + unit.repeat(60);
		const physical = physicalLines(foldLine(line));
		expect(physical.length).toBeGreaterThan(1);
		for (const bytes of physical) {
			expect(bytes.length).toBeLessThanOrEqual(75);
			expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
		}
		expect(unfoldCrlf(foldLine(line))).toBe(line);
	});

	it('keeps an escape sequence on one physical line', () => {
		const folded = foldLine('NOTE:' + 'x'.repeat(69) + '\\nmore');
		expect(folded.split(CRLF)[0]).toBe('NOTE:' + 'x'.repeat(69));
		expect(folded.split(CRLF)[1]).toBe(' \\nmore');
	});

	it('folds every line of a whole card and unfolding restores it', () => {
		const contact = makeContact({
			name: 'Ama 👩🏽‍💻 Owusu-Ansah '.repeat(8).trim(),
			notes: 'Talked about 図書館 and ليلى, for a long while. '.repeat(10).trim(),
			links: ['https://example.org/' + 'path/'.repeat(30)]
		});
		const text = serializeVCard(contact);
		for (const bytes of physicalLines(text)) expect(bytes.length).toBeLessThanOrEqual(75);
		const logical = unfoldCrlf(text).split(CRLF);
		expect(logical).toContain(`URL:${contact.links[0]}`);
		expect(logical).toContain(`FN:${contact.name}`);
	});
});

describe('myCardToVCard', () => {
	it('writes a vCard 3.0 with the headline as TITLE', () => {
		expect(
			myCardToVCard({
				name: 'Rosa Díaz',
				headline: 'Archivist, open to work',
				email: 'rosa@example.org',
				phone: '+1 555 0100',
				links: ['https://rosa.example.org', 'javascript:alert(1)']
			})
		).toBe(
			lines(
				'BEGIN:VCARD',
				'VERSION:3.0',
				'FN:Rosa Díaz',
				'N:Díaz;Rosa;;;',
				'TITLE:Archivist\\, open to work',
				'EMAIL;TYPE=INTERNET:rosa@example.org',
				'TEL;TYPE=CELL:+1 555 0100',
				'URL:https://rosa.example.org',
				'END:VCARD'
			)
		);
	});

	it('leaves out what the user has not filled in', () => {
		expect(myCardToVCard({ name: 'Rosa', headline: ' ', email: '', links: [] })).toBe(
			lines('BEGIN:VCARD', 'VERSION:3.0', 'FN:Rosa', 'N:;Rosa;;;', 'END:VCARD')
		);
	});

	it('reads back as the same person', () => {
		const card = only(
			myCardToVCard({
				name: 'Rosa Díaz',
				headline: 'Archivist; records, and more',
				email: 'rosa@example.org',
				phone: '+1 555 0100',
				links: ['https://rosa.example.org', 'http://blog.example.org/rosa']
			})
		);
		expect(card).toMatchObject({
			name: 'Rosa Díaz',
			role: 'Archivist; records, and more',
			emails: ['rosa@example.org'],
			phones: ['+1 555 0100'],
			links: ['https://rosa.example.org', 'http://blog.example.org/rosa'],
			extra: []
		});
	});
});

describe('import then export', () => {
	const fixture = (name: string) =>
		readFileSync(new URL(`../fixtures/vcard/${name}`, import.meta.url), 'utf8');

	function reexport(card: ParsedCard, version: '3.0' | '4.0'): ParsedCard {
		const { line: _line, extra, ...fields } = card;
		return only(serializeVCard({ ...makeContact(fields), extra }, version));
	}

	it.each(['v30-apple.vcf', 'v40.vcf', 'unicode.vcf', 'folded.vcf'])(
		'keeps every card of %s, extras included, through a 3.0 and a 4.0 export',
		(name) => {
			for (const card of parseVCards(fixture(name)).cards) {
				const { line: _line, ...fields } = card;
				expect(reexport(card, '3.0')).toEqual({ ...fields, line: 1 });
				const { extra: _extra, ...rest } = fields;
				expect(reexport(card, '4.0')).toMatchObject({ ...rest, line: 1 });
			}
		}
	);

	it('keeps the fields of a vCard 2.1 file through an export', () => {
		for (const card of parseVCards(fixture('v21-quoted-printable.vcf')).cards) {
			const { line: _line, extra, ...fields } = card;
			const again = reexport(card, '4.0');
			expect(again).toMatchObject(fields);
			expect(again.extra).toHaveLength(extra.length);
		}
	});
});
