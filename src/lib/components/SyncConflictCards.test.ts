import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { conflictId, type SyncConflict } from '$lib/domain/sync-conflict';
import SyncConflictCards from './SyncConflictCards.svelte';
import { IMG } from './test-fixtures';

function conflict(field: string, more: Partial<SyncConflict> = {}): SyncConflict {
	return {
		id: conflictId('contacts', 'c1', field),
		table: 'contacts',
		rowId: 'c1',
		field,
		kind: 'text',
		kept: 'Kept value',
		other: 'Other value',
		at: 1,
		...more
	};
}

const LABELS = { organization: 'Organisation', notes: 'Notes', tags: 'Tags' };

function setup(conflicts: SyncConflict[], more: Record<string, unknown> = {}) {
	const onChoose = vi.fn();
	const view = render(SyncConflictCards, {
		props: { conflicts, labels: LABELS, onChoose, ...more }
	});
	return { ...view, onChoose };
}

const card = (heading: string) =>
	screen.getByRole('heading', { level: 3, name: heading }).closest('div') as HTMLElement;

describe('SyncConflictCards', () => {
	it('shows nothing without conflicts', () => {
		const { container } = setup([]);
		expect(container).toHaveTextContent('');
		expect(screen.queryByRole('region')).toBeNull();
	});

	it('shows each field by its label, with the kept value and the other device’s', () => {
		setup([conflict('organization', { kept: 'City Library', other: 'County Library' })]);
		const region = screen.getByRole('region', { name: 'Changed on two devices' });
		const org = within(region).getByRole('heading', { level: 3, name: 'Organisation' });
		const terms = [...region.querySelectorAll('dt')].map((dt) => dt.textContent);
		const values = [...region.querySelectorAll('dd')].map((dd) => dd.textContent);
		expect(org).toBeTruthy();
		expect(terms).toEqual(['Kept', 'From the other device']);
		expect(values).toEqual(['City Library', 'County Library']);
	});

	it('gives a field with no label a readable name', () => {
		setup([conflict('nextFollowUpOn'), conflict('thank_you_sent')]);
		expect(screen.getByRole('heading', { level: 3, name: 'Next follow up on' })).toBeTruthy();
		expect(screen.getByRole('heading', { level: 3, name: 'Thank you sent' })).toBeTruthy();
	});

	it('shows lists joined, and nothing as (empty), unless the page formats them', async () => {
		const { rerender } = setup([
			conflict('tags', { kind: 'list', kept: ['library', 'archives'], other: null })
		]);
		let values = [...document.querySelectorAll('dd')].map((dd) => dd.textContent);
		expect(values).toEqual(['library, archives', '(empty)']);

		const format = vi.fn((field: string, value: unknown) =>
			Array.isArray(value) ? value.map((t) => `#${t}`).join(' ') : ''
		);
		await rerender({ format });
		values = [...document.querySelectorAll('dd')].map((dd) => dd.textContent);
		expect(values).toEqual(['#library #archives', '(empty)']);
		expect(format).toHaveBeenCalledWith(
			'tags',
			['library', 'archives'],
			expect.objectContaining({ field: 'tags' })
		);
	});

	it('passes on each choice with its conflict, and offers both only for long text', async () => {
		const org = conflict('organization');
		const notes = conflict('notes', {
			kind: 'long',
			kept: 'Met at the fair.',
			other: 'Met twice.'
		});
		const { onChoose } = setup([org, notes]);

		const orgCard = card('Organisation');
		expect(within(orgCard).queryByRole('button', { name: /Keep both/ })).toBeNull();
		await fireEvent.click(
			within(orgCard).getByRole('button', { name: 'Keep this (Organisation)' })
		);
		expect(onChoose).toHaveBeenLastCalledWith(org, 'kept');
		await fireEvent.click(
			within(orgCard).getByRole('button', { name: 'Use the other (Organisation)' })
		);
		expect(onChoose).toHaveBeenLastCalledWith(org, 'other');

		await fireEvent.click(screen.getByRole('button', { name: 'Keep both (Notes)' }));
		expect(onChoose).toHaveBeenLastCalledWith(notes, 'both');
		expect(onChoose).toHaveBeenCalledTimes(3);
	});

	it('asks about a record brought back by an edit: keep it or delete it', async () => {
		const revived = conflict('deletedAt', { kind: 'value', revived: true });
		const { onChoose } = setup([revived]);
		const region = screen.getByRole('region', { name: 'Changed on two devices' });
		expect(region).toHaveTextContent(
			'This was deleted on another device while it was being changed here, so Kith kept it.'
		);
		expect(within(region).queryByRole('button', { name: /Keep this/ })).toBeNull();
		expect(region.querySelector('dl')).toBeNull();
		await fireEvent.click(within(region).getByRole('button', { name: 'Keep it' }));
		expect(onChoose).toHaveBeenLastCalledWith(revived, 'kept');
		await fireEvent.click(within(region).getByRole('button', { name: 'Delete it' }));
		expect(onChoose).toHaveBeenLastCalledWith(revived, 'other');
	});

	it('offers to resolve all at once from two cards up', async () => {
		const onResolveAll = vi.fn();
		const { rerender } = setup([conflict('organization')], { onResolveAll });
		const name = 'Resolve all: keep what is shown';
		expect(screen.queryByRole('button', { name })).toBeNull();

		await rerender({ conflicts: [conflict('organization'), conflict('notes')] });
		await fireEvent.click(screen.getByRole('button', { name }));
		expect(onResolveAll).toHaveBeenCalledExactlyOnceWith('kept');

		await rerender({ onResolveAll: undefined });
		expect(screen.queryByRole('button', { name })).toBeNull();
	});

	it('shows what was typed as text, never as markup', () => {
		setup([conflict('notes', { kind: 'long', kept: IMG, other: `${IMG}\nsecond line` })]);
		const region = screen.getByRole('region', { name: 'Changed on two devices' });
		expect(region.querySelector('img')).toBeNull();
		expect(region).toHaveTextContent(IMG);
	});

	it('says which record a card is about when the page mixes records, labelled by table', async () => {
		const touch = (field: string, more: Partial<SyncConflict> = {}) =>
			conflict(field, {
				id: conflictId('interactions', 't1', field),
				table: 'interactions',
				rowId: 't1',
				...more
			});
		const summary = touch('summary', { kind: 'long' });
		const back = touch('deletedAt', { kind: 'value', revived: true });
		const notes = conflict('notes', { kind: 'long' });
		const { onChoose } = setup([notes, summary, back], {
			labels: (c: SyncConflict) =>
				c.table === 'interactions' && c.field === 'summary' ? 'What you talked about' : undefined,
			subject: (c: SyncConflict) => (c.table === 'interactions' ? 'Touchpoint on 3 Mar' : undefined)
		});
		expect(screen.getByRole('heading', { level: 3, name: 'Notes' })).toBeTruthy();
		const heading = 'Touchpoint on 3 Mar: What you talked about';
		await fireEvent.click(
			within(card(heading)).getByRole('button', { name: `Keep both (${heading})` })
		);
		expect(onChoose).toHaveBeenLastCalledWith(summary, 'both');
		const backCard = card('Touchpoint on 3 Mar: deleted on another device');
		await fireEvent.click(
			within(backCard).getByRole('button', { name: 'Delete it (Touchpoint on 3 Mar)' })
		);
		expect(onChoose).toHaveBeenLastCalledWith(back, 'other');
	});

	it('turns every button off while a choice is being saved', () => {
		setup([conflict('organization'), conflict('deletedAt', { revived: true })], {
			disabled: true,
			onResolveAll: vi.fn()
		});
		const buttons = screen.getAllByRole('button');
		expect(buttons.length).toBe(5);
		for (const b of buttons) expect(b).toBeDisabled();
	});

	it('takes the keyboard to the card in the place of one settled', async () => {
		const org = conflict('organization');
		const notes = conflict('notes', { kind: 'long' });
		const { rerender } = setup([org, notes]);
		await fireEvent.click(screen.getByRole('button', { name: 'Keep this (Organisation)' }));
		// Nothing moves until the card is gone: a choice that failed leaves it where it was.
		await rerender({ conflicts: [org, notes] });
		expect(document.activeElement?.tagName).not.toBe('H3');
		await rerender({ conflicts: [notes] });
		expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Notes' }));
	});
});
