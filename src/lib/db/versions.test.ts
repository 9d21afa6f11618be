import { describe, expect, it } from 'vitest';
import { makeContact, makeInterview, makeTouchpoint } from './testing/factories';
import { upgradeFrom } from './testing/upgrade-harness';
import { VERSIONS, type DbVersion } from './versions';
import { repos } from './repos';
import { findInvalidRows } from './validate';

describe('database versions', () => {
	it('are append-only and strictly increasing', () => {
		const numbers = VERSIONS.map((v) => v.version);
		expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		expect(new Set(numbers).size).toBe(numbers.length);
	});

	it('declare every table of the design from the first version', () => {
		expect(Object.keys(VERSIONS[0]!.stores).sort()).toEqual(
			[
				'contacts',
				'drafts',
				'interactions',
				'interviews',
				'pitches',
				'questions',
				'recordings',
				'rehearsals',
				'settings'
			].sort()
		);
	});
});

describe('shipped versions', () => {
	// Phones in the field hold databases in these shapes: a shipped version is never edited, only
	// followed by a new one. Add the next shipped version here when it is released.
	const shipped: Record<number, Record<string, string | null>> = {
		1: {
			contacts:
				'id, updatedAt, createdAt, deletedAt, [circle+updatedAt], *tags, *words, introducedById, nextFollowUpOn',
			interactions: 'id, contactId, [contactId+on], on, followUpOn, updatedAt',
			pitches: 'id, updatedAt, card.due',
			rehearsals: 'id, pitchId, [pitchId+at], at',
			recordings: 'id, pitchId',
			interviews: 'id, contactId, scheduledAt, status, followUpOn, *referralIds, updatedAt',
			questions: 'id, category',
			drafts: 'key, updatedAt',
			settings: 'key'
		}
	};

	it.each(Object.entries(shipped))('version %s is unchanged', (version, stores) => {
		expect(VERSIONS.find((v) => v.version === Number(version))?.stores).toEqual(stores);
	});
});

describe('upgrade harness', () => {
	// A made-up next version, to prove the harness catches a broken upgrade and passes a good one.
	const renameField = (fix: boolean): DbVersion[] => [
		...VERSIONS,
		{
			version: VERSIONS.at(-1)!.version + 1,
			stores: {
				contacts:
					'id, updatedAt, createdAt, deletedAt, [circle+updatedAt], *tags, *words, introducedById, nextFollowUpOn, organization'
			},
			upgrade: async (tx) => {
				await tx
					.table('contacts')
					.toCollection()
					.modify((row: Record<string, unknown>) => {
						if (fix) {
							row.organization = row.company;
							delete row.company;
						}
					});
			}
		}
	];

	async function seedOldShape(db: import('./database').KithDB) {
		// An older release that called the organisation "company".
		const { organization: _o, ...c } = makeContact({ name: 'Ada' });
		await db.contacts.put({ ...c, company: 'Acme', words: ['ada'] } as never);
	}

	it('flags rows that an upgrade leaves invalid', async () => {
		const { invalid } = await upgradeFrom(
			VERSIONS.at(-1)!.version,
			seedOldShape,
			renameField(false)
		);
		expect(invalid).toHaveLength(1);
	});

	it('passes rows that an upgrade rewrites into the current shape', async () => {
		const { db, invalid } = await upgradeFrom(
			VERSIONS.at(-1)!.version,
			seedOldShape,
			renameField(true)
		);
		expect(invalid).toEqual([]);
		expect(await db.contacts.where('organization').equals('Acme').count()).toBe(1);
	});
});

describe('version 2', () => {
	it('adds an empty contactExtras table and keeps version 1 rows valid', async () => {
		const { db, invalid } = await upgradeFrom(1, async (old) => {
			const c = makeContact({ name: 'Ada' });
			await old.contacts.put({ ...c, words: ['ada'] });
		});
		expect(invalid).toEqual([]);
		expect(await db.contacts.count()).toBe(1);
		expect(await db.contactExtras.count()).toBe(0);
		await db.contactExtras.put({ contactId: 'x', lines: ['BDAY:19900101'], updatedAt: 1 });
		expect((await db.contactExtras.get('x'))?.lines).toEqual(['BDAY:19900101']);
	});
});

describe('version 2: open intro requests indexed', () => {
	it('keeps version 1 rows as they were and finds new requests through the index', async () => {
		const { db, invalid } = await upgradeFrom(1, async (old) => {
			const c = makeContact({ name: 'Ada', tags: ['mentor'] });
			await old.contacts.put({ ...c, words: ['ada', 'mentor'] });
		});
		expect(invalid).toEqual([]);
		const r = repos(db);
		expect((await r.contacts.search({ query: 'ada' })).contacts).toHaveLength(1);
		expect(await r.contacts.withOpenIntroRequests()).toEqual([]);
		const [ada] = (await r.contacts.search({ query: 'ada' })).contacts;
		await r.contacts.put({ ...ada!, introRequests: [{ id: 'q', who: 'Bo', createdAt: 1 }] });
		expect((await r.contacts.withOpenIntroRequests()).map((c) => c.name)).toEqual(['Ada']);
		// The index field stays the database's own: it never reaches the record.
		expect(await r.contacts.get(ada!.id)).not.toHaveProperty('asking');
		await r.contacts.put({
			...ada!,
			introRequests: [{ id: 'q', who: 'Bo', createdAt: 1, doneAt: 2 }]
		});
		expect(await r.contacts.withOpenIntroRequests()).toEqual([]);
		await r.contacts.put({
			...ada!,
			deletedAt: 3,
			introRequests: [{ id: 'q', who: 'Bo', createdAt: 1 }]
		});
		expect(await r.contacts.withOpenIntroRequests()).toEqual([]);
	});
});

