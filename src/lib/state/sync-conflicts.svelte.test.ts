import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRepos } from '$lib/db';
import { makeContact } from '$lib/db/testing/factories';
import { conflictId, type SyncConflict } from '$lib/domain/sync-conflict';
import { contactConflicts } from './reads/sync.reads';
import { settledMessage, syncConflictCards } from './sync-conflicts.svelte';
import { dismissToast, toasts } from './toasts.svelte';

function card(rowId: string, field: string, more: Partial<SyncConflict> = {}): SyncConflict {
	return {
		id: conflictId('contacts', rowId, field),
		table: 'contacts',
		rowId,
		field,
		kind: 'text',
		kept: 'A',
		other: 'B',
		at: 1,
		...more
	};
}

afterEach(async () => {
	for (const t of toasts.list) dismissToast(t.id);
	await getRepos().conflicts.clear();
});

describe("a record page's cards", () => {
	it('say what each choice did', () => {
		const c = card('c1', 'organization');
		expect(settledMessage(c, 'kept')).toBe('Kept.');
		expect(settledMessage(c, 'other')).toBe('Updated from the other device.');
		expect(settledMessage(c, 'both')).toBe('Kept both.');
		const back = card('c1', 'deletedAt', { revived: true });
		expect(settledMessage(back, 'kept')).toBe('Kept.');
		expect(settledMessage(back, 'other')).toBe('Moved to the trash.');
		expect(settledMessage({ ...back, table: 'pitches' }, 'other')).toBe('Deleted.');
	});

	it('follow the record, settle a choice with a message, and resolve only their own', async () => {
		const r = getRepos();
		const ana = makeContact({ name: 'Ana', organization: 'A', circle: 'friends' });
		await r.contacts.put(ana);
		const org = card(ana.id, 'organization');
		const circle = card(ana.id, 'circle', { kind: 'value', kept: 'friends', other: 'gym' });
		const role = card(ana.id, 'role');
		const elsewhere = card('someone-else', 'name');
		await r.conflicts.bulkPut([org, circle, role, elsewhere]);

		let cards!: ReturnType<typeof syncConflictCards>;
		const stop = $effect.root(() => {
			cards = syncConflictCards(() => contactConflicts(ana.id));
		});
		try {
			await vi.waitFor(() => expect(cards.data.value.conflicts).toHaveLength(3));
			expect(cards.labels(org)).toBe('Organisation');
			expect(cards.format('circle', 'gym', circle)).toBe('Gym');
			expect(cards.subject(org)).toBeUndefined();

			await cards.choose(org, 'other');
			expect((await r.contacts.get(ana.id))?.organization).toBe('B');
			expect(toasts.list.map((t) => t.message)).toEqual(['Updated from the other device.']);
			await vi.waitFor(() => expect(cards.data.value.conflicts).toHaveLength(2));

			await cards.keepShown();
			expect((await r.conflicts.all()).map((c) => c.id)).toEqual([elsewhere.id]);
			expect((await r.contacts.get(ana.id))?.circle).toBe('friends');
			expect(toasts.list.at(-1)?.message).toBe('Kept what was shown.');
		} finally {
			stop();
		}
	});
});
