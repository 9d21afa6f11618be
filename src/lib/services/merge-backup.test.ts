// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { readSnapshot } from '$lib/db/snapshot';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { defaultChoices } from '$lib/domain/merge';
import { exportBackup, readBackup, restoreBackup } from './backup.service';
import { addIntroRequest } from './intro-requests.service';
import { mergeContacts } from './merge.service';

describe('intro requests and merged contacts in a backup', () => {
	it('come back from a backup as they were', async () => {
		const db = testDb();
		const r = repos(db);
		const keep = makeContact({ name: 'Maya' });
		const other = makeContact({ name: 'Maya L.' });
		await r.contacts.bulkPut([keep, other]);
		await addIntroRequest(db, other.id, 'The head archivist');
		const merged = await mergeContacts(db, keep.id, other.id, defaultChoices(keep, other));
		expect(merged.ok).toBe(true);

		const { text } = await exportBackup(db, { appVersion: 'test' });
		// Taken after the backup, which the restored phone counts as its own too (lastBackupAt).
		const before = await readSnapshot(db);
		const fresh = testDb();
		await restoreBackup(fresh, await readBackup(text), { mode: 'replace' });
		expect(await readSnapshot(fresh)).toEqual(before);
		expect((await repos(fresh).contacts.get(keep.id))?.introRequests?.[0]?.who).toBe(
			'The head archivist'
		);
		expect((await repos(fresh).contacts.get(other.id))?.mergedIntoId).toBe(keep.id);
	});
});