describe('version 3: every editable record carries a version', () => {
	it('gives rows stored before it version 1, so they read and save as before', async () => {
		const { db, invalid } = await upgradeFrom(2, async (old) => {
			const { version: _v, ...c } = makeContact({ name: 'Ada' });
			await old.contacts.put({ ...c, words: ['ada'] } as never);
			const { version: _t, ...t } = makeTouchpoint({ id: 't1', contactId: c.id });
			await old.interactions.put(t as never);
			const { version: _i, ...i } = makeInterview({ id: 'v1', contactId: c.id });
			await old.interviews.put(i as never);
			await old.pitches.put({
				id: 'p1',
				title: 'Hello',
				targetSeconds: 30,
				text: 'Hi',
				cues: [],
				createdAt: 1,
				updatedAt: 1
			} as never);
			await old.questions.put({
				id: 'q1',
				category: 'path',
				text: 'How did you start?',
				builtIn: true,
				createdAt: 1,
				updatedAt: 1
			} as never);
		});
		expect(invalid).toEqual([]);
		for (const name of ['contacts', 'interactions', 'interviews', 'pitches', 'questions'] as const)
			expect((await db.table(name).toArray()).map((row) => row.version)).toEqual([1]);
	});

	it('leaves a row that already has a version as it is', async () => {
		const { db } = await upgradeFrom(2, async (old) => {
			const c = makeContact({ name: 'Ada', version: 7 });
			await old.contacts.put({ ...c, words: ['ada'] });
		});
		expect((await db.contacts.toArray())[0]?.version).toBe(7);
	});
});

describe('version 5: message templates', () => {
	it('keeps version 4 rows as they were and adds an empty templates table', async () => {
		const { db, invalid } = await upgradeFrom(4, async (old) => {
			const c = makeContact({ name: 'Ada' });
			await old.contacts.put({ ...c, words: ['ada'] });
			expect(old.tables.map((t) => t.name)).not.toContain('templates');
		});
		expect(invalid).toEqual([]);
		expect((await db.contacts.toArray()).map((c) => c.name)).toEqual(['Ada']);
		expect(await db.templates.count()).toBe(0);
		await repos(db).templates.put({
			id: 'builtin:thank-you-email',
			moment: 'thank-you',
			medium: 'email',
			name: 'My thanks',
			body: 'Thank you, {firstName}.',
			createdAt: 1,
			updatedAt: 1,
			version: 1
		});
		expect((await db.templates.get('builtin:thank-you-email'))?.name).toBe('My thanks');
		expect(await findInvalidRows(db)).toEqual([]);
	});
});

describe('version 4: sync tables', () => {
	it('keeps version 3 rows as they were, with an empty outbox and no conflict cards', async () => {
		const { db, invalid } = await upgradeFrom(3, async (old) => {
			const c = makeContact({ name: 'Ada' });
			await old.contacts.put({ ...c, words: ['ada'] });
		});
		expect(invalid).toEqual([]);
		expect((await db.contacts.toArray()).map((c) => c.name)).toEqual(['Ada']);
		expect(await db.syncOutbox.count()).toBe(0);
		expect(await db.conflicts.count()).toBe(0);
		// From now on a change is marked for sync in the same transaction.
		await db.contacts.toCollection().modify({ notes: 'met again' });
		expect(await db.syncOutbox.count()).toBe(1);
	});
});

describe('version 6: open follow-ups indexed', () => {
	it('indexes the open follow-ups of version 5 rows, and keeps the index field off the records', async () => {
		const { db, invalid } = await upgradeFrom(5, async (old) => {
			await old.interactions.bulkPut([
				makeTouchpoint({ id: 'open', contactId: 'c', followUpOn: '2026-03-01' }),
				makeTouchpoint({
					id: 'done',
					contactId: 'c',
					followUpOn: '2026-03-01',
					followUpDone: true
				}),
				makeTouchpoint({ id: 'trashed', contactId: 'c', followUpOn: '2026-03-01', deletedAt: 5 }),
				makeTouchpoint({ id: 'none', contactId: 'c' })
			]);
			// Stored as release 5 stored them: without the field.
			expect(await old.interactions.where('id').equals('open').first()).not.toHaveProperty(
				'openFollowUpOn'
			);
		});
		expect(invalid).toEqual([]);
		expect(
			await db.interactions.where('openFollowUpOn').belowOrEqual('2026-03-01').primaryKeys()
		).toEqual(['open']);
		const r = repos(db);
		expect((await r.interactions.followUpsUpTo('2026-03-01')).map((t) => t.id)).toEqual(['open']);
		expect(await r.interactions.get('open')).not.toHaveProperty('openFollowUpOn');
		expect((await r.interactions.all()).some((t) => 'openFollowUpOn' in t)).toBe(false);
		// Each write keeps the index in step: done, moved, brought back.
		const open = (await r.interactions.get('open'))!;
		await r.interactions.put({ ...open, followUpDone: true });
		expect(await r.interactions.followUpsUpTo('2026-03-01')).toEqual([]);
		await r.interactions.put({ ...open, followUpOn: '2026-02-01' });
		expect((await r.interactions.followUpsUpTo('2026-02-15')).map((t) => t.id)).toEqual(['open']);
		await r.interactions.put({ ...open, deletedAt: 9 });
		expect(await r.interactions.followUpsUpTo('2026-03-01')).toEqual([]);
		expect(await findInvalidRows(db)).toEqual([]);
	});
});
