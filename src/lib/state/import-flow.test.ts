import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '$lib/io/import/import-limits';
import type { PlanDigest } from '$lib/io/import/import-plan';
import type { ImportSession, JobOutcome } from '$lib/services/import/import-session';
import type { ImportReceipt } from '$lib/services/import/import.service';
import { ImportFlow, importSummary } from './import-flow.svelte';
import { dismissToast, toasts } from './toasts.svelte';

afterEach(() => {
	for (const t of toasts.list) dismissToast(t.id);
});

const digest: PlanDigest = { total: 3, duplicates: [], kept: [], drafts: [] };
const preview = (kind: 'generic' | 'linkedin' = 'generic'): JobOutcome => ({
	kind,
	problems: [],
	digest,
	targets: new Map()
});
const counts = { added: 3, updated: 0, skipped: 0, unchanged: 0, combined: 0 };
const receipt = { counts, at: 1, addedIds: ['a', 'b', 'c'], before: [], extrasBefore: {} };

function fakeSession(outcomes: Partial<Record<'read' | 'map', JobOutcome>> = {}) {
	return {
		read: vi.fn(async (_file: Blob, _name: string, progress: (d: number, t: number) => void) => {
			progress(1, 2);
			return outcomes.read ?? preview();
		}),
		map: vi.fn(async () => outcomes.map ?? preview()),
		run: vi.fn(async (): Promise<ImportReceipt> => receipt),
		close: vi.fn()
	} satisfies ImportSession;
}

function flowWith(session: ImportSession) {
	const undo = vi.fn(async () => ({ removed: 3, restored: 0 }));
	const open = vi.fn(() => session);
	return { flow: new ImportFlow({ open, undo }), open, undo };
}

const file = (size = 10) => new File(['x'.repeat(size)], 'contacts.csv');

describe('ImportFlow', () => {
	it('reads a file, asks for the columns, previews, saves, and takes the import back', async () => {
		const session = fakeSession({
			read: {
				kind: 'mapping',
				headers: ['Who'],
				sample: [],
				rowCount: 3,
				mapping: [null],
				problems: []
			}
		});
		const { flow, open, undo } = flowWith(session);
		flow.warm();
		expect(open).toHaveBeenCalledTimes(1);

		await flow.choose(file());
		expect(open).toHaveBeenCalledTimes(1);
		expect(flow.fileName).toBe('contacts.csv');
		expect(flow.progress).toEqual({ label: 'Reading contacts.csv…', done: 1, total: 2 });
		expect(flow.step).toBe('mapping');
		expect(flow.mapping?.headers).toEqual(['Who']);

		await flow.applyMapping(['name']);
		expect(session.map).toHaveBeenCalledWith(['name'], expect.any(Function));
		expect(flow.step).toBe('preview');
		expect(flow.counts).toMatchObject({ added: 3, updated: 0, skipped: 0 });

		expect(await flow.run()).toBe(true);
		expect(session.run).toHaveBeenCalledWith(
			expect.objectContaining({ all: 'merge', prefer: 'existing' }),
			expect.any(Function)
		);
		expect(flow.step).toBe('done');
		expect(flow.receipt).toBe(receipt);
		expect(session.close).toHaveBeenCalled();
		expect(toasts.list.map((t) => [t.message, t.actionLabel])).toEqual([
			['Import done: 3 added, 0 updated, 0 skipped.', 'Undo']
		]);

		await flow.undo();
		expect(undo).toHaveBeenCalledWith(receipt);
		expect(flow.step).toBe('undone');
		expect(flow.undone).toEqual({ removed: 3, restored: 0 });
		// Once taken back, a second Undo does nothing.
		await flow.undo(receipt);
		expect(undo).toHaveBeenCalledTimes(1);
	});

	it('refuses a file over the limit before reading a byte', async () => {
		const session = fakeSession();
		const { flow } = flowWith(session);
		await flow.choose(file(MAX_IMPORT_BYTES + 1));
		expect(flow.step).toBe('pick');
		expect(flow.error).toMatch(/Kith imports files up to 20 MB/);
		expect(session.read).not.toHaveBeenCalled();
	});

	it('says why a file could not be read, and that nothing was imported', async () => {
		const { flow } = flowWith(fakeSession({ read: { kind: 'error', message: 'Not a CSV.' } }));
		await flow.choose(file());
		expect(flow.step).toBe('pick');
		expect(flow.error).toBe('Not a CSV. Nothing was imported.');

		const broken = fakeSession();
		broken.read.mockRejectedValueOnce(new Error('The import stopped.'));
		const second = flowWith(broken).flow;
		await second.choose(file());
		expect(second.error).toBe('The import stopped. Nothing was imported.');
	});

	it('names the first problem when no row could be read', async () => {
		const { flow } = flowWith(
			fakeSession({
				read: {
					kind: 'generic',
					problems: [{ line: 2, reason: 'No name.' }],
					digest: { ...digest, total: 0 },
					targets: new Map()
				}
			})
		);
		await flow.choose(file());
		expect(flow.step).toBe('pick');
		expect(flow.error).toBe(
			'No row of this file could be read as a contact (line 2: No name.). Nothing was imported.'
		);
	});

	it('tags LinkedIn imports, and a failed save keeps the preview', async () => {
		const session = fakeSession({ read: preview('linkedin') });
		session.run.mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
		const { flow } = flowWith(session);
		await flow.choose(file());
		expect(flow.decisions.tag).toBe('LinkedIn');
		flow.choices.set(0, 'skip');
		flow.chooseAll('add');
		expect(flow.choiceOf(0)).toBe('add');

		expect(await flow.run()).toBe(false);
		expect(flow.step).toBe('preview');
		expect(session.close).not.toHaveBeenCalled();
		expect(toasts.list.map((t) => t.tone)).toEqual(['error']);
	});

	it('a save under way finishes when the page goes away; an idle session is closed', async () => {
		let finish!: (r: ImportReceipt) => void;
		const session = fakeSession();
		session.run.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
		const { flow } = flowWith(session);
		await flow.choose(file());
		const saving = flow.run();
		expect(flow.step).toBe('saving');
		flow.close();
		expect(session.close).not.toHaveBeenCalled();
		finish(receipt);
		expect(await saving).toBe(true);
		expect(session.close).toHaveBeenCalled();

		const idle = fakeSession();
		const other = flowWith(idle).flow;
		await other.choose(file());
		other.close();
		expect(idle.close).toHaveBeenCalled();
	});

	it('writes the summary with thousands separators', () => {
		expect(importSummary({ ...counts, added: 5000 })).toBe(
			'Import done: 5,000 added, 0 updated, 0 skipped.'
		);
	});
});
