import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { emptyContactForm } from '$lib/domain/contact';
import ContactForm from './ContactForm.svelte';

function setup(overrides: Record<string, unknown> = {}) {
	const props = {
		values: emptyContactForm('2026-03-03'),
		errors: {},
		mode: 'capture' as const,
		onChange: vi.fn(),
		onSearchContacts: vi.fn().mockResolvedValue([]),
		onPickIntroducer: vi.fn(),
		onSubmit: vi.fn(),
		...overrides
	};
	render(ContactForm, { props });
	return props;
}

describe('ContactForm', () => {
	it('labels its fields and reports each change', async () => {
		const props = setup();
		await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ama' } });
		expect(props.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Ama' }));
		await fireEvent.click(screen.getByLabelText('Alumni'));
		expect(props.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ circle: 'alumni' }));
		expect(screen.getByLabelText('Met on')).toHaveValue('2026-03-03');
	});

	it('folds optional fields away until asked, and opens them when they hold something', async () => {
		setup();
		expect(screen.queryByLabelText('Organisation')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: /more details/i }));
		expect(screen.getByLabelText('Organisation')).toBeInTheDocument();
	});

	it('shows errors beside their fields', () => {
		setup({
			values: { ...emptyContactForm(), emails: ['bad'] },
			errors: {
				name: 'Add a name, even just a first name.',
				'emails.0': 'That email address does not look complete.'
			}
		});
		expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(
			'Add a name, even just a first name.'
		);
		expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/email address/);
	});

	it('saves, or saves and keeps going', async () => {
		const props = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(props.onSubmit).toHaveBeenLastCalledWith(false);
		await fireEvent.click(screen.getByRole('button', { name: 'Save and add another' }));
		expect(props.onSubmit).toHaveBeenLastCalledWith(true);
	});

	it('renders markup typed by the user as text', () => {
		setup({
			values: { ...emptyContactForm(), name: '<img src=x onerror=alert(1)>' },
			mode: 'edit'
		});
		expect(screen.getByLabelText('Name')).toHaveValue('<img src=x onerror=alert(1)>');
		expect(document.querySelector('img')).toBeNull();
	});
});
