import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Duplicate } from '$lib/io/import/import-plan';
import ImportPreview from './ImportPreview.svelte';

const duplicates: Duplicate[] = [
	{
		index: 0,
		row: { line: 5, name: 'Ada Lovelace', organization: 'Engines' },
		target: { kind: 'existing', id: 'a', name: 'Ada Lovelace', organization: 'Engines' },
		reasons: ['email', 'name']
	}
];

function setup(
	counts = { added: 1, updated: 1, skipped: 0, unchanged: 0, combined: 0 },
	lists: { duplicates: Duplicate[]; problems: { line: number; reason: string }[] } = {
		duplicates,
		problems: [{ line: 9, reason: 'This row has no name, so it was not imported.' }]
	}
) {
	const props = {
		fileName: 'Connections.csv',
		source: 'LinkedIn connections',
		total: 2,
		duplicates: lists.duplicates,
		counts,
		choiceOf: () => 'merge' as const,
		prefer: 'existing' as const,
		problems: lists.problems,
		busy: false,
		onChoose: vi.fn(),
		onChooseAll: vi.fn(),
		onPrefer: vi.fn(),
		onImport: vi.fn(),
		onCancel: vi.fn()
	};
	render(ImportPreview, { props });
	return props;
}

describe('ImportPreview', () => {
	it('shows the counts, each duplicate with its reasons, and the unreadable rows by line', () => {
		setup();
		const counts = screen.getByRole('list', { name: 'What the import will do' });
		expect(counts.textContent).toMatch(/1\s*new contact/);
		expect(counts.textContent).toMatch(/1\s*problem found while reading/);
		const group = screen.getByRole('group', { name: 'Line 5: Ada Lovelace (Engines)' });
		expect(group.textContent?.replace(/\s+/g, ' ')).toContain(
			'in your contacts (same email, same name and organisation)'
		);
		expect(within(group).getByRole('radio', { name: 'Merge' })).toHaveProperty('checked', true);
		const problems = screen.getByRole('list', { name: 'Rows that could not be read' });
		expect(problems.textContent).toContain('Line 9: This row has no name');
	});

	it('passes up a choice for one duplicate, for all, and the merge preference', async () => {
		const props = setup();
		const group = screen.getByRole('group', { name: 'Line 5: Ada Lovelace (Engines)' });
		await fireEvent.click(within(group).getByRole('radio', { name: 'Skip' }));
		expect(props.onChoose).toHaveBeenCalledWith(0, 'skip');
		await fireEvent.click(screen.getByRole('button', { name: 'Add all anyway' }));
		expect(props.onChooseAll).toHaveBeenCalledWith('add');
		await fireEvent.click(screen.getByRole('checkbox', { name: /use the file’s value/ }));
		expect(props.onPrefer).toHaveBeenCalledWith('incoming');
		await fireEvent.click(screen.getByRole('button', { name: 'Import 2 contacts' }));
		expect(props.onImport).toHaveBeenCalled();
	});

	it('offers no import when nothing would be written', () => {
		setup({ added: 0, updated: 0, skipped: 1, unchanged: 1, combined: 0 });
		expect(screen.getByRole('button', { name: 'Nothing to import' })).toHaveProperty(
			'disabled',
			true
		);
	});

	it('draws a screenful of duplicates and problems first, and the rest on request', async () => {
		const n = 73;
		const many: Duplicate[] = Array.from({ length: n }, (_, i) => ({
			index: i,
			row: { line: i + 2, name: `Person ${i}` },
			target: { kind: 'row', index: 0, line: 1, name: `Person ${i}` },
			reasons: ['name']
		}));
		const problems = Array.from({ length: n }, (_, i) => ({ line: i + 100, reason: 'No name.' }));
		setup(undefined, { duplicates: many, problems });
		const drawn = () => screen.queryAllByRole('group', { name: /^Line \d+: Person/ }).length;
		const problemRows = () =>
			within(screen.getByRole('list', { name: 'Rows that could not be read' })).getAllByRole(
				'listitem'
			).length;
		expect(drawn()).toBe(10);
		expect(problemRows()).toBe(10);
		await fireEvent.click(
			screen.getByRole('button', { name: `Show more duplicates (${n - 10} left)` })
		);
		expect(drawn()).toBe(60);
		await fireEvent.click(
			screen.getByRole('button', { name: `Show more duplicates (${n - 60} left)` })
		);
		expect(drawn()).toBe(n);
		expect(screen.queryByRole('button', { name: /Show more duplicates/ })).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: `Show more (${n - 10} left)` }));
		expect(problemRows()).toBe(60);
	});
});
