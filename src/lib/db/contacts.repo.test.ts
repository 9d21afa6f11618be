import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '$lib/domain/contact';
import { contactSearchWords, matchesAll, queryWords } from '$lib/domain/search';
import { contactsRepo, SEARCH_PROBE, type ContactQuery, type SearchTuning } from './contacts.repo';
import { makeContact, testDb } from './testing/factories';

async function setup() {
	const db = testDb();
	const repo = contactsRepo(db);
	const people = [
		makeContact({
			name: 'José Álvarez',
			organization: 'Acme Library',
			role: 'Archivist',
			circle: 'alumni',
			tags: ['archives']
		}),
		makeContact({
			name: 'Zoë Chen',
			organization: 'Acorn Museum',
			circle: 'events',
			notes: 'Loves metadata'
		}),
		makeContact({
			name: 'Sam Ortiz',
			organization: 'City Records',
			circle: 'alumni',
			tags: ['mentor']
		}),
		makeContact({ name: 'Old Friend', organization: 'Acme Library', deletedAt: 1 })
	];
	await repo.bulkPut(people);
	return { db, repo, people };
}

describe('contacts repository', () => {
	it('stores and reads a contact without its derived search words', async () => {
		const { repo, people } = await setup();
		expect(await repo.get(people[0]!.id)).toEqual(people[0]);
	});

	it('searches by organisation prefix, newest first, leaving the trash out', async () => {
		const { repo } = await setup();
		const page = await repo.search({ query: 'ac' });
		expect(page.contacts.map((c) => c.name)).toEqual(['Zoë Chen', 'José Álvarez']);
		expect((await repo.search({ query: 'acme lib' })).contacts.map((c) => c.name)).toEqual([
			'José Álvarez'
		]);
	});

	it('finds accented names typed without accents, and the other way round', async () => {
		const { repo } = await setup();
		expect((await repo.search({ query: 'jose alv' })).contacts).toHaveLength(1);
		expect((await repo.search({ query: 'ZOE' })).contacts).toHaveLength(1);
		expect((await repo.search({ query: 'Sám' })).contacts).toHaveLength(1);
	});

	it('searches roles, tags and notes', async () => {
		const { repo } = await setup();
		expect((await repo.search({ query: 'archiv' })).contacts).toHaveLength(1);
		expect((await repo.search({ query: 'ment' })).contacts.map((c) => c.name)).toEqual([
			'Sam Ortiz'
		]);
		expect((await repo.search({ query: 'metadata' })).contacts.map((c) => c.name)).toEqual([
			'Zoë Chen'
		]);
	});

	it('filters by circle and tag, with or without a query', async () => {
		const { repo } = await setup();
		expect((await repo.search({ circle: 'alumni' })).contacts.map((c) => c.name)).toEqual([
			'Sam Ortiz',
			'José Álvarez'
		]);
		expect(
			(await repo.search({ query: 'a', circle: 'events' })).contacts.map((c) => c.name)
		).toEqual(['Zoë Chen']);
		expect((await repo.search({ tag: 'mentor' })).contacts.map((c) => c.name)).toEqual([
			'Sam Ortiz'
		]);
	});

	it('says when more contacts match than are shown', async () => {
		const db = testDb();
		const repo = contactsRepo(db);
		await repo.bulkPut(
			Array.from({ length: SEARCH_PROBE + 5 }, (_, i) => makeContact({ name: `Pat ${i}` }))
		);
		const page = await repo.search({ query: 'pat', limit: 50 });
		expect(page.contacts).toHaveLength(50);
		expect(page.truncated).toBe(true);
		const recent = await repo.recent({ limit: 10 });
		expect(recent.truncated).toBe(true);
		expect(recent.contacts[0]!.name).toBe(`Pat ${SEARCH_PROBE + 4}`);
	});

	it('removes trashed contacts from search and lists them in the trash', async () => {
		const { repo, people } = await setup();
		expect((await repo.trash()).map((c) => c.name)).toEqual(['Old Friend']);
		expect(await repo.countLive()).toBe(3);
		const { deletedAt: _d, ...restored } = people[3]!;
		await repo.put(restored);
		expect((await repo.search({ query: 'old' })).contacts).toHaveLength(1);
	});

	it('lists introductions, follow-ups, tags and names', async () => {
		const { repo, people } = await setup();
		const intro = makeContact({
			name: 'New',
			introducedById: people[0]!.id,
			nextFollowUpOn: '2026-01-02'
		});
		await repo.put(intro);
		await repo.put({ ...people[1]!, nextFollowUpOn: '2026-03-01' });
		expect((await repo.introducedBy(people[0]!.id)).map((c) => c.name)).toEqual(['New']);
		expect((await repo.followUpsUpTo('2026-02-01')).map((c) => c.name)).toEqual(['New']);
		expect(await repo.allTags()).toEqual(['archives', 'mentor']);
		expect((await repo.names()).map((c) => c.name)).toEqual([
			'José Álvarez',
			'New',
			'Sam Ortiz',
			'Zoë Chen'
		]);
		const many = await repo.getMany([intro.id, 'missing']);
		expect([...many.keys()]).toEqual([intro.id]);
	});

	it('keeps its order of recency as contacts are edited, added and removed', async () => {
		const db = testDb();
		const repo = contactsRepo(db);
		const [a, b, c] = [10, 20, 30].map((t) => makeContact({ name: 'Ana', updatedAt: t }));
		await repo.bulkPut([a!, b!, c!]);
		const first = async () => (await repo.search({ query: 'ana', limit: 1 })).contacts[0]?.id;
		expect(await first()).toBe(c!.id);
		await repo.put({ ...a!, updatedAt: 40 });
		expect(await first()).toBe(a!.id);
		const d = makeContact({ name: 'Ana', updatedAt: 35 });
		await repo.put(d);
		await repo.remove(a!.id);
		expect(await first()).toBe(d.id);
		await repo.put({ ...b!, updatedAt: 50, name: 'Bo' });
		expect(await first()).toBe(d.id);
		expect((await repo.search({ query: 'bo' })).contacts.map((x) => x.id)).toEqual([b!.id]);
	});

	it('finds what a full scan finds, newest first, as contacts are written (property)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(person, { minLength: 10, maxLength: 90, size: 'max' }),
				fc.array(step, { minLength: 4, maxLength: 20, size: 'max' }),
				fc.constantFrom<Partial<SearchTuning>>(
					{},
					{ probe: 3, probeMax: 3, walkPage: 2, walkMax: 7, narrowRows: 2 },
					{ probe: 3, probeMax: 3, walkPage: 2, walkMax: Infinity, narrowRows: 2 },
					// The probe grows with the contacts, from 3 to at most 30 here.
					{ probe: 3, probeMax: 30, walkPage: 2, walkMax: 400, narrowRows: 5 }
				),
				async (initial, steps, tuning) => {
					const db = testDb();
					// Tiny thresholds send small data down every way a search reads a large one.
					const repo = contactsRepo(db, tuning);
					const stored = new Map<string, Contact>();
					const write = async (cs: Contact[]) => {
						await repo.bulkPut(cs);
						for (const c of cs) stored.set(c.id, c);
					};
					await write(initial.map(toContact));
					for (const [i, s] of steps.entries()) {
						const ids = [...stored.keys()];
						if (s.kind === 'search') {
							const page = await repo.search(s.query);
							expect(page).toEqual(scan([...stored.values()], s.query));
						} else if (s.kind === 'add') {
							await write([toContact(s.person)]);
						} else if (ids.length > 0) {
							const old = stored.get(ids[s.pick % ids.length]!)!;
							const { deletedAt: _d, ...live } = old;
							await write([
								s.kind === 'edit'
									? // Edited now, as the app does: the contact becomes the newest.
										{ ...toContact(s.person), id: old.id, updatedAt: 100 + i }
									: s.kind === 'trash'
										? { ...old, deletedAt: 1 }
										: live
							]);
						}
					}
					db.close();
				}
			),
			{ numRuns: 100 }
		);
		// A hundred databases written and searched: slow on a busy machine, and that is fine.
	}, 60_000);
});

