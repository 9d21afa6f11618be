// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from './csv-read';
import {
	applyMapping,
	CsvError,
	guessMapping,
	importCsv,
	sniffCsv,
	type ContactDraft,
	type CsvInput
} from './csv-import';

function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));
}

/** What `File.text()` gives: UTF-8 with replacement characters, and no byte-order mark. */
function asText(bytes: Uint8Array): string {
	return new TextDecoder().decode(bytes);
}

function draft(fields: Partial<ContactDraft> & Pick<ContactDraft, 'line' | 'name'>): ContactDraft {
	return { emails: [], phones: [], links: [], tags: [], ...fields };
}

function csvError(input: CsvInput, run: (input: CsvInput) => unknown = importCsv): CsvError {
	try {
		run(input);
	} catch (error) {
		expect(error).toBeInstanceOf(CsvError);
		return error as CsvError;
	}
	throw new Error('expected a CsvError');
}

const linkedIn = (fields: Partial<ContactDraft> & Pick<ContactDraft, 'line' | 'name'>) =>
	draft({ circle: 'online', metAt: 'LinkedIn', ...fields });

describe('LinkedIn Connections.csv', () => {
	it('finds the header under the notes LinkedIn puts first', () => {
		const csv = sniffCsv(fixture('linkedin-connections.csv'));
		expect(csv.kind).toBe('linkedin');
		expect(csv.headerLine).toBe(5);
		expect(csv.headers).toEqual([
			'First Name',
			'Last Name',
			'URL',
			'Email Address',
			'Company',
			'Position',
			'Connected On'
		]);
		expect(csv.rows.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11, 13]);
	});

	it('turns each connection into a contact met online, on LinkedIn', () => {
		const result = importCsv(fixture('linkedin-connections.csv'));
		expect(result.kind).toBe('linkedin');
		expect(result.drafts).toEqual([
			linkedIn({
				line: 6,
				name: 'Ada Lovelace',
				metOn: '2024-03-15',
				organization: 'Analytical Engines Ltd',
				role: 'Archivist',
				emails: ['ada@example.org'],
				links: ['https://www.linkedin.com/in/ada-lovelace']
			}),
			linkedIn({
				line: 7,
				name: 'Grace Hopper',
				metOn: '2018-01-08',
				organization: 'Navy, Research Lab',
				role: 'Metadata Librarian',
				links: ['https://www.linkedin.com/in/grace-hopper']
			}),
			linkedIn({
				line: 8,
				name: 'Zoë Ångström',
				metOn: '2026-02-06',
				organization: 'Bibliothèque nationale',
				role: 'Catalogueuse',
				links: ['https://www.linkedin.com/in/zoe-angstrom']
			}),
			linkedIn({
				line: 11,
				name: 'Sam Ortiz',
				metOn: '2024-03-15',
				organization: 'City Library',
				role: 'Reference Librarian\nEvening shift',
				emails: ['sam@example.org']
			}),
			linkedIn({
				line: 13,
				name: 'Noor Haddad',
				metOn: '2024-03-15',
				links: ['https://www.linkedin.com/in/noor-haddad']
			})
		]);
	});

	it('reports the rows it cannot read by line, and the link it would not keep', () => {
		const { problems } = importCsv(fixture('linkedin-connections.csv'));
		expect(problems).toEqual([
			{ line: 9, skipped: true, reason: expect.stringMatching(/no name/) },
			{
				line: 10,
				name: 'Kim Lee',
				skipped: true,
				reason: expect.stringMatching(/date “someday” could not be read/)
			},
			{
				line: 11,
				name: 'Sam Ortiz',
				skipped: false,
				reason: expect.stringMatching(/“javascript:alert\(1\)” is not a web link/)
			}
		]);
	});

	it('reads the older export without a URL column (and with CRLF line ends)', () => {
		const bytes = fixture('linkedin-no-url.csv');
		expect(asText(bytes)).toContain('\r\n');
		const result = importCsv(bytes);
		expect(result.kind).toBe('linkedin');
		expect(result.problems).toEqual([]);
		expect(result.drafts).toEqual([
			linkedIn({
				line: 2,
				name: 'Ada Lovelace',
				metOn: '2024-03-15',
				organization: 'Analytical Engines Ltd',
				role: 'Archivist',
				emails: ['ada@example.org']
			}),
			linkedIn({
				line: 3,
				name: 'Rui Costa',
				metOn: '2018-01-08',
				organization: 'Arquivo Municipal'
			})
		]);
	});

	it('reads the same from text as from bytes', () => {
		const bytes = fixture('linkedin-connections.csv');
		expect(importCsv(asText(bytes))).toEqual(importCsv(bytes));
	});

	it('reads a date whose time was not quoted into a cell of its own', () => {
		const text =
			'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,L,,,,,1/8/18, 6:14 PM\n';
		expect(importCsv(text).drafts[0]?.metOn).toBe('2018-01-08');
	});

	it('imports a 5,000-row export in full', () => {
		const months = [
			'Jan',
			'Feb',
			'Mar',
			'Apr',
			'May',
			'Jun',
			'Jul',
			'Aug',
			'Sep',
			'Oct',
			'Nov',
			'Dec'
		];
		const lines = [
			'Notes:',
			'"Some email addresses may be missing, as members choose whether to share them."',
			'',
			'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
		];
		for (let i = 0; i < 5000; i++) {
			const date = [
				`${(i % 28) + 1} ${months[i % 12]} ${2010 + (i % 15)}`,
				`"${(i % 12) + 1}/${(i % 28) + 1}/${String(i % 25).padStart(2, '0')}, 9:0${i % 10} AM"`,
				`${(i % 28) + 1}-${months[i % 12]}-${String(i % 25).padStart(2, '0')}`,
				`20${String(i % 25).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`
			][i % 4];
			lines.push(
				`Person${i},"Surname, ${i}",https://www.linkedin.com/in/p${i},${i % 3 ? '' : `p${i}@example.org`},"Org ""${i}""",Role ${i},${date}`
			);
		}
		const result = importCsv(lines.join('\n'));
		expect(result.problems).toEqual([]);
		expect(result.drafts).toHaveLength(5000);
		expect(result.drafts[4999]).toMatchObject({
			line: 5004,
			name: 'Person4999 Surname, 4999',
			organization: 'Org "4999"',
			links: ['https://www.linkedin.com/in/p4999']
		});
		expect(result.drafts.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.metOn ?? ''))).toBe(true);
		// No timing assertion: a busy test machine says nothing about a phone, only about the machine.
	}, 30_000);
});

