import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ImportMapping from './ImportMapping.svelte';

function setup() {
	const onContinue = vi.fn();
	render(ImportMapping, {
		props: {
			headers: ['Full name', 'Mail', 'About'],
			sample: [{ line: 2, cells: ['Ines Moreau', 'ines@example.org', 'Met at the fair'] }],
			rowCount: 1,
			initial: ['name', 'email', null],
			busy: false,
			onContinue,
			onCancel: vi.fn()
		}
	});
	return { onContinue };
}

const preview = () =>
	screen.getByRole('list', { name: 'How the first rows will read' }).textContent;

describe('ImportMapping', () => {
	it('starts from the guess and shows the first rows as they would be read', () => {
		setup();
		expect(screen.getByLabelText('Column “Full name”')).toHaveProperty('value', 'name');
		expect(screen.getByLabelText('Column “About”')).toHaveProperty('value', '');
		expect(preview()).toContain('Ines Moreau');
		expect(preview()).not.toContain('Met at the fair');
	});

	it('updates the preview as columns change, and passes the mapping on', async () => {
		const { onContinue } = setup();
		await fireEvent.change(screen.getByLabelText('Column “About”'), { target: { value: 'notes' } });
		expect(preview()).toContain('Met at the fair');
		await fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onContinue).toHaveBeenCalledWith(['name', 'email', 'notes']);
	});

	it('asks for a name column before going on', async () => {
		setup();
		await fireEvent.change(screen.getByLabelText('Column “Full name”'), { target: { value: '' } });
		expect(screen.getByRole('alert').textContent).toMatch(/Choose the column with the names/);
		expect(screen.getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
	});
});
