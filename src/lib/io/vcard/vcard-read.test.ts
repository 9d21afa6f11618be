// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeVCardBytes, parseVCards, type ParsedCard } from './vcard-read';

function fixtureBytes(name: string): Buffer {
	return readFileSync(new URL(`../fixtures/vcard/${name}`, import.meta.url));
}

function fixture(name: string): string {
	return fixtureBytes(name).toString('utf8');
}

// Every text fixture is read with each line ending real files use, so none of them is special.
const EOLS = [
	['CRLF', '\r\n'],
	['LF', '\n'],
	['CR', '\r']
] as const;

function withEol(text: string, eol: string): string {
	return text.replace(/\r\n|\r|\n/g, eol);
}

function only(cards: ParsedCard[], index = 0): ParsedCard {
	const card = cards[index];
	if (!card) throw new Error(`no card at ${index}`);
	return card;
}

describe.each(EOLS)('parseVCards with %s line ends', (_label, eol) => {
	const read = (name: string) => parseVCards(withEol(fixture(name), eol));

	it('reads vCard 2.1 with quoted-printable, charsets, soft line breaks and bare types', () => {
		const { cards, errors } = read('v21-quoted-printable.vcf');
		expect(errors).toEqual([]);
		expect(cards).toEqual([
			{
				name: 'Zoë Ångström',
				organization: 'Café Noir',
				// 2.1 folds at white space and keeps it.
				role: 'Head Chef',
				emails: ['zoe@example.se'],
				phones: ['+46 70 123 45 67', '+46 8 555 010 10'],
				links: [],
				notes: 'Met at the career fair.\nAsk about the archives internship.',
				tags: [],
				extra: [
					'ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Storgatan 1;G=C3=B6teborg;;411 01;Sverige'
				],
				line: 1
			},
			{
				name: 'Olle Berg',
				emails: [],
				phones: ['08-555 01 02'],
				links: [],
				notes: 'Bare encoding – UTF-8 when no charset is given.',
				tags: [],
				extra: [],
				line: 17
			}
		]);
	});

	it('reads Apple-style vCard 3.0 with item groups, labels, escapes and a photo', () => {
		const { cards, errors } = read('v30-apple.vcf');
		expect(errors).toEqual([]);
		expect(cards).toHaveLength(3);
		expect(only(cards, 0)).toEqual({
			name: 'Dr. Chidinma Okafor',
			organization: 'Lagos Public Library',
			role: 'Head of Digital Services',
			emails: ['chidinma@example.ng', 'c.okafor@library.example.ng'],
			phones: ['+234 801 234 5678', '(01) 555-0199'],
			links: ['https://library.example.ng/staff/okafor', 'https://www.chidinma.example.org'],
			notes:
				'Met at the IFLA session on digital archives.\nSuggested I talk to her colleague, Emeka; he runs the metadata team. Path: C:\\Archive\\2024',
			tags: ['conference', 'archives', 'follow up'],
			extra: [
				'PRODID:-//Apple Inc.//iPhone OS 17.4//EN',
				'item1.X-ABLabel:_$!<Other>!$_',
				'item2.X-ABLabel:_$!<HomePage>!$_',
				'URL:ftp://files.example.ng/cv.pdf',
				'X-SOCIALPROFILE;type=linkedin;x-user=chidinmaokafor:http://www.linkedin.com/in/chidinmaokafor',
				'ADR;type=WORK;type=pref:;;4 Library Road;Lagos;;100001;Nigeria',
				'BDAY;value=date:1985-03-14',
				'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQ' +
					'NDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAR' +
					'EA'
			],
			line: 1
		});
	});

	it('falls back to N when FN is empty, and keeps what it cannot accept in extra', () => {
		const card = only(read('v30-apple.vcf').cards, 1);
		expect(card).toEqual({
			name: 'Anna Maria van der Berg',
			emails: [],
			phones: [],
			// Some exporters escape the colon of a URL.
			links: ['http://anna.example.nl/blog'],
			tags: [],
			extra: ['EMAIL;type=INTERNET:not-an-email', 'TEL;type=HOME:1-800-FLOWERS'],
			line: 28
		});
	});

	it('reads lower-case property names and base64-encoded text', () => {
		const card = only(read('v30-apple.vcf').cards, 2);
		expect(card).toMatchObject({
			name: 'Lotte Huber',
			notes: 'Grüße aus Wien.\nBis bald!',
			extra: [],
			line: 36
		});
	});

	it('reads vCard 4.0 with tel: URIs, quoted parameters and PREF', () => {
		const { cards, errors } = read('v40.vcf');
		expect(errors).toEqual([]);
		expect(cards).toEqual([
			{
				name: 'Mei-Ling Chen',
				organization: 'Open Data Institute',
				role: 'Research Librarian',
				emails: ['meiling.chen@example.org'],
				phones: ['+1-555-010-0142', '+1-555-010-0100 ext. 42'],
				links: ['https://example.org/people/chen'],
				notes: 'Knows the hiring manager at the state archive.',
				tags: ['open data', 'metadata'],
				extra: [
					'KIND:individual',
					'IMPP;PREF=1:xmpp:meiling@example.org',
					'ADR;TYPE=work;LABEL="2 Data Lane\\nSpringfield: Building B":;;2 Data Lane;Springfield;IL;62701;USA',
					'GEO:geo:39.78,-89.65',
					'LANG;PREF=1:en',
					'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
					'REV:20250301T120000Z'
				],
				line: 1
			}
		]);
	});

	it('unfolds lines folded with a space or a tab, anywhere, removing exactly one', () => {
		const { cards, errors } = read('folded.vcf');
		expect(errors).toEqual([]);
		expect(cards).toEqual([
			{
				name: 'Bartholomew Alexander Featherstonehaugh',
				role: 'Senior Archivist',
				emails: ['bart@example.org'],
				phones: ['+44 20 7946 0958'],
				links: [],
				// The fold between `\` and `n` is undone before unescaping.
				notes: 'first part second part\nthird line',
				tags: [],
				extra: ['X-LONG-PROPERTY:onetwothree'],
				line: 1
			}
		]);
	});

	it('reads many cards, blank lines and mixed case, with the line each starts on', () => {
		const { cards, errors } = read('many.vcf');
		expect(errors).toEqual([]);
		expect(cards.map((c) => [c.name, c.line])).toEqual([
			['Card One', 1],
			['Card Two', 6],
			['Card Three', 11],
			['Card Four', 17],
			['Card Five', 21]
		]);
		expect(only(cards, 1).emails).toEqual(['two@example.org']);
	});

	it('keeps names in any script exactly: right-to-left, CJK, emoji, combining marks', () => {
		const { cards, errors } = read('unicode.vcf');
		expect(errors).toEqual([]);
		expect(cards.map((c) => c.name)).toEqual([
			'ليلى الأحمد',
			'דוד כהן',
			'山田 太郎',
			'Ama 👩🏽‍💻 Owusu',
			'Nguyễn Thị Minh Khai',
			'Zoe\u0308 Ma\u0301rquez'
		]);
		expect(only(cards, 0)).toMatchObject({
			organization: 'مكتبة الإسكندرية',
			notes: 'التقينا في معرض الكتاب. Follow up in English.'
		});
		expect(only(cards, 1).role).toBe('ספרן ראשי');
		expect(only(cards, 2).tags).toEqual(['図書館', '同窓生']);
		expect(only(cards, 3).notes).toBe('Loves 🚀 launches');
	});

	it('refuses a truncated card (BEGIN without END) with the line it starts on', () => {
		const { cards, errors } = read('truncated.vcf');
		expect(cards).toEqual([]);
		expect(errors).toEqual([{ line: 1, reason: expect.stringMatching(/END:VCARD/) }]);
	});

	it('reports each problem on its own line and still reads the good cards', () => {
		const { cards, errors } = read('errors.vcf');
		expect(cards.map((c) => [c.name, c.line])).toEqual([
			['Good Card', 6],
			['After Interruption', 14]
		]);
		expect(errors).toEqual([
			{ line: 1, reason: expect.stringMatching(/outside any card/) },
			{ line: 2, reason: expect.stringMatching(/no name/) },
			{ line: 9, reason: expect.stringMatching(/not a vCard property/) },
			{ line: 11, reason: expect.stringMatching(/no BEGIN:VCARD/) },
			{ line: 12, reason: expect.stringMatching(/no END:VCARD/) }
		]);
	});
});

