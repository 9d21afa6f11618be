// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '$lib/domain/contact';
import { emailSchema, isHttpUrl, phoneSchema } from '$lib/domain/text';
import { makeContact } from '$lib/domain/testing/factories';
import { foldLine } from '../content-line';
import { parseVCards } from './vcard-read';
import { myCardToVCard, serializeVCard, serializeVCards } from './vcard-write';

const RUNS = 250;
// Some runs carry 100,000-character notes; leave room on a slow machine.
const SLOW = 30_000;
const VERSIONS = ['4.0', '3.0'] as const;

// The values below are what the app stores: trimmed, names with single spaces, no control
// characters (the form cannot produce them, and a vCard may not hold them).
const noControls = (s: string) =>
	s.replace(/[\p{Cc}]/gu, (c) => (c === '\n' || c === '\t' ? c : ''));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Characters that vCard escapes, folds or splits on, mixed with multi-byte ones. */
const tricky = fc.constantFrom(
	',',
	';',
	'\\',
	':',
	'\n',
	' ',
	'"',
	'=',
	'a',
	'é',
	'語',
	'😀',
	'👩🏽‍💻'
);

/** Words from scripts written either way, with emoji and combining marks. */
const word = fc.constantFrom(
	'ليلى',
	'الأحمد',
	'דוד',
	'כהן',
	'山田',
	'太郎',
	'Zoë',
	'Zoe\u0308',
	'Ñandú',
	'Nguyễn',
	"O'Brien",
	'Anne-Marie',
	'🚀',
	'👩🏽‍💻',
	'Σωκράτης'
);

/** Any text: every Unicode plane, whole graphemes, real words, and the characters vCard escapes. */
const anyText = (maxLength: number) =>
	fc.oneof(
		fc.string({ unit: 'binary', maxLength }),
		fc.string({ unit: 'grapheme', maxLength }),
		fc.string({ unit: tricky, maxLength }),
		fc
			.array(fc.oneof(word, fc.string({ unit: tricky, minLength: 1, maxLength: 4 })), {
				minLength: 1,
				maxLength: 6
			})
			.map((words) => words.join(' '))
			.filter((s) => s.length <= maxLength)
	);

/** A text of exactly `max` UTF-16 units, made by repeating a seed, as long as the domain allows. */
function maximal(max: number, normalize: (s: string) => string) {
	return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).map((seed) => {
		let s = normalize(seed.repeat(Math.ceil(max / Math.max(seed.length, 1)) + 1));
		s = (s + 'x'.repeat(max)).slice(0, max);
		// Do not leave half a surrogate pair or trailing white space at the cut.
		if (/[\uD800-\uDBFF\s]$/.test(s)) s = s.slice(0, -1) + 'x';
		return s;
	});
}

const nameArb = fc
	.oneof({ weight: 5, arbitrary: anyText(40) }, { weight: 1, arbitrary: maximal(200, collapse) })
	.map((s) => collapse(noControls(s)))
	.filter((s) => s.length >= 1 && s.length <= 200);

const optionalText = (max: number) =>
	fc.option(
		fc
			.oneof(
				{ weight: 4, arbitrary: anyText(80) },
				{ weight: 1, arbitrary: maximal(max, (s) => s.trim()) }
			)
			.map((s) => noControls(s).trim())
			.filter((s) => s.length > 0 && s.length <= max),
		{ nil: undefined }
	);