const VOCAB = ['ana', 'anabel', 'andre', 'bo', 'bob', 'bobby', 'cara', 'carlos', 'ca', 'dee'];
const CIRCLES = ['alumni', 'events', 'gym'] as const;
const TAGS = ['mentor', 'hiring', 'remote'];

const person = fc.record({
	name: fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }),
	notes: fc.array(fc.constantFrom(...VOCAB), { maxLength: 4 }),
	circle: fc.option(fc.constantFrom(...CIRCLES), { nil: undefined }),
	tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
	// Few distinct times, so that contacts updated at the same moment are common.
	updatedAt: fc.integer({ min: 1, max: 40 }),
	trashed: fc.boolean()
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

const query: fc.Arbitrary<ContactQuery> = fc
	.record({
		words: fc.array(
			fc
				.tuple(fc.constantFrom(...VOCAB), fc.integer({ min: 1, max: 6 }))
				.map(([w, n]) => w.slice(0, n)),
			{ maxLength: 2 }
		),
		// Filters now and then, so that most searches find more than they show.
		circle: fc.option(fc.constantFrom(...CIRCLES), { freq: 3, nil: undefined }),
		tag: fc.option(fc.constantFrom(...TAGS), { freq: 3, nil: undefined }),
		limit: fc.integer({ min: 1, max: 6 })
	})
	.map(({ words, circle, tag, limit }) => ({
		query: words.join(' ').toUpperCase(),
		limit,
		...(circle ? { circle } : {}),
		...(tag ? { tag } : {})
	}));

const step = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('search' as const), query }) },
	fc.record({ kind: fc.constant('add' as const), person }),
	fc.record({ kind: fc.constant('edit' as const), person, pick: fc.nat() }),
	fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() })
);

let serial = 0;
function toContact(p: Person): Contact {
	const c = makeContact({
		id: `c-${String(++serial).padStart(6, '0')}`,
		name: p.name.join(' '),
		tags: p.tags,
		updatedAt: p.updatedAt
	});
	if (p.notes.length) c.notes = p.notes.join(' ');
	if (p.circle) c.circle = p.circle;
	if (p.trashed) c.deletedAt = 1;
	return c;
}

/** The reference: every live contact tested, sorted newest first (equal times: highest id first). */
function scan(all: Contact[], q: ContactQuery) {
	const terms = queryWords(q.query ?? '');
	const limit = q.limit ?? 100;
	const hits = all
		.filter(
			(c) =>
				c.deletedAt === undefined &&
				(!q.circle || c.circle === q.circle) &&
				(!q.tag || c.tags.includes(q.tag)) &&
				matchesAll(contactSearchWords(c), terms)
		)
		.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
	return { contacts: hits.slice(0, limit), truncated: hits.length > limit };
}
