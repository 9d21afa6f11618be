import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	likelySamePairs,
	linkedInHandle,
	MatchIndex,
	matchKeys,
	mergeFields,
	nameKeyAnyOrder,
	normalizeOrganization
} from './duplicates';
import { makeContact } from './testing/factories';

describe('normalising', () => {
	it('folds plain ASCII text as it folds any other text', () => {
		// The fold as written before plain ASCII took a shorter way.
		const slow = (text: string) =>
			text
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLocaleLowerCase('en')
				.replace(/[^\p{L}\p{N}]+/gu, ' ')
				.trim();
		const key = (name: string) => slow(name).split(' ').filter(Boolean).sort().join(' ');
		const text = fc.oneof(
			fc.string({ maxLength: 40 }),
			fc.string({ unit: 'grapheme', maxLength: 20 }),
			fc.constantFrom('Zoë Ångström', 'İSTANBUL', 'ǅemal Straße', 'ΣΊΣΥΦΟΣ', 'A_B\tC~D')
		);
		fc.assert(
			fc.property(text, (t) => {
				expect(nameKeyAnyOrder(t)).toBe(key(t));
			}),
			{ numRuns: 2000 }
		);
	});

	it('folds case, accents, punctuation and word order out of names', () => {
		expect(nameKeyAnyOrder('Zoë  ÅNGSTRÖM')).toBe(nameKeyAnyOrder('angstrom, zoe'));
		expect(nameKeyAnyOrder('Jean-Luc Picard')).toBe('jean luc picard');
		expect(nameKeyAnyOrder('Ada Lovelace')).not.toBe(nameKeyAnyOrder('Ada Byron'));
	});

	it('drops legal forms and "the" from organisations, unless nothing else is left', () => {
		expect(normalizeOrganization('The Acme Company, Inc.')).toBe('acme');
		expect(normalizeOrganization('ACME')).toBe('acme');
		expect(normalizeOrganization('Analytical Engines Ltd')).toBe('analytical engines');
		expect(normalizeOrganization('Company')).toBe('company');
		expect(normalizeOrganization(undefined)).toBe('');
	});

	it('reads the handle of LinkedIn profile links only', () => {
		expect(linkedInHandle('https://www.linkedin.com/in/Ada-Lovelace/')).toBe('ada-lovelace');
		expect(linkedInHandle('linkedin.com/in/ada-lovelace?trk=x')).toBe('ada-lovelace');
		expect(linkedInHandle('http://de.linkedin.com/in/zo%C3%AB')).toBe('zoë');
		expect(linkedInHandle('https://example.org/in/ada')).toBeUndefined();
		expect(linkedInHandle('https://notlinkedin.com/in/ada')).toBeUndefined();
		expect(linkedInHandle('https://www.linkedin.com/company/acme')).toBeUndefined();
		expect(linkedInHandle('not a link at all')).toBeUndefined();
	});
});

describe('matching', () => {
	const ada = makeContact({
		name: 'Ada Lovelace',
		organization: 'Analytical Engines',
		emails: ['Ada@Example.org'],
		links: ['https://www.linkedin.com/in/ada-lovelace']
	});
	const index = new MatchIndex<string>();
	index.add(ada, ada.id);

	it('finds the same email, whatever its case', () => {
		const found = index.find({ name: 'A. L.', emails: ['ada@example.ORG'], links: [] });
		expect(found).toEqual({ value: ada.id, reasons: ['email'] });
	});

	it('finds the same LinkedIn profile written another way', () => {
		const found = index.find({
			name: 'Someone',
			emails: [],
			links: ['linkedin.com/in/ADA-LOVELACE/']
		});
		expect(found?.reasons).toEqual(['linkedin']);
	});

	it('finds the same name at the same organisation, and gathers every reason', () => {
		expect(
			index.find({
				name: 'lovelace ada',
				organization: 'Analytical Engines Ltd.',
				emails: ['ada@example.org'],
				links: []
			})?.reasons
		).toEqual(['email', 'name']);
	});

	it('does not take a namesake at another organisation for the same person', () => {
		expect(
			index.find({ name: 'Ada Lovelace', organization: 'Elsewhere', emails: [], links: [] })
		).toBeUndefined();
	});

	it('matches names alone only when neither side has an organisation', () => {
		const keys = matchKeys({ name: 'Sam Lee', emails: [], links: [] });
		expect(keys).toEqual([{ key: 'n:lee sam|', reason: 'name' }]);
	});
});

describe('merging', () => {
	const kept = makeContact({
		name: 'Ada Lovelace',
		role: 'Archivist',
		emails: ['ada@example.org'],
		phones: ['+44 20 1234 5678'],
		links: ['https://www.linkedin.com/in/ada-lovelace'],
		tags: ['Mentor']
	});
	const incoming = {
		name: 'Ada King',
		role: 'Countess',
		organization: 'Analytical Engines',
		metOn: '2024-03-15',
		emails: ['ADA@example.org', 'ada@work.example'],
		phones: ['+44 (20) 1234-5678', '+1 555 0100'],
		links: ['https://linkedin.com/in/Ada-Lovelace/', 'https://ada.example'],
		tags: ['mentor', 'LinkedIn']
	};

	it('fills empty fields, joins lists without repeats, and keeps the contact’s own values', () => {
		const merged = mergeFields(kept, incoming);
		expect(merged).toMatchObject({
			id: kept.id,
			name: 'Ada Lovelace',
			role: 'Archivist',
			organization: 'Analytical Engines',
			metOn: '2024-03-15',
			emails: ['ada@example.org', 'ada@work.example'],
			phones: ['+44 20 1234 5678', '+1 555 0100'],
			links: ['https://www.linkedin.com/in/ada-lovelace', 'https://ada.example'],
			tags: ['Mentor', 'LinkedIn']
		});
	});

	it('takes the file’s values where both have one, when asked to', () => {
		const merged = mergeFields(kept, incoming, 'incoming');
		expect(merged.name).toBe('Ada King');
		expect(merged.role).toBe('Countess');
		expect(merged.emails).toEqual(['ada@example.org', 'ada@work.example']);
	});
});

describe('likely the same person', () => {
	it('pairs records sharing an email, a LinkedIn profile, or name and organisation, once each', () => {
		const a = makeContact({ name: 'Ana Ruiz', emails: ['ana@example.org'] });
		const b = makeContact({ name: 'A. Ruiz', emails: ['ANA@example.org'], organization: 'Lib' });
		const c = makeContact({ name: 'Bo Li', organization: 'Archive' });
		const d = makeContact({ name: 'Li Bo', organization: 'archive' });
		const e = makeContact({ name: 'Someone Else' });
		const pairs = likelySamePairs([a, b, c, d, e]).map(([x, y]) => [x.name, y.name]);
		expect(pairs).toEqual([
			['Ana Ruiz', 'A. Ruiz'],
			['Bo Li', 'Li Bo']
		]);
		expect(likelySamePairs([a, b, c, d], 1)).toHaveLength(1);
	});
});
