import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	contactSearcher,
	filterContacts,
	prefixIndex,
	sortContacts,
	toListed,
	type ListedContact
} from './contact-list';
import type { Contact } from './contact';
import {
	contactSearchWords,
	initialsOf,
	keyMatchesAll,
	keyNeedles,
	matchesAll,
	queryWords,
	searchKey
} from './search';

function person(id: string, name: string, more: Partial<Contact> = {}): ListedContact {
	return toListed({
		id,
		name,
		tags: [],
		emails: [],
		phones: [],
		links: [],
		createdAt: 1,
		updatedAt: Number(id.replace(/\D/g, '')) || 1,
		version: 1,
		...more
	} as Contact);
}

const people = sortContacts(
	[
		person('p1', 'Ana Lima', {
			organization: 'Acorn Museum',
			tags: ['mentor'],
			circle: 'coworkers'
		}),
		person('p2', 'Anneliese Brun', { role: 'Archivist', circle: 'classmates' }),
		person('p3', 'Élodie Ana', { notes: 'met at the annual fair' }),
		person('p4', 'Bob Ng', { tags: ['mentor'] }),
		person('p5', '42 Studio'),
		person('p6', 'نور الهدى'),
		person('p7', 'Zoë Ríos', { organization: 'Acme Public Library', circle: 'coworkers' })
	],
	'recent'
);

const ids = (list: readonly ListedContact[]) => list.map((c) => c.id);