describe('parseVCards on files that are not vCards', () => {
	it.each([
		['an empty file', fixture('empty.vcf')],
		['only white space', ' \r\n\t\n  '],
		['only a byte order mark', '\uFEFF']
	])('says %s is empty', (_label, text) => {
		expect(parseVCards(text)).toEqual({
			cards: [],
			errors: [{ line: 1, reason: 'The file is empty.' }]
		});
	});

	it('refuses binary data (NUL bytes) without reading any card', () => {
		const result = parseVCards(fixture('binary.vcf'));
		expect(result.cards).toEqual([]);
		expect(result.errors).toEqual([
			{ line: expect.any(Number), reason: expect.stringMatching(/binary/) }
		]);
	});

	it('refuses mostly non-text data even without NUL bytes', () => {
		// Deterministic noise in 1..255, so no NUL, decoded as text the way a browser would.
		let seed = 42;
		const noise = Uint8Array.from({ length: 2000 }, () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return 1 + (seed % 255);
		});
		const text = 'BEGIN:VCARD\nFN:x\n' + new TextDecoder().decode(noise) + '\nEND:VCARD\n';
		const result = parseVCards(text);
		expect(result.cards).toEqual([]);
		expect(result.errors).toEqual([{ line: 1, reason: expect.stringMatching(/binary/) }]);
	});

	it('reads text full of replacement characters (U+FFFD) as text, not binary data', () => {
		const text = `BEGIN:VCARD\nVERSION:3.0\nFN:${'\uFFFD'.repeat(50)}\nNOTE:\uFFFD \uFFFD\nEND:VCARD\n`;
		const { cards, errors } = parseVCards(text);
		expect(errors).toEqual([]);
		expect(cards).toEqual([
			expect.objectContaining({ name: '\uFFFD'.repeat(50), notes: '\uFFFD \uFFFD' })
		]);
	});

	it('still refuses replacement characters mixed with control characters', () => {
		// One control in twenty characters is not binary by itself; with the U+FFFD around it, it is.
		const junk = ('\u0001' + '\uFFFD'.repeat(19)).repeat(20);
		const result = parseVCards(`BEGIN:VCARD\nFN:x\nNOTE:${junk}\nEND:VCARD\n`);
		expect(result.cards).toEqual([]);
		expect(result.errors).toEqual([{ line: 1, reason: expect.stringMatching(/binary/) }]);
	});

	it('does not mistake one stray control character for binary data', () => {
		const { cards, errors } = parseVCards('BEGIN:VCARD\nFN:Bell\u0007 Ringer\nEND:VCARD\n');
		expect(errors).toEqual([]);
		expect(cards).toHaveLength(1);
	});

	it.each([
		['a CSV file', 'First Name,Last Name,Email\nAda,Lovelace,ada@example.org\n'],
		['a calendar', 'BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n']
	])('says %s holds no card', (_label, text) => {
		expect(parseVCards(text)).toEqual({
			cards: [],
			errors: [{ line: 1, reason: expect.stringMatching(/No contact card found/) }]
		});
	});
});