describe('Google Contacts CSV', () => {
	it('reads the current headers, after a byte-order mark', () => {
		const bytes = fixture('google-current.csv');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(decodeCsv(bytes).startsWith('First Name,')).toBe(true);
		const csv = sniffCsv(bytes);
		expect(csv.kind).toBe('google');
		expect(csv.headers[0]).toBe('First Name');

		const result = importCsv(bytes);
		expect(result.kind).toBe('google');
		expect(result.drafts).toEqual([
			draft({
				line: 2,
				name: 'Maya Rose Patel',
				organization: 'Open Stacks Library',
				role: 'Digital Archivist',
				starred: true,
				notes: 'Met at the ALA conference.\nWants to hear about metadata roles.',
				emails: ['maya@example.org', 'maya.patel@example.net'],
				phones: ['+1 555 0100', '+1 555 0111'],
				links: ['https://www.example.org/maya', 'https://www.linkedin.com/in/maya-patel'],
				tags: ['Conference']
			}),
			draft({ line: 4, name: 'Jo' }),
			draft({
				line: 6,
				name: 'Tomás Quintero',
				emails: ['tomas@example.org'],
				tags: ['Friends', 'Library school']
			})
		]);
		expect(result.problems).toEqual([
			{ line: 5, skipped: true, reason: expect.stringMatching(/no name/) },
			{
				line: 6,
				name: 'Tomás Quintero',
				skipped: false,
				reason: expect.stringMatching(/“not a phone” is not a phone number/)
			},
			{
				line: 6,
				name: 'Tomás Quintero',
				skipped: false,
				reason: expect.stringMatching(/“javascript:alert\(1\)” is not a web link/)
			}
		]);
	});

	it('reads the same when the byte-order mark is kept in the text', () => {
		const bytes = fixture('google-current.csv');
		const text = `\uFEFF${asText(bytes)}`;
		expect(importCsv(text)).toEqual(importCsv(bytes));
	});

	const legacyDrafts = [
		draft({
			line: 2,
			name: 'Lena Fischer',
			organization: 'Staatsbibliothek',
			role: 'Curator',
			notes: 'Ask about the digitisation project.',
			emails: ['lena@example.org', 'l.fischer@example.net'],
			phones: ['+49 30 1234567', '+49 30 7654321'],
			links: ['https://example.org/lena'],
			tags: ['Archives'],
			// In Google's "* Starred": not a tag, but remembered for a favourite tag if asked.
			starred: true
		}),
		draft({ line: 3, name: 'Omar Said', tags: ['Coworkers'] }),
		draft({ line: 4, name: 'Priya' })
	];

	it('reads the legacy headers, dropping the groups Google adds by itself', () => {
		const result = importCsv(fixture('google-legacy.csv'));
		expect(result.kind).toBe('google');
		expect(result.problems).toEqual([]);
		expect(result.drafts).toEqual(legacyDrafts);
	});

	it('reads a legacy export saved as UTF-16, with or without a byte-order mark', () => {
		const little = Buffer.from(asText(fixture('google-legacy.csv')), 'utf16le');
		const big = Buffer.from(little).swap16();
		for (const bytes of [
			new Uint8Array([0xff, 0xfe, ...little]),
			new Uint8Array([0xfe, 0xff, ...big]),
			new Uint8Array(little),
			new Uint8Array(big)
		]) {
			expect(importCsv(bytes).drafts).toEqual(legacyDrafts);
		}
	});

	it('names a contact with only an organisation after it', () => {
		const text = 'First Name,Last Name,File As,Organization Name,Labels\n,,,Acme Plumbing,\n';
		expect(importCsv(text)).toEqual({
			kind: 'google',
			drafts: [draft({ line: 2, name: 'Acme Plumbing', organization: 'Acme Plumbing' })],
			problems: []
		});
	});
});

