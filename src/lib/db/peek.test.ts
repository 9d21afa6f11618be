import { describe, expect, it } from 'vitest';
import { peekDraft } from './peek';
import { KithDB } from './database';
import { freshFactory } from './testing/upgrade-harness';
import { draftsRepo } from './drafts.repo';

describe('peekDraft', () => {
	it('reads a draft that Dexie stored, and lets Dexie go on using the database', async () => {
		const options = freshFactory();
		const db = new KithDB('kith', options);
		const peek = (key: string) => peekDraft(key, 'kith', options.indexedDB);
		await draftsRepo(db).save('capture', { name: 'Ines' }, 5);
		expect(await peek('capture')).toEqual({
			key: 'capture',
			values: { name: 'Ines' },
			updatedAt: 5
		});
		expect(await peek('other')).toBeUndefined();
		await draftsRepo(db).save('capture', { name: 'Ines Ortiz' }, 6);
		expect((await peek('capture'))?.values).toEqual({ name: 'Ines Ortiz' });
	});

	it('never creates the database', async () => {
		const factory = new IDBFactory();
		expect(await peekDraft('capture', 'kith', factory)).toBeUndefined();
		expect(await factory.databases()).toEqual([]);
	});
});
