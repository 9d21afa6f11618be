import { describe, expect, it } from 'vitest';
import { claimDraft, peekDraft, peekSyncOn } from './peek';
import { peekNoContacts } from './peek-contacts';
import { KithDB } from './database';
import { freshFactory } from './testing/upgrade-harness';
import { makeContact } from './testing/factories';
import { toRow } from './contact-row';
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

	it('gives a draft left by a closed tab to one tab only, under that tab’s key', async () => {
		const options = freshFactory();
		const db = new KithDB('kith', options);
		await draftsRepo(db).save('capture@gone', { name: 'Ines' }, 5);
		await draftsRepo(db).save('capture:shared@gone', { items: [] }, 6);
		db.close();
		const claim = (tab: string) =>
			claimDraft('capture', tab, (t) => t === 'gone', 'kith', options.indexedDB);
		const [a, b] = await Promise.all([claim('a'), claim('b')]);
		const winner = a ?? b;
		expect([a, b].filter(Boolean)).toHaveLength(1);
		expect(winner?.from).toBe('capture@gone');
		expect(winner?.draft.values).toEqual({ name: 'Ines' });
		expect(await peekDraft('capture@gone', 'kith', options.indexedDB)).toBeUndefined();
		expect(await peekDraft(winner!.draft.key, 'kith', options.indexedDB)).toEqual(winner!.draft);
		// Another form's draft with a longer key is not a capture draft.
		expect(await peekDraft('capture:shared@gone', 'kith', options.indexedDB)).toBeDefined();
	});
});

describe('peekSyncOn', () => {
	it('says whether sync is on without creating or upgrading the database', async () => {
		const options = freshFactory();
		expect(await peekSyncOn('kith', options.indexedDB)).toBe(false);
		const db = new KithDB('kith', options);
		await db.open();
		expect(await peekSyncOn('kith', options.indexedDB)).toBe(false);
		await db.syncState.put({ key: 'config', value: { server: 'https://x' } });
		expect(await peekSyncOn('kith', options.indexedDB)).toBe(true);
		db.close();
	});
});

describe('peekNoContacts', () => {
	it('is true before the database exists, and never creates it', async () => {
		const options = freshFactory();
		expect(await peekNoContacts('kith', options.indexedDB)).toBe(true);
		expect(await peekNoContacts('kith', options.indexedDB)).toBe(true);
		expect(await options.indexedDB.databases()).toEqual([]);
	});

	it('is true while no contact is stored, trashed or not, and leaves the database to Dexie', async () => {
		const options = freshFactory();
		const db = new KithDB('kith', options);
		await db.open();
		await db.settings.put({ key: 'lastBackupAt', value: 1 });
		expect(await peekNoContacts('kith', options.indexedDB)).toBe(true);
		await db.contacts.put(toRow(makeContact({ deletedAt: Date.now() })));
		expect(await peekNoContacts('kith', options.indexedDB)).toBe(false);
		// Dexie goes on using it.
		await db.contacts.clear();
		expect(await db.contacts.count()).toBe(0);
		expect(await peekNoContacts('kith', options.indexedDB)).toBe(true);
		db.close();
	});
});