describe('any other CSV', () => {
	it('finds the header under a title line and proposes a mapping', () => {
		const csv = sniffCsv(fixture('generic.csv'));
		expect(csv.kind).toBe('generic');
		expect(csv.headerLine).toBe(2);
		expect(guessMapping(csv.headers)).toEqual([
			'name',
			'email',
			'phone',
			'organization',
			'role',
			null,
			'metAt',
			'metOn',
			'tags',
			'notes',
			'url',
			null
		]);
	});

	it('imports with the proposed mapping and reports what it could not keep', () => {
		const result = importCsv(fixture('generic.csv'));
		expect(result.kind).toBe('generic');
		expect(result.drafts).toEqual([
			draft({
				line: 3,
				name: 'Ines Moreau',
				emails: ['ines@example.org', 'ines.moreau@example.net'],
				phones: ['+33 1 23 45 67 89'],
				organization: 'Médiathèque Centrale',
				role: 'Librarian',
				metAt: 'Library job fair',
				metOn: '2024-03-15',
				tags: ['job fair', 'cataloguing'],
				notes: 'Brought her card.\nCall after May.',
				links: ['https://linkedin.com/in/ines-moreau']
			}),
			draft({ line: 6, name: 'Dev Rao' })
		]);
		expect(result.problems).toEqual([
			{
				line: 6,
				name: 'Dev Rao',
				skipped: false,
				reason: expect.stringMatching(/“dev@example” is not a complete email address/)
			},
			{
				line: 7,
				name: 'Ana Lima',
				skipped: true,
				reason: expect.stringMatching(/date “Tuesday” could not be read/)
			}
		]);
	});

	it('reads a semicolon-separated file with an Excel "sep=" line, and circles by name', () => {
		const result = importCsv(fixture('generic-semicolon.csv'));
		expect(sniffCsv(fixture('generic-semicolon.csv')).headerLine).toBe(2);
		expect(result.drafts).toEqual([
			draft({
				line: 3,
				name: 'Jan Novák',
				emails: ['jan@example.org'],
				organization: 'Městská knihovna',
				role: 'Archivist',
				circle: 'coffee'
			}),
			draft({ line: 4, name: 'Eva Horváth' })
		]);
		expect(result.problems).toEqual([
			{
				line: 4,
				name: 'Eva Horváth',
				skipped: false,
				reason: expect.stringMatching(/“pen pals” is not one of Kith’s circles/)
			}
		]);
	});

	it('follows a "sep=" line to a delimiter it would not otherwise try', () => {
		expect(sniffCsv('sep=|\nAda|Lovelace\n').rows).toEqual([
			{ line: 2, cells: ['Ada', 'Lovelace'] }
		]);
		const result = importCsv('sep=|\nName|Company\nAda Lovelace|Analytical Engines, Ltd\n');
		expect(result.drafts).toEqual([
			draft({ line: 3, name: 'Ada Lovelace', organization: 'Analytical Engines, Ltd' })
		]);
	});

	it('finds the delimiter of a tab-separated file without a hint', () => {
		const result = importCsv('Name\tEmail\nAda Lovelace\tada@example.org\n');
		expect(result.drafts).toEqual([
			draft({ line: 2, name: 'Ada Lovelace', emails: ['ada@example.org'] })
		]);
	});

	it('guesses Outlook-style headers, preferring "Job Title" over a "Title" of courtesy', () => {
		expect(
			guessMapping([
				'Title',
				'First Name',
				'Last Name',
				'Job Title',
				'E-mail Address',
				'Mobile Phone',
				'Business Phone',
				'Categories',
				'Web Page',
				'Birthday'
			])
		).toEqual([
			null,
			'firstName',
			'lastName',
			'role',
			'email',
			'phone',
			'phone',
			'tags',
			'url',
			null
		]);
		expect(guessMapping(['Title', 'Surname'])).toEqual(['role', 'lastName']);
	});

	it('gives each single-valued field to one column only', () => {
		expect(guessMapping(['Company', 'Organisation', 'Notes', 'Comments'])).toEqual([
			'organization',
			null,
			'notes',
			null
		]);
	});

	it('applies a mapping the person chose, joining first and last names', () => {
		const rows = [
			{ line: 2, cells: ['Ada', 'King', 'Lovelace', 'ada@example.org, ada@example.net'] },
			{ line: 3, cells: ['', '', 'Babbage', ''] }
		];
		const result = applyMapping(rows, ['firstName', 'firstName', 'lastName', 'email']);
		expect(result.drafts).toEqual([
			draft({ line: 2, name: 'Ada King Lovelace', emails: ['ada@example.org', 'ada@example.net'] }),
			draft({ line: 3, name: 'Babbage' })
		]);
	});

	it('refuses a mapping with no name column', () => {
		const error = csvError('', () => applyMapping([], ['email', null, 'notes']));
		expect(error.code).toBe('no-name-column');
		expect(error.message).toMatch(/names/);
	});

	it('says so when no header names a name column', () => {
		const bytes = fixture('no-header.csv');
		const csv = sniffCsv(bytes);
		expect(csv.kind).toBe('unknown');
		expect(csv.headers).toEqual([]);
		expect(csv.rows.map((r) => r.cells[0])).toEqual(['Ada Lovelace', 'Grace Hopper']);
		const error = csvError(bytes);
		expect(error.code).toBe('no-header');
		expect(error.message).toMatch(/header row/);
	});

	it('does not take a data row for a header, even one with a word like "Contact" in it', () => {
		const csv = sniffCsv(
			'Ada Lovelace,Contact,ada@example.org\nGrace Hopper,Friend,grace@example.org\n'
		);
		expect(csv.kind).toBe('unknown');
		expect(csv.rows).toHaveLength(2);
	});

	it('leaves out values too long to keep, and a row whose name is too long', () => {
		const text = [
			'Name,Company,Tags,Notes',
			`${'N'.repeat(201)},Acme,,`,
			`Ada,${'o'.repeat(501)},"ok, ${'t'.repeat(61)}",${'n'.repeat(100_001)}`
		].join('\n');
		const result = importCsv(text);
		expect(result.drafts).toEqual([draft({ line: 3, name: 'Ada', tags: ['ok'] })]);
		expect(result.problems).toEqual([
			{
				line: 2,
				name: 'N'.repeat(201),
				skipped: true,
				reason: expect.stringMatching(/name is longer than 200/)
			},
			{
				line: 3,
				name: 'Ada',
				skipped: false,
				reason: expect.stringMatching(/organisation is longer than 500/)
			},
			{
				line: 3,
				name: 'Ada',
				skipped: false,
				reason: expect.stringMatching(/notes are longer than 100000/)
			},
			{
				line: 3,
				name: 'Ada',
				skipped: false,
				reason: expect.stringMatching(/tag “t+…” is longer than 60/)
			}
		]);
	});

	it('reports a quotation mark that is never closed, keeping the rows before it', () => {
		const result = importCsv('Name,Email\nAda,ada@example.org\n"Grace,grace@example.org\nHal,\n');
		expect(result.drafts).toEqual([draft({ line: 2, name: 'Ada', emails: ['ada@example.org'] })]);
		expect(result.problems).toEqual([
			{ line: 3, skipped: true, reason: expect.stringMatching(/never closed/) }
		]);
	});

	it('reads a file saved as Windows-1252 by an old spreadsheet app', () => {
		const bytes = new Uint8Array([...Buffer.from('Name\nZo', 'latin1'), 0xeb, 0x0a]);
		expect(importCsv(bytes).drafts).toEqual([draft({ line: 2, name: 'Zoë' })]);
	});
});