const emailArb = fc
	.tuple(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_'+.-]{0,15}$/), fc.domain())
	.map(([local, domain]) => `${local}@${domain}`)
	.filter((e) => emailSchema.safeParse(e).success);

const phoneArb = fc
	.tuple(
		fc.stringMatching(/^\+?[0-9(][0-9 ()./-]{0,28}[0-9]$/),
		fc.option(fc.stringMatching(/^ (x|ext\.?) ?[0-9]{1,4}$/), { nil: '' })
	)
	.map(([number, ext]) => number + ext)
	.filter((p) => p === p.trim() && phoneSchema.safeParse(p).success);

const linkArb = fc
	.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
	.filter((url) => isHttpUrl(url) && url.length <= 2000);

const tagArb = fc
	.oneof({ weight: 5, arbitrary: anyText(20) }, { weight: 1, arbitrary: maximal(60, collapse) })
	.map((s) => collapse(noControls(s)))
	.filter((s) => s.length >= 1 && s.length <= 60);

/** Lines of properties Kith has no field for, the way another app might have written them. */
const extraArb = fc
	.tuple(
		fc.option(fc.stringMatching(/^item[0-9]{1,2}$/), { nil: undefined }),
		fc.stringMatching(/^X-[A-Z0-9-]{1,12}$/),
		fc.option(fc.constantFrom(';TYPE=work', ';type=pref', ';X-SERVICE="a:b"'), { nil: '' }),
		anyText(120).map((s) => noControls(s).replace(/[\n\t]/g, ' '))
	)
	.map(([group, name, params, value]) => `${group ? `${group}.` : ''}${name}${params}:${value}`);

const contactArb = fc
	.record({
		name: nameArb,
		organization: optionalText(500),
		role: optionalText(500),
		emails: fc.array(emailArb, { maxLength: 3 }),
		phones: fc.array(phoneArb, { maxLength: 3 }),
		links: fc.array(linkArb, { maxLength: 3 }),
		notes: optionalText(100_000),
		tags: fc.uniqueArray(tagArb, { maxLength: 5, selector: (t) => t.toLowerCase() }),
		extra: fc.array(extraArb, { maxLength: 4 })
	})
	.map(({ extra, ...fields }) => {
		const contact: Contact = makeContact();
		Object.assign(contact, fields);
		return { contact, extra };
	});

/** What a read-back card must hold: the contact's own fields, nothing lost or added. */
function expected(contact: Contact, extra: string[]) {
	return {
		name: contact.name,
		organization: contact.organization,
		role: contact.role,
		emails: contact.emails,
		phones: contact.phones,
		links: contact.links,
		notes: contact.notes,
		tags: contact.tags,
		extra,
		line: 1
	};
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function wholeUtf8(bytes: Uint8Array): boolean {
	try {
		strictUtf8.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

function physicalLines(text: string): Buffer[] {
	const parts = text.split('\r\n');
	expect(parts.pop()).toBe('');
	return parts.map((p) => Buffer.from(p, 'utf8'));
}

describe.each(VERSIONS)('vCard %s round trip', (version) => {
	// Found by the property below (seed 721354679): a note of 50,000 U+FFFD was taken for binary data.
	it.each([
		['a note', { name: '!', notes: '\uFFFD '.repeat(49_999) + '\uFFFDx' }],
		['a name', { name: '\uFFFD'.repeat(200) }],
		['an organization', { name: 'Ada', organization: '\uFFFD'.repeat(500) }]
	])('gives back %s made of replacement characters (U+FFFD)', (_label, fields) => {
		const contact = makeContact(fields);
		const { cards, errors } = parseVCards(serializeVCard(contact, version));
		expect(errors).toEqual([]);
		expect(cards).toEqual([expected(contact, [])]);
	});

	it(
		'serialize then parse gives back every field of any contact',
		() => {
			fc.assert(
				fc.property(contactArb, ({ contact, extra }) => {
					const { cards, errors } = parseVCards(serializeVCard({ ...contact, extra }, version));
					expect(errors).toEqual([]);
					expect(cards).toEqual([expected(contact, extra)]);
				}),
				{ numRuns: RUNS }
			);
		},
		SLOW
	);

	it(
		'many contacts come back in order, each on the line its card starts',
		() => {
			fc.assert(
				fc.property(fc.array(contactArb, { minLength: 1, maxLength: 6 }), (items) => {
					const text = serializeVCards(
						items.map(({ contact, extra }) => ({ ...contact, extra })),
						version
					);
					const { cards, errors } = parseVCards(text);
					expect(errors).toEqual([]);
					expect(cards.map((c) => c.name)).toEqual(items.map((i) => i.contact.name));
					const starts = text
						.split('\r\n')
						.flatMap((line, i) => (line === 'BEGIN:VCARD' ? [i + 1] : []));
					expect(cards.map((c) => c.line)).toEqual(starts);
				}),
				{ numRuns: RUNS }
			);
		},
		SLOW
	);

	it(
		'every physical line is at most 75 octets of whole UTF-8 characters',
		() => {
			fc.assert(
				fc.property(contactArb, ({ contact, extra }) => {
					const text = serializeVCard({ ...contact, extra }, version);
					const bad = physicalLines(text).filter((bytes) => bytes.length > 75 || !wholeUtf8(bytes));
					expect(bad).toEqual([]);
				}),
				{ numRuns: RUNS }
			);
		},
		SLOW
	);
});

describe('foldLine', () => {
	it(
		'unfolding gives back any line, and no piece is longer than 75 octets',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(anyText(400), fc.string({ unit: 'binary-ascii', maxLength: 400 })),
					(raw) => {
						const line = raw.replace(/[\r\n]/g, ' ');
						const folded = foldLine(line);
						expect(folded.replace(/\r\n /g, '')).toBe(line);
						const long = folded.split('\r\n').filter((p) => Buffer.byteLength(p, 'utf8') > 75);
						expect(long).toEqual([]);
					}
				),
				{ numRuns: RUNS }
			);
		},
		SLOW
	);
});

describe('myCardToVCard round trip', () => {
	it(
		'reads back as the same name, headline, email, phone and links',
		() => {
			fc.assert(
				fc.property(
					nameArb,
					optionalText(500),
					fc.option(emailArb, { nil: undefined }),
					fc.option(phoneArb, { nil: undefined }),
					fc.array(linkArb, { maxLength: 4 }),
					(name, headline, email, phone, links) => {
						const { cards, errors } = parseVCards(
							myCardToVCard({ name, headline, email, phone, links })
						);
						expect(errors).toEqual([]);
						expect(cards).toEqual([
							{
								name,
								role: headline,
								emails: email ? [email] : [],
								phones: phone ? [phone] : [],
								links,
								tags: [],
								extra: [],
								line: 1
							}
						]);
					}
				),
				{ numRuns: RUNS }
			);
		},
		SLOW
	);
});
