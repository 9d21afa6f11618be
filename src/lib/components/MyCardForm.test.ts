import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { emptyMyCardForm, parseMyCardForm } from '$lib/domain/my-card';
import MyCardForm from './MyCardForm.svelte';

function setup(overrides: Record<string, unknown> = {}) {
	const props = {
		values: emptyMyCardForm(),
		errors: {},
		onChange: vi.fn(),
		onSubmit: vi.fn(),
		...overrides
	};
	render(MyCardForm, { props });
	return props;
}

describe('MyCardForm', () => {
	it('labels every field and reports each change', async () => {
		const props = setup();
		await fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Ama' } });
		expect(props.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Ama' }));
		await fireEvent.input(screen.getByLabelText('Headline'), { target: { value: 'Archivist' } });
		expect(props.onChange).toHaveBeenLastCalledWith(
			expect.objectContaining({ headline: 'Archivist' })
		);
		await fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'a@example.org' } });
		await fireEvent.input(screen.getByLabelText('Phone'), { target: { value: '+1 555' } });
		await fireEvent.input(screen.getByLabelText('Link'), { target: { value: 'ama.example.org' } });
		expect(props.onChange).toHaveBeenLastCalledWith(
			expect.objectContaining({ links: ['ama.example.org'] })
		);
	});

	it('shows the validation messages beside their fields', () => {
		const values = {
			...emptyMyCardForm(),
			email: 'ama@',
			phone: 'call me',
			links: ['https://ok.example.org', 'javascript:alert(1)']
		};
		const parsed = parseMyCardForm(values);
		expect(parsed.ok).toBe(false);
		setup({ values, errors: parsed.ok ? {} : parsed.errors });
		expect(screen.getByLabelText('Your name')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription(
			'Add your name, so people know whose card it is.'
		);
		expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
			'That email address does not look complete (name@example.org).'
		);
		expect(screen.getByLabelText('Phone')).toHaveAccessibleDescription(
			'Use digits, spaces and + ( ) - only.'
		);
		expect(screen.getByLabelText('Link')).not.toHaveAttribute('aria-invalid');
		expect(screen.getByLabelText('Link 2')).toHaveAccessibleDescription(
			'Only web links that start with http:// or https:// can be saved.'
		);
	});

	it('adds and removes links', async () => {
		const props = setup({ values: { ...emptyMyCardForm(), links: ['a.example.org'] } });
		await fireEvent.click(screen.getByRole('button', { name: '+ Add another link' }));
		expect(props.onChange).toHaveBeenLastCalledWith(
			expect.objectContaining({ links: ['a.example.org', ''] })
		);
	});

	it('removes a link', async () => {
		const props = setup({ values: { ...emptyMyCardForm(), links: ['a.org', 'b.org'] } });
		await fireEvent.click(screen.getByRole('button', { name: 'Remove link 1' }));
		expect(props.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ links: ['b.org'] }));
	});

	it('saves', async () => {
		const props = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Save my card' }));
		expect(props.onSubmit).toHaveBeenCalledOnce();
	});
});
