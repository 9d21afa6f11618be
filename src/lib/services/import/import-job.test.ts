// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import type { ImportDecisions } from '$lib/io/import/import-plan';
import { FORGOTTEN, ImportJob } from './import-job';
import { fromWire, toWire } from './import-messages';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A Connections.csv with `n` people, the second of them a kept contact's LinkedIn profile. */
function connections(n: number) {
	const lines = [
		'Notes:',
		'"Some emails are missing."',
		'',
		'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
	];
	for (let i = 0; i < n; i++)
		lines.push(`P${i},Q${i},https://www.linkedin.com/in/p-${i},,Org ${i % 7},,15 Mar 2024`);
	return bytes(lines.join('\n'));
}

const decide = (fields: Partial<ImportDecisions> = {}): ImportDecisions => ({
	choices: new Map(),
	all: 'merge',
	prefer: 'existing',
	tag: 'LinkedIn',
	...fields
});

async function seeded() {
	const db = testDb();
	const kept = makeContact({ name: 'Pat One', links: ['https://linkedin.com/in/p-1/'] });
	await repos(db).contacts.bulkPut([kept]);
	return { db, kept, job: new ImportJob(db) };
}

describe('ImportJob', () => {
	it('hands the page a digest of the rows in duplicates, not every row', async () => {
		const { kept, job } = await seeded();
		const outcome = await job.read(connections(1200), 'Connections.csv', () => {});
		if (!('digest' in outcome)) throw new Error(`no preview: ${outcome.kind}`);
		expect(outcome.kind).toBe('linkedin');
		expect(outcome.digest.total).toBe(1200);
		expect(outcome.digest.drafts.map((d) => d.line)).toEqual([6]);
		expect(outcome.digest.duplicates).toMatchObject([
			{ index: 1, row: { line: 6, name: 'P1 Q1' }, target: { kind: 'existing', id: kept.id } }
		]);
		expect([...outcome.targets.keys()]).toEqual([kept.id]);
	});

	it('writes every row in one go, saying how far it has got, searchable at once', async () => {
		const { db, kept, job } = await seeded();
		await job.read(connections(1200), 'Connections.csv', () => {});
		const progress = vi.fn();
		const receipt = await job.run(decide(), progress);
		expect(receipt.counts).toMatchObject({ added: 1199, updated: 1, skipped: 0 });
		expect(progress).toHaveBeenLastCalledWith(1200, 1200);
		expect(progress.mock.calls.length).toBeGreaterThan(2);
		const r = repos(db).contacts;
		expect(await r.countLive()).toBe(1200);
		expect((await r.get(kept.id))?.tags).toEqual(['LinkedIn']);
		expect((await r.search({ query: 'p1199' })).contacts.map((c) => c.name)).toEqual([
			'P1199 Q1199'
		]);
	});

	it('keeps the rows after a failed write, so the person can try again', async () => {
		const { db, job } = await seeded();
		await job.read(connections(600), 'Connections.csv', () => {});
		vi.spyOn(db.contacts, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
		await expect(job.run(decide(), () => {})).rejects.toThrow('disk full');
		expect(await db.contacts.count()).toBe(1);
		vi.restoreAllMocks();
		expect((await job.run(decide(), () => {})).counts.added).toBe(599);
		expect(await db.contacts.count()).toBe(600);
		// Written once: the rows are let go.
		await expect(job.run(decide(), () => {})).rejects.toThrow(FORGOTTEN);
	});

	it('waits for a mapping for any other CSV, then previews the mapped rows', async () => {
		const { job } = await seeded();
		const csv = bytes('Full name,Mail\nAda Lovelace,ada@example.org\nSam Lee,sam@example.org\n');
		const first = await job.read(csv, 'people.csv', () => {});
		if (first.kind !== 'mapping') throw new Error(`expected a mapping, got ${first.kind}`);
		expect(first.headers).toEqual(['Full name', 'Mail']);
		await expect(job.run(decide(), () => {})).rejects.toThrow(FORGOTTEN);
		const mapped = await job.map(['name', 'email'], () => {});
		if (!('digest' in mapped)) throw new Error(`no preview: ${mapped.kind}`);
		expect(mapped.digest.total).toBe(2);
		expect((await job.run(decide({ tag: undefined }), () => {})).counts.added).toBe(2);
	});

	it('says when a file has no row to import, and asks for the file again after a reload', async () => {
		const { job } = await seeded();
		const empty = await job.read(
			bytes('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,,,,\n'),
			'Connections.csv',
			() => {}
		);
		expect('digest' in empty && empty.digest.total).toBe(0);
		await expect(new ImportJob(testDb()).map(['name'], () => {})).rejects.toThrow(FORGOTTEN);
	});
});

describe('errors crossing from the worker', () => {
	it('keep their names and causes, which the page turns into its messages', () => {
		const inner = Object.assign(new Error('no room'), { name: 'QuotaExceededError' });
		const dexie = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner });
		const back = fromWire(structuredClone(toWire(dexie)));
		expect(back).toBeInstanceOf(Error);
		expect(back.name).toBe('AbortError');
		expect(back.message).toBe('Transaction aborted');
		expect(back.inner?.name).toBe('QuotaExceededError');
		expect(fromWire(toWire('plain text')).message).toBe('plain text');
	});
});
