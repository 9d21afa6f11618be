// @vitest-environment node
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CIRCLES } from '$lib/domain/circles';
import { contactSchema, type Contact } from '$lib/domain/contact';
import type { Touchpoint } from '$lib/domain/touchpoint';
import { emailSchema, isHttpUrl, phoneSchema } from '$lib/domain/text';
import { makeContact } from '$lib/domain/testing/factories';
import { neutraliseCell, restoreCell } from './csv-cells';
import { contactsToCsv, touchpointsToCsv } from './csv-export';
import { importCsv } from './import/csv-import';

const BOM = '\uFEFF';
const CONTACT_HEADER =
	'Name,Circle,Met at,Met on,Organization,Role,Field,Emails,Phones,Links,Tags,Introduced by,Next follow-up,Notes';

function cellsOf(csv: string): string[][] {
	return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true })
		.data;
}

function touchpoint(fields: Partial<Touchpoint> = {}): Touchpoint {
	return {
		id: 'i1',
		contactId: 'c1',
		on: '2026-05-04',
		channel: 'in-person',
		summary: 'Coffee after the talk',
		received: [],
		followUpDone: false,
		createdAt: 0,
		updatedAt: 0,
		version: 1,
		...fields
	};
}

describe('contactsToCsv', () => {
	it('writes a BOM, a header row, CRLF line ends and RFC 4180 quoting', () => {
		const ada = makeContact({
			id: 'a',
			name: 'Ada Lovelace',
			circle: 'coffee',
			metAt: 'Bean There, downtown',
			metOn: '2026-05-01',
			organization: 'Analytical "Engines"',
			role: 'Archivist',
			field: 'Metadata',
			emails: ['ada@example.org', 'ada@example.net'],
			phones: ['555 0100'],
			links: ['https://example.org/ada'],
			tags: ['coffee', 'mentor'],
			nextFollowUpOn: '2026-05-20',
			notes: 'Two lines\r\nof notes'
		});
		const grace = makeContact({ id: 'g', name: 'Grace', introducedById: 'a' });

		expect(contactsToCsv([ada, grace])).toBe(
			`${BOM}${CONTACT_HEADER}\r\n` +
				'Ada Lovelace,Coffee house,"Bean There, downtown",2026-05-01,"Analytical ""Engines""",Archivist,Metadata,ada@example.org ::: ada@example.net,555 0100,https://example.org/ada,coffee ::: mentor,,2026-05-20,"Two lines\r\nof notes"\r\n' +
				'Grace,,,,,,,,,,,Ada Lovelace,,\r\n'
		);
	});

	it('leaves the byte-order mark out when asked', () => {
		expect(contactsToCsv([], { bom: false })).toBe(`${CONTACT_HEADER}\r\n`);
	});

	it('writes nothing for an introducer who is not among the exported contacts', () => {
		const csv = contactsToCsv([makeContact({ name: 'Hal', introducedById: 'gone' })]);
		expect(cellsOf(csv)[1]?.[11]).toBe('');
	});
});

describe('touchpointsToCsv', () => {
	it('names the contact and writes channels and outcomes in words', () => {
		const csv = touchpointsToCsv(
			[
				touchpoint({
					received: ['inside-info', 'names'],
					gave: 'Sent her my notes, gladly',
					followUpOn: '2026-05-11'
				}),
				touchpoint({ contactId: 'c2', channel: 'video', summary: 'Call', followUpDone: true })
			],
			new Map([['c1', 'Ada Lovelace']])
		);
		expect(csv).toBe(
			`${BOM}Date,Contact,Channel,Summary,Received,Gave,Follow-up on,Follow-up done\r\n` +
				'2026-05-04,Ada Lovelace,In person,Coffee after the talk,Inside information ::: Names to contact,"Sent her my notes, gladly",2026-05-11,no\r\n' +
				'2026-05-04,,Video,Call,,,,yes\r\n'
		);
	});

	it('takes the names as a plain object too', () => {
		const csv = touchpointsToCsv([touchpoint()], { c1: 'Grace Hopper' }, { bom: false });
		expect(cellsOf(csv)[1]?.[1]).toBe('Grace Hopper');
		expect(cellsOf(touchpointsToCsv([touchpoint()], {}))[1]?.[1]).toBe('');
	});
});

