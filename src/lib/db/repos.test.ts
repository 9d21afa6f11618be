// @vitest-environment node
// Node's own Blob survives fake-indexeddb's structured clone; jsdom's does not.
import { describe, expect, it } from 'vitest';
import { repos } from './repos';
import { makeContact, testDb } from './testing/factories';
import { findInvalidRows } from './validate';

describe('repositories of every table', () => {
	it('write, read, count and remove one row each, all valid against the schemas', async () => {
		const db = testDb();
		const r = repos(db);
		const contact = makeContact({ name: 'Ana' });
		await r.contacts.put(contact);
		const t = 1_700_000_000_000;
		const rows = {
			interactions: {
				id: 'i1',
				contactId: contact.id,
				on: '2026-01-02',
				channel: 'call',
				summary: 'Chat',
				received: ['inside-info'],
				followUpDone: false,
				createdAt: t,
				updatedAt: t,
				version: 1
			},
			pitches: {
				id: 'p1',
				title: '30 seconds',
				targetSeconds: 30,
				text: 'Hi',
				cues: ['who I am'],
				createdAt: t,
				updatedAt: t,
				version: 1
			},
			rehearsals: { id: 'r1', pitchId: 'p1', at: t, seconds: 31.5, rating: 'good' },
			recordings: {
				id: 'a1',
				pitchId: 'p1',
				blob: new Blob(['abc'], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				durationMs: 1200,
				createdAt: t
			},
			interviews: {
				id: 'v1',
				contactId: contact.id,
				mode: 'video',
				status: 'planned',
				questions: [{ text: 'How did you start?', category: 'path' }],
				referralIds: [],
				createdAt: t,
				updatedAt: t,
				version: 1
			},
			questions: {
				id: 'q1',
				category: 'field',
				text: 'What is changing?',
				builtIn: true,
				createdAt: t,
				updatedAt: t,
				version: 1
			}
		} as const;
		for (const [name, row] of Object.entries(rows)) {
			const repo = r[name as keyof typeof rows] as unknown as {
				put(row: unknown): Promise<unknown>;
				get(id: string): Promise<unknown>;
				count(): Promise<number>;
				remove(id: string): Promise<void>;
				all(): Promise<unknown[]>;
			};
			await repo.put(row);
			expect(await repo.get(row.id), name).toMatchObject({ id: row.id });
			expect(await repo.count(), name).toBe(1);
		}
		await r.drafts.save('capture', { name: 'half typed' });
		await r.settings.set('wordsPerMinute', 150);
		expect(await findInvalidRows(db)).toEqual([]);

		await r.interactions.remove('i1');
		expect(await r.interactions.count()).toBe(0);
		expect((await r.drafts.get('capture'))?.values).toEqual({ name: 'half typed' });
		await r.drafts.remove('capture');
		expect(await r.drafts.get('capture')).toBeUndefined();
	});

	it('validates settings on write and ignores a stored value of the wrong shape', async () => {
		const db = testDb();
		const r = repos(db);
		expect(() => r.settings.set('wordsPerMinute', 5)).toThrow();
		await db.settings.put({ key: 'wordsPerMinute', value: 'fast' });
		expect(await r.settings.get('wordsPerMinute')).toBeUndefined();
		await r.settings.set('sampleContactIds', ['a', 'b']);
		expect(await r.settings.get('sampleContactIds')).toEqual(['a', 'b']);
	});

	it('reports rows that do not fit their schema', async () => {
		const db = testDb();
		await db.contacts.put({ ...makeContact(), name: '', words: [] });
		const invalid = await findInvalidRows(db);
		expect(invalid).toHaveLength(1);
		expect(invalid[0]).toMatchObject({
			table: 'contacts',
			problem: expect.stringContaining('name')
		});
	});
});
