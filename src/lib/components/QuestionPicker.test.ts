import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '$lib/domain/interview';
import QuestionPicker from './QuestionPicker.svelte';

const q = (id: string, text: string, fields: Partial<Question> = {}): Question => ({
	id,
	category: 'path',
	text,
	builtIn: true,
	createdAt: 1,
	updatedAt: 1,
	version: 1,
	...fields
});

function setup(
	picked = [
		{ questionId: 'a', text: 'Alpha?' },
		{ questionId: 'b', text: 'Beta?' }
	]
) {
	const props = {
		bank: [
			q('a', 'Alpha?'),
			q('b', 'Beta?'),
			q('mine', 'My own?', { builtIn: false }),
			q('old', 'Old one?', { builtIn: false, archived: true })
		],
		picked,
		onChange: vi.fn(),
		onAdd: vi.fn(async () => ({ ok: false as const, error: 'Type the question first.' })),
		onEdit: vi.fn(async () => ({ ok: true as const })),
		onArchive: vi.fn()
	};
	render(QuestionPicker, { props });
	return props;
}

describe('QuestionPicker', () => {
	it('moves and removes questions; the first cannot move up', async () => {
		const p = setup();
		const list = screen.getByRole('list', { name: 'Questions for this interview' });
		expect(within(list).getByRole('button', { name: 'Move up: Alpha?' })).toBeDisabled();
		await fireEvent.click(within(list).getByRole('button', { name: 'Move down: Alpha?' }));
		expect(p.onChange).toHaveBeenLastCalledWith([
			{ questionId: 'b', text: 'Beta?' },
			{ questionId: 'a', text: 'Alpha?' }
		]);
		await fireEvent.click(within(list).getByRole('button', { name: 'Remove: Beta?' }));
		expect(p.onChange).toHaveBeenLastCalledWith([{ questionId: 'a', text: 'Alpha?' }]);
	});

	it('picks from the bank and unpicks again', async () => {
		const p = setup([]);
		await fireEvent.click(screen.getByRole('checkbox', { name: 'My own?' }));
		expect(p.onChange).toHaveBeenLastCalledWith([
			{ questionId: 'mine', text: 'My own?', category: 'path' }
		]);
	});

	it('shows why a question of your own was not added', async () => {
		const p = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Add to this interview' }));
		expect(p.onAdd).toHaveBeenCalled();
		expect(await screen.findByText('Type the question first.')).toBeInTheDocument();
	});

	it('edits and archives only your own questions, and brings archived ones back', async () => {
		const p = setup();
		expect(screen.queryByRole('button', { name: 'Edit: Alpha?' })).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Edit: My own?' }));
		await fireEvent.input(screen.getByLabelText('Edit your question'), {
			target: { value: 'Changed?' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
		expect(p.onEdit).toHaveBeenCalledWith('mine', { category: 'path', text: 'Changed?' });
		await fireEvent.click(screen.getByRole('button', { name: 'Archive: My own?' }));
		expect(p.onArchive).toHaveBeenCalledWith('mine', true);
		await fireEvent.click(screen.getByRole('button', { name: 'Archived (1)' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Bring back: Old one?' }));
		expect(p.onArchive).toHaveBeenCalledWith('old', false);
	});
});
