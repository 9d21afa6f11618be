import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Field, { type FieldControl } from './Field.svelte';

const input = createRawSnippet((control: () => FieldControl) => ({
	render: () => {
		const a = control();
		const described = a['aria-describedby'] ? ` aria-describedby="${a['aria-describedby']}"` : '';
		const invalid = a['aria-invalid'] ? ` aria-invalid="${a['aria-invalid']}"` : '';
		return `<input id="${a.id}"${invalid}${described} />`;
	}
}));

describe('Field', () => {
	it('names the control by its label and describes it by the hint', () => {
		render(Field, {
			props: { id: 'f-name', label: 'Name', hint: 'As they said it.', children: input }
		});
		const box = screen.getByRole('textbox', { name: 'Name' });
		expect(box).toHaveAccessibleDescription('As they said it.');
		expect(box).not.toHaveAttribute('aria-invalid');
	});

	it('puts the error in the hint’s place and marks the control invalid', () => {
		render(Field, {
			props: {
				id: 'f-name',
				label: 'Name',
				hint: 'As they said it.',
				error: 'Add a name.',
				children: input
			}
		});
		const box = screen.getByRole('textbox', { name: 'Name' });
		expect(box).toHaveAccessibleDescription('Add a name.');
		expect(box).toHaveAttribute('aria-invalid', 'true');
		expect(screen.queryByText('As they said it.')).toBeNull();
		expect(document.getElementById('f-name-error')).toHaveTextContent('Add a name.');
	});

	it('keeps the hint under the error when asked', () => {
		render(Field, {
			props: {
				id: 'f-when',
				label: 'When',
				hint: 'Past is fine.',
				error: 'Pick a date.',
				keepHint: true,
				children: input
			}
		});
		expect(screen.getByRole('textbox', { name: 'When' })).toHaveAccessibleDescription(
			'Past is fine. Pick a date.'
		);
	});

	it('describes nothing when there is neither hint nor error', () => {
		render(Field, { props: { id: 'f-x', label: 'X', children: input } });
		expect(screen.getByRole('textbox', { name: 'X' })).not.toHaveAttribute('aria-describedby');
	});
});
