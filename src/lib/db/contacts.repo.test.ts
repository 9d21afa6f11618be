import { describe, expect, it } from 'vitest';
import { contactsRepo, SEARCH_CANDIDATES } from './contacts.repo';
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

	it('says when a search read only part of the matches', async () => {
		const db = testDb();
		const repo = contactsRepo(db);
		await repo.bulkPut(
			Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => makeContact({ name: `Pat ${i}` }))
		);
		const page = await repo.search({ query: 'pat', limit: 50 });
		expect(page.contacts).toHaveLength(50);
		expect(page.truncated).toBe(true);
		const recent = await repo.recent({ limit: 10 });
		expect(recent.truncated).toBe(true);
		expect(recent.contacts[0]!.name).toBe(`Pat ${SEARCH_CANDIDATES + 4}`);
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
});