describe('spreadsheet safety', () => {
	const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
	const formulaStart = /^[=+\-@\t\r]/;

	it.each(DANGEROUS)('puts a quote before a contact cell that begins with %j', (ch) => {
		const contact = makeContact({
			name: `${ch}cmd|' /C calc'!A0`,
			organization: `${ch}1+1`,
			role: `${ch}SUM(A1:A9)`,
			notes: `${ch}HYPERLINK("https://example.org","open")`,
			emails: ch === '+' || ch === '-' ? [`${ch}ada@example.org`] : [],
			tags: [`${ch}tag`, 'plain']
		});
		const [header, row] = cellsOf(contactsToCsv([contact]));
		const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
		expect(cell('Name')).toBe(`'${ch}cmd|' /C calc'!A0`);
		expect(cell('Organization')).toBe(`'${ch}1+1`);
		expect(cell('Role')).toBe(`'${ch}SUM(A1:A9)`);
		expect(cell('Notes')).toBe(`'${ch}HYPERLINK("https://example.org","open")`);
		expect(cell('Tags')).toBe(`'${ch}tag ::: plain`);
		if (contact.emails.length) expect(cell('Emails')).toBe(`'${ch}ada@example.org`);
		for (const value of row ?? []) expect(value).not.toMatch(formulaStart);
	});

	it.each(DANGEROUS)('puts a quote before a touchpoint cell that begins with %j', (ch) => {
		const csv = touchpointsToCsv(
			[touchpoint({ summary: `${ch}2+3`, gave: `${ch}cmd` })],
			new Map([['c1', `${ch}Ada`]])
		);
		const row = cellsOf(csv)[1] ?? [];
		expect(row[1]).toBe(`'${ch}Ada`);
		expect(row[3]).toBe(`'${ch}2+3`);
		expect(row[5]).toBe(`'${ch}cmd`);
		for (const value of row) expect(value).not.toMatch(formulaStart);
	});

	it('writes a phone number with a leading plus as text', () => {
		const csv = contactsToCsv([makeContact({ name: 'Rui', phones: ['+351 21 000 0000'] })]);
		expect(cellsOf(csv)[1]?.[8]).toBe("'+351 21 000 0000");
	});

	it('leaves other cells alone, a quote or a sign further in included', () => {
		for (const safe of ["'hello", 'a=b', 'x-1', ' =1', '1+1', 'mail@example.org']) {
			expect(neutraliseCell(safe)).toBe(safe);
		}
	});

	it('adds one more quote to a value that already begins with quotes and a sign', () => {
		expect(neutraliseCell("'=1+1")).toBe("''=1+1");
		expect(restoreCell("''=1+1")).toBe("'=1+1");
		expect(restoreCell("'hello")).toBe("'hello");
	});

	it('reads back exactly what it neutralised', () => {
		const cell = fc.string({
			unit: fc.oneof(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a'), fc.string())
		});
		fc.assert(
			fc.property(cell, (value) => {
				const written = neutraliseCell(value);
				expect(written).not.toMatch(formulaStart);
				expect(restoreCell(written)).toBe(value);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('contacts -> CSV -> generic import', () => {
	// Characters that stress quoting, splitting and neutralisation, mixed into any Unicode text.
	const special = fc.constantFrom(
		'"',
		',',
		';',
		'\n',
		'\r\n',
		'\r',
		' ',
		'\t',
		"'",
		'=',
		'+',
		'-',
		'@',
		':',
		'\u00a0'
	);
	const char = fc.oneof(
		{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
		{ weight: 1, arbitrary: special }
	);
	// Single UTF-16 units, so that a maximal value has exactly the maximal length.
	const bmpChar = fc.constantFrom('a', 'é', '字', '"', ',', ';', '\n', "'", '=', ' ', ':');
	const lead = fc.constantFrom('x', '=', '+', '-', '@', "'", '"');

	/** Text as Kith stores it (trimmed, as the forms do), either short or exactly `max` long. */
	function text(max: number, oneLine = false) {
		const clean = (s: string) => (oneLine ? s.replace(/\s+/g, ' ') : s).trim();
		const maximal = fc
			.tuple(lead, fc.string({ unit: bmpChar, minLength: 1, maxLength: 8 }))
			.map(([first, seed]) => {
				const body = (oneLine ? seed.replace(/\s/g, 'b') : seed).repeat(max);
				return `${first}${body.slice(0, max - 2)}y`;
			});
		return fc.oneof(
			{ weight: 6, arbitrary: fc.string({ unit: char, maxLength: 40 }).map(clean) },
			{ weight: 1, arbitrary: maximal }
		);
	}
	const optional = (arb: fc.Arbitrary<string>) => arb.map((s) => s || undefined);

	const day = fc
		.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10));
	const email = fc
		.tuple(
			fc.stringMatching(/^[A-Za-z0-9_'+-]{0,6}[A-Za-z0-9_+-]$/),
			fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/),
			fc.stringMatching(/^[a-z]{2,6}$/)
		)
		.map(([local, domain, top]) => `${local}@${domain}.${top}`)
		.filter((e) => emailSchema.safeParse(e).success);
	const phone = fc
		.stringMatching(/^[+(-]?[0-9][0-9 ()./-]{0,15}[0-9]$/)
		.filter((p) => phoneSchema.safeParse(p).success);
	const link = fc
		.webUrl({ withQueryParameters: true, withFragments: true })
		.filter((u) => isHttpUrl(u) && u.length <= 2000);
	// Several tags share a cell joined by " ::: ", so a tag cannot hold ":::" itself; a lone tag is
	// read like a hand-made sheet's, split at commas, semicolons and line breaks (Kith's own tag
	// field never keeps those: see parseTags).
	const tag = text(60).filter((t) => t.length > 0 && !t.includes(':::'));
	const tags = fc
		.uniqueArray(tag, { maxLength: 4 })
		.filter((list) => list.length !== 1 || !/[,;\n\r]/.test(list[0] ?? ''));

	const contact: fc.Arbitrary<Contact> = fc.record(
		{
			id: fc.uuid(),
			name: text(200, true).filter((n) => n.length > 0),
			circle: fc.constantFrom(undefined, ...CIRCLES.map((c) => c.id)),
			metAt: optional(text(500)),
			metOn: fc.option(day, { nil: undefined }),
			organization: optional(text(500)),
			role: optional(text(500)),
			field: optional(text(500)),
			emails: fc.uniqueArray(email, { maxLength: 3 }),
			phones: fc.uniqueArray(phone, { maxLength: 3 }),
			links: fc.uniqueArray(link, { maxLength: 3 }),
			tags,
			notes: optional(text(100_000)),
			nextFollowUpOn: fc.option(day, { nil: undefined }),
			createdAt: fc.nat(),
			updatedAt: fc.nat(),
			version: fc.integer({ min: 1, max: 9 })
		},
		{
			requiredKeys: [
				'id',
				'name',
				'emails',
				'phones',
				'links',
				'tags',
				'createdAt',
				'updatedAt',
				'version'
			]
		}
	);

	function fields(c: Contact) {
		const {
			id: _id,
			createdAt: _c,
			updatedAt: _u,
			version: _v,
			deletedAt: _d,
			introducedById: _i,
			...rest
		} = c;
		return rest;
	}

	it('gives back every field it wrote', () => {
		fc.assert(
			fc.property(fc.array(contact, { maxLength: 6 }), (contacts) => {
				for (const c of contacts) expect(contactSchema.safeParse(c).success).toBe(true);
				const result = importCsv(contactsToCsv(contacts));
				expect(result.kind).toBe('generic');
				expect(result.problems).toEqual([]);
				expect(result.drafts.map(({ line: _line, ...d }) => d)).toEqual(contacts.map(fields));
				const lines = result.drafts.map((d) => d.line);
				expect(lines).toEqual([...lines].sort((a, b) => a - b));
				if (lines.length) expect(lines[0]).toBe(2);
			}),
			{ numRuns: 250 }
		);
		// Some runs carry 100,000-character notes; a busy machine needs more than the default 5 s.
	}, 60_000);

	it('gives back a contact with every field empty and one with every field at its limit', () => {
		const empty = makeContact({ name: 'A' });
		const full = makeContact({
			name: `=${'é'.repeat(198)}y`,
			circle: 'teachers',
			metAt: `+${'m'.repeat(499)}`,
			metOn: '2024-02-29',
			organization: `-${'o'.repeat(499)}`,
			role: `@${'r'.repeat(499)}`,
			field: `'=${'f'.repeat(498)}`,
			emails: ['-a@example.org', 'b@example.org'],
			phones: ['+1 555 0100', '(555) 0111 ext 2'],
			links: ['https://example.org/a?b=1,2', 'http://example.net/"q"'],
			tags: ['=t'.padEnd(60, 'x'), 'two, three'],
			notes: `=${'"\n,'.repeat(33_333)}`,
			nextFollowUpOn: '2099-12-31'
		});
		expect(contactSchema.safeParse(full).success).toBe(true);
		const result = importCsv(contactsToCsv([empty, full]));
		expect(result.problems).toEqual([]);
		expect(result.drafts).toEqual([
			{ line: 2, ...fields(empty) },
			{ line: 3, ...fields(full) }
		]);
	});
});