describe('parseVCards details', () => {
	const card = (...lines: string[]) =>
		parseVCards(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n'));
	const first = (...lines: string[]) => {
		const { cards, errors } = card(...lines);
		expect(errors).toEqual([]);
		return only(cards);
	};

	it('prefers FN to N', () => {
		expect(first('N:Lovelace;Ada;;;', 'FN:Countess of Lovelace').name).toBe('Countess of Lovelace');
	});

	it('builds the name from every part of N in reading order', () => {
		expect(first('N:Lovelace;Ada;Augusta;Lady;Countess').name).toBe(
			'Lady Ada Augusta Lovelace Countess'
		);
	});

	it('collapses white space in the name', () => {
		expect(first('FN:  Ada \t Lovelace\\n ').name).toBe('Ada Lovelace');
	});

	it('skips a card with a name longer than the app allows, but takes the longest allowed', () => {
		expect(first(`FN:${'a'.repeat(200)}`).name).toHaveLength(200);
		const { cards, errors } = card(`FN:${'a'.repeat(201)}`);
		expect(cards).toEqual([]);
		expect(errors).toEqual([{ line: 1, reason: expect.stringMatching(/longer than 200/) }]);
	});

	it('undoes the escapes \\n \\N \\, \\; \\\\ and keeps unknown ones', () => {
		expect(first('FN:x', 'NOTE:a\\,b\\;c\\\\d\\ne\\Nf\\qg').notes).toBe('a,b;c\\d\ne\nf\\qg');
	});

	it('takes the first ORG component, honouring an escaped semicolon', () => {
		expect(first('FN:x', 'ORG:Smith\\; Sons;Sales').organization).toBe('Smith; Sons');
	});

	it('splits CATEGORIES on unescaped commas, trims, drops duplicates and caps length', () => {
		const long = 'L'.repeat(70);
		expect(first('FN:x', `CATEGORIES: alumni ,a\\,b,,ALUMNI,  two   words ,${long}`).tags).toEqual([
			'alumni',
			'a,b',
			'two words',
			'L'.repeat(60)
		]);
	});

	it('never cuts an emoji in half when capping a tag', () => {
		const tag = first('FN:x', `CATEGORIES:${'a'.repeat(59)}😀`).tags[0];
		expect(tag).toBe('a'.repeat(59));
	});

	it('reads vCard 2.1 CATEGORIES separated by semicolons', () => {
		const { cards } = parseVCards('BEGIN:VCARD\nVERSION:2.1\nN:X\nCATEGORIES:work;gym\nEND:VCARD');
		expect(only(cards).tags).toEqual(['work', 'gym']);
	});

	it('joins several NOTEs with a blank line', () => {
		expect(first('FN:x', 'NOTE:one', 'NOTE:two').notes).toBe('one\n\ntwo');
	});

	it('keeps a second ORG or TITLE in extra instead of losing it', () => {
		const c = first('FN:x', 'ORG:First', 'ORG:Second', 'TITLE:One', 'TITLE:Two');
		expect(c).toMatchObject({
			organization: 'First',
			role: 'One',
			extra: ['ORG:Second', 'TITLE:Two']
		});
	});

	it('takes only http(s) links, adds https to a bare host name, and keeps the rest in extra', () => {
		const c = first(
			'FN:x',
			'URL:HTTPS://Example.org/A',
			'URL:example.org/path',
			'URL:javascript:alert(1)',
			'URL:mailto:x@example.org',
			'URL:localhost',
			'URL:not a link'
		);
		expect(c.links).toEqual(['HTTPS://Example.org/A', 'https://example.org/path']);
		expect(c.extra).toEqual([
			'URL:javascript:alert(1)',
			'URL:mailto:x@example.org',
			'URL:localhost',
			'URL:not a link'
		]);
	});

	it('strips mailto: from an email and drops empty values silently', () => {
		const c = first('FN:x', 'EMAIL:mailto:ada@example.org', 'EMAIL:', 'TEL:', 'NOTE:  ');
		expect(c).toMatchObject({ emails: ['ada@example.org'], phones: [], extra: [] });
		expect(c.notes).toBeUndefined();
	});

	it('decodes quoted-printable bytes in the declared charset, not always as UTF-8', () => {
		const { cards, errors } = parseVCards(
			[
				'BEGIN:VCARD',
				'VERSION:2.1',
				'FN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63 =89=D4=8E=71',
				// Valid UTF-8 bytes, but the card says they are Latin-1.
				'NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=C3=A9',
				'END:VCARD'
			].join('\r\n')
		);
		expect(errors).toEqual([]);
		expect(only(cards)).toMatchObject({ name: '山田 花子', notes: 'Ã©' });
	});

	it('does not swallow END:VCARD after a dangling quoted-printable soft break', () => {
		const { cards, errors } = parseVCards(
			'BEGIN:VCARD\r\nVERSION:2.1\r\nN:X\r\nNOTE;ENCODING=QUOTED-PRINTABLE:abc=\r\nEND:VCARD\r\n'
		);
		expect(errors).toEqual([]);
		expect(only(cards).notes).toBe('abc');
	});

	it('ignores a byte order mark at the start', () => {
		expect(only(parseVCards('\uFEFFBEGIN:VCARD\nFN:Ada\nEND:VCARD').cards).name).toBe('Ada');
	});

	it('ignores the Ctrl-Z that old DOS tools put at the end of a file', () => {
		expect(parseVCards('BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n\u001a')).toEqual({
			cards: [expect.objectContaining({ name: 'Ada' })],
			errors: []
		});
	});

	it('treats a missing VERSION like 3.0', () => {
		expect(only(parseVCards('BEGIN:VCARD\nFN:Ada\n  Lovelace\nEND:VCARD').cards).name).toBe(
			'Ada Lovelace'
		);
	});
});

describe('decodeVCardBytes', () => {
	it('reads 8-bit ISO-8859-1 files that are not valid UTF-8', () => {
		const { cards, errors } = parseVCards(decodeVCardBytes(fixtureBytes('latin1-8bit.vcf')));
		expect(errors).toEqual([]);
		expect(only(cards)).toMatchObject({
			name: 'José Muñoz',
			organization: 'Bibliothèque municipale'
		});
	});

	const text = 'BEGIN:VCARD\r\nFN:Zoë 😀\r\nEND:VCARD\r\n';

	it('reads UTF-8 with and without a byte order mark', () => {
		const utf8 = Buffer.from(text, 'utf8');
		expect(decodeVCardBytes(utf8)).toBe(text);
		expect(decodeVCardBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe(text);
	});

	it('reads UTF-16 in either byte order when it starts with a byte order mark', () => {
		const le = Buffer.from(text, 'utf16le');
		const be = Buffer.from(le).swap16();
		expect(decodeVCardBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(text);
		expect(decodeVCardBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
	});
});
