// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import type { ImportDecisions, ImportDraft } from '$lib/io/import/import-plan';
import { previewImport, runImport, undoImport } from './import.service';
import { exportAllVCards } from '../export.service';

function draft(line: number, fields: Partial<ImportDraft> = {}): ImportDraft {
	return { line, name: `Person ${line}`, emails: [], phones: [], links: [], tags: [], ...fields };
}

const decide = (fields: Partial<ImportDecisions> = {}): ImportDecisions => ({
	choices: new Map(),
	all: 'merge',
	prefer: 'existing',
	...fields
});

async function seeded() {
	const db = testDb();
	const ada = makeContact({ name: 'Ada Lovelace', emails: ['ada@example.org'] });
	const gone = makeContact({ name: 'Trashed', emails: ['gone@example.org'], deletedAt: 5 });
	await repos(db).contacts.bulkPut([ada, gone]);
	return { db, ada, gone };
}

const drafts = [
	draft(2, {
		name: 'Ada L.',
		emails: ['ADA@example.org'],
		role: 'Archivist',
		extra: ['BDAY:18151210']
	}),
	draft(3, { name: 'Trashed', emails: ['gone@example.org'] }),
	draft(4, { name: 'Sam Lee', extra: ['X-SHOE:38'] })
];

describe('import service', () => {
	it('previews against live contacts only', async () => {
		const { db, ada } = await seeded();
		const { plan, targets } = await previewImport(db, drafts);
		expect(plan.duplicates.map((d) => d.index)).toEqual([0]);
		expect([...targets.keys()]).toEqual([ada.id]);
	});

	it('writes new and merged contacts with their vCard lines, searchable at once', async () => {
		const { db, ada } = await seeded();
		const { plan } = await previewImport(db, drafts);
		const receipt = await runImport(db, plan, decide({ tag: 'Imported' }), 2_000_000_000_000);
		expect(receipt.counts).toEqual({ added: 2, updated: 1, skipped: 0, unchanged: 0, combined: 0 });
		const r = repos(db).contacts;
		expect(await r.countLive()).toBe(3);
		expect(await r.get(ada.id)).toMatchObject({
			name: 'Ada Lovelace',
			role: 'Archivist',
			tags: ['Imported'],
			updatedAt: 2_000_000_000_000
		});
		expect((await db.contactExtras.get(ada.id))?.lines).toEqual(['BDAY:18151210']);
		const sam = (await r.search({ query: 'sam' })).contacts;
		expect(sam.map((c) => c.name)).toEqual(['Sam Lee']);
		expect((await exportAllVCards(db)).text).toContain('X-SHOE:38');
	});

	it('writes nothing when any part of the write fails', async () => {
		const { db } = await seeded();
		const { plan } = await previewImport(db, drafts);
		vi.spyOn(db.contactExtras, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
		await expect(runImport(db, plan, decide())).rejects.toThrow('disk full');
		expect(await db.contacts.count()).toBe(2);
		expect(await db.contactExtras.count()).toBe(0);
		expect(
			(await repos(db).contacts.get((await db.contacts.toArray())[0]!.id))?.role
		).toBeUndefined();
	});

	it('undoes an import: new contacts go, merged ones return to how they were', async () => {
		const { db, ada } = await seeded();
		await db.contactExtras.put({ contactId: ada.id, lines: ['NICKNAME:Countess'], updatedAt: 1 });
		const { plan } = await previewImport(db, drafts);
		const receipt = await runImport(db, plan, decide());
		expect((await db.contactExtras.get(ada.id))?.lines).toEqual([
			'NICKNAME:Countess',
			'BDAY:18151210'
		]);
		const undone = await undoImport(db, receipt);
		expect(undone).toEqual({ removed: 2, restored: 1 });
		expect(await repos(db).contacts.get(ada.id)).toEqual(ada);
		expect(await db.contacts.count()).toBe(2);
		expect((await db.contactExtras.toArray()).map((e) => e.lines)).toEqual([['NICKNAME:Countess']]);
	});

	it('leaves a merged contact edited after the import as it is on undo', async () => {
		const { db, ada } = await seeded();
		const { plan } = await previewImport(db, drafts);
		const receipt = await runImport(db, plan, decide(), 2_000_000_000_000);
		const r = repos(db).contacts;
		await r.put({ ...(await r.get(ada.id))!, notes: 'Edited later', updatedAt: 2_000_000_500_000 });
		expect(await undoImport(db, receipt)).toEqual({ removed: 2, restored: 0 });
		expect((await r.get(ada.id))?.notes).toBe('Edited later');
	});
});