describe('files that are not CSV', () => {
	it.each([
		['an empty file', fixture('empty.csv')],
		['white space only', ' \r\n\t\n'],
		['a byte-order mark only', new Uint8Array([0xef, 0xbb, 0xbf])]
	])('refuses %s as empty', (_label, input) => {
		const error = csvError(input, sniffCsv);
		expect(error.code).toBe('empty');
		expect(error.message).toMatch(/empty/);
	});

	it('refuses a picture, as bytes or as text', () => {
		const bytes = fixture('picture.png');
		for (const input of [bytes, asText(bytes), bytes.buffer]) {
			const error = csvError(input as CsvInput, sniffCsv);
			expect(error.code).toBe('binary');
			expect(error.message).toMatch(/not plain text/);
		}
	});

	it('refuses a spreadsheet workbook and says to save it as CSV', () => {
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
		const error = csvError(xlsx, sniffCsv);
		expect(error.code).toBe('binary');
		expect(error.message).toMatch(/save it as CSV/);
	});

	it('refuses a PDF and says what it is', () => {
		const error = csvError('%PDF-1.7\n1 0 obj\n', sniffCsv);
		expect(error.code).toBe('binary');
		expect(error.message).toMatch(/PDF/);
	});

	it('refuses text full of control characters', () => {
		const error = csvError('Name\n' + '\u0001\u0002\u0003\u0004\u0005x'.repeat(20), sniffCsv);
		expect(error.code).toBe('binary');
	});
});