describe('contactSearcher', () => {
	it('finds what filterContacts finds, in the same order, as a query is typed and taken back', () => {
		const search = contactSearcher(people);
		const typed = ['a', 'an', 'ann', 'ann ', 'ann a', 'ann ar', 'ann a', 'ann', 'an', 'a', ''];
		for (const query of typed) {
			expect(ids(search({ query })), query).toEqual(ids(filterContacts(people, { query })));
		}
		expect(ids(search({ query: 'an' }))).toEqual(['p3', 'p2', 'p1']);
		expect(ids(search({ query: 'ann ar' }))).toEqual(['p2']);
		expect(search({ query: '' })).toHaveLength(people.length);
	});

	it('finds by digits and by other scripts, whose initials share one bit', () => {
		const search = contactSearcher(people);
		expect(ids(search({ query: '4' }))).toEqual(['p5']);
		expect(ids(search({ query: '42 st' }))).toEqual(['p5']);
		expect(ids(search({ query: 'نور' }))).toEqual(['p6']);
		expect(ids(search({ query: 'ال' }))).toEqual(['p6']);
		expect(ids(search({ query: 'zoe acm' }))).toEqual(['p7']);
		expect(ids(search({ query: 'zoe 4' }))).toEqual([]);
	});

	it('narrows with the circle and the tag, and answers each apart', () => {
		const search = contactSearcher(people);
		expect(ids(search({ query: 'a', circle: 'coworkers' }))).toEqual(['p7', 'p1']);
		expect(ids(search({ query: 'a', tag: 'mentor' }))).toEqual(['p1']);
		expect(ids(search({ query: 'a' }))).toEqual(ids(filterContacts(people, { query: 'a' })));
		expect(ids(search({ tag: 'mentor' }))).toEqual(['p4', 'p1']);
		expect(ids(search({ query: 'b', tag: 'mentor' }))).toEqual(['p4']);
	});

	it('looks for a longer query among the earlier answer only, and answers a query asked before at once', () => {
		// Contacts that count how often their key is read.
		let reads = 0;
		const counted = Array.from({ length: 200 }, (_, i) => {
			const c = person(`c${i + 1}`, `${i % 10 === 0 ? 'Zed' : 'Zap'} Person ${i}`);
			const key = c.key;
			return Object.defineProperty({ ...c }, 'key', {
				get: () => {
					reads++;
					return key;
				}
			});
		});
		const search = contactSearcher(counted);
		expect(search({ query: 'per' })).toHaveLength(200);
		expect(reads).toBe(200);
		reads = 0;
		// Everyone has the initials of "per ze": all 200 found by "per" are looked at.
		expect(search({ query: 'per ze' })).toHaveLength(20);
		expect(reads).toBe(200);
		reads = 0;
		// "per zed" is looked for among the 20 found by "per ze".
		expect(search({ query: 'per zed' })).toHaveLength(20);
		expect(reads).toBe(20);
		reads = 0;
		// Backspace: asked before, nothing read.
		expect(search({ query: 'per ze' })).toHaveLength(20);
		expect(search({ query: 'per' })).toHaveLength(200);
		expect(reads).toBe(0);
		// Another word is no narrowing of any earlier query: everyone is looked at again.
		expect(search({ query: 'zap' })).toHaveLength(180);
		expect(reads).toBe(200);
	});

	it('once the list is indexed, looks only at those with a word starting as the query does', () => {
		let reads = 0;
		const counted = Array.from({ length: 300 }, (_, i) => {
			const c = person(`c${i + 1}`, `${['Zed', 'Zap', 'Zoe'][i % 3]} Person ${i}`);
			const key = c.key;
			return Object.defineProperty({ ...c }, 'key', {
				get: () => {
					reads++;
					return key;
				}
			});
		});
		const index = prefixIndex(counted);
		const search = contactSearcher(counted, index);
		// Not indexed yet: everyone with the initials is looked at.
		expect(index.step(100)).toBe(false);
		expect(ids(search({ query: 'zed' }))).toEqual(ids(filterContacts(counted, { query: 'zed' })));
		expect(reads).toBe(300);
		expect(index.step(1000)).toBe(true);
		reads = 0;
		// Indexed: only the 100 with a word starting "za".
		expect(search({ query: 'zap per' })).toHaveLength(100);
		expect(reads).toBe(100);
		expect(ids(search({ query: 'per zo' }))).toEqual(
			ids(filterContacts(counted, { query: 'per zo' }))
		);
	});

	it('follows a changed list: a new searcher over the list after an edit in another tab', () => {
		const before = contactSearcher(people);
		expect(ids(before({ query: 'bob' }))).toEqual(['p4']);
		expect(ids(before({ query: 'rob' }))).toEqual([]);
		// Another tab renames Bob and adds a Robin; the live list arrives anew, sorted anew.
		const after = sortContacts(
			[
				...people.filter((c) => c.id !== 'p4'),
				person('p8', 'Rob Ng', { tags: ['mentor'] }),
				person('p9', 'Robin Hale')
			],
			'recent'
		);
		const search = contactSearcher(after);
		expect(ids(search({ query: 'bob' }))).toEqual([]);
		expect(ids(search({ query: 'rob' }))).toEqual(['p9', 'p8']);
		expect(ids(search({ query: 'rob n' }))).toEqual(['p8']);
	});

	it('matches filterContacts for any list and any sequence of queries (property)', () => {
		const letters = fc.constantFrom('a', 'b', 'e', 'é', 'n', 'o', 'z', '4', ' ');
		const text = fc.array(letters, { maxLength: 12 }).map((a) => a.join(''));
		fc.assert(
			fc.property(
				fc.array(fc.tuple(text, text, fc.boolean()), { minLength: 1, maxLength: 30 }),
				fc.array(fc.tuple(text, fc.constantFrom('', 'gym', 'friends'), fc.constantFrom('', 'x')), {
					maxLength: 25
				}),
				(rows, queries) => {
					const list = sortContacts(
						rows.map(([name, org, tagged], i) =>
							person(`r${i + 1}`, name || 'x', {
								organization: org || undefined,
								circle: i % 2 ? 'gym' : 'friends',
								tags: tagged ? ['x'] : []
							})
						),
						'name'
					);
					// Indexed a slice at a time while typing goes on, as the page does.
					const index = prefixIndex(list);
					const search = contactSearcher(list, index);
					for (const [query, circle, tag] of queries) {
						index.step(3);
						// Typed letter by letter, as a user would.
						for (let i = 0; i <= query.length; i++) {
							const f = { query: query.slice(0, i), circle, tag };
							expect(ids(search(f))).toEqual(ids(filterContacts(list, f)));
						}
					}
				}
			)
		);
	});
});

describe('search keys', () => {
	it('match exactly where the words do', () => {
		const word = fc
			.array(fc.constantFrom('a', 'b', 'ab', 'ß', 'é', '1', 'ا', 'x y'), { maxLength: 4 })
			.map((a) => a.join(''));
		fc.assert(
			fc.property(fc.array(word, { maxLength: 8 }), word, (texts, query) => {
				const w = contactSearchWords({ name: texts.join(' '), tags: [] });
				const q = queryWords(query);
				expect(keyMatchesAll(searchKey(w), keyNeedles(q))).toBe(matchesAll(w, q));
				if (matchesAll(w, q)) {
					const need = q.reduce((m, t) => m | initialsOf([t]), 0);
					expect(initialsOf(w) & need).toBe(need);
				}
			})
		);
	});
});
