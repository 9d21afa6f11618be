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
		expect(await screen.findByLabelText('Organisation')).toBeInTheDocument();
	});

	it('shows errors beside their fields', async () => {
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
		expect(await screen.findByLabelText('Email')).toHaveAccessibleDescription(/email address/);
	});

	it('saves, or saves and keeps going', async () => {
		const props = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(props.onSubmit).toHaveBeenLastCalledWith(false);
		await fireEvent.click(screen.getByRole('button', { name: 'Save and add another' }));
		expect(props.onSubmit).toHaveBeenLastCalledWith(true);
	});

	it('saves with Save, not "Save and add another", when Enter is pressed in a field', async () => {
		const props = setup();
		const name = screen.getByLabelText('Name');
		await fireEvent.keyDown(name, { key: 'Enter' });
		expect(props.onSubmit).toHaveBeenCalledOnce();
		expect(props.onSubmit).toHaveBeenLastCalledWith(false);
		// After "Save and add another" was used once, Enter still means Save.
		await fireEvent.click(screen.getByRole('button', { name: 'Save and add another' }));
		expect(props.onSubmit).toHaveBeenLastCalledWith(true);
		await fireEvent.keyDown(screen.getByLabelText('Where or how you met'), { key: 'Enter' });
		expect(props.onSubmit).toHaveBeenLastCalledWith(false);
		expect(props.onSubmit).toHaveBeenCalledTimes(3);
	});

	it('folds the details back, keeping on screen every field that holds text', async () => {
		setup({ values: { ...emptyContactForm(), name: 'Ama', organization: 'Acme Archives' } });
		// Something was typed in the details, so they start open.
		const toggle = screen.getByRole('button', { name: 'Fewer details' });
		expect(toggle).toHaveAttribute('aria-expanded', 'true');
		expect(await screen.findByLabelText('Role')).toBeInTheDocument();

		await fireEvent.click(toggle);
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		expect(toggle).toHaveAccessibleName(/more details/i);
		expect(screen.queryByLabelText('Role')).toBeNull();
		expect(screen.queryByLabelText('Notes')).toBeNull();
		expect(await screen.findByLabelText('Organisation')).toHaveValue('Acme Archives');
		// Focus stays on the same button, which now offers to open them again.
		expect(screen.getByRole('button', { name: /more details/i })).toBe(toggle);

		await fireEvent.click(toggle);
		expect(toggle).toHaveAttribute('aria-expanded', 'true');
		expect(toggle).toHaveAccessibleName('Fewer details');
		expect(await screen.findByLabelText('Role')).toBeInTheDocument();
	});

	it('points the toggle at the details it folds', async () => {
		setup();
		const toggle = screen.getByRole('button', { name: /more details/i });
		expect(toggle).toHaveAttribute('aria-expanded', 'false');
		const controlled = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
		expect(controlled).not.toBeNull();
		await fireEvent.click(toggle);
		expect(controlled).toContainElement(await screen.findByLabelText('Notes'));
	});

	it('shows a field filled in while folded, and does not hide it when the user clears it', async () => {
		const props = {
			values: emptyContactForm('2026-03-03'),
			errors: {},
			mode: 'capture' as const,
			onChange: vi.fn(),
			onSearchContacts: vi.fn().mockResolvedValue([]),
			onPickIntroducer: vi.fn(),
			onSubmit: vi.fn()
		};
		const { rerender } = render(ContactForm, { props });
		// A draft or a share arrives after the form opened folded.
		await rerender({ ...props, values: { ...props.values, organization: 'Acme' } });
		expect(screen.getByRole('button', { name: /more details/i })).toHaveAttribute(
			'aria-expanded',
			'false'
		);
		const org = await screen.findByLabelText('Organisation');
		await fireEvent.input(org, { target: { value: '' } });
		expect(props.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ organization: '' }));
		await rerender({ ...props, values: { ...props.values, organization: '' } });
		expect(await screen.findByLabelText('Organisation')).toBe(org);
		expect(screen.queryByLabelText('Role')).toBeNull();
	});

	it('keeps a folded field with an error on screen, linked to its message', async () => {
		setup({ errors: { nextFollowUpOn: 'Pick a date from the calendar.' } });
		expect(screen.getByRole('button', { name: /more details/i })).toHaveAttribute(
			'aria-expanded',
			'false'
		);
		const field = await screen.findByLabelText('Follow up on');
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(field).toHaveAccessibleDescription('Pick a date from the calendar.');
	});

	it('links the notes error to the notes field', async () => {
		const message = 'This note is too long to keep on the phone; split it up.';
		setup({
			values: { ...emptyContactForm(), name: 'Ama', notes: 'n'.repeat(20) },
			errors: { notes: message }
		});
		const notes = await screen.findByLabelText('Notes');
		expect(notes).toHaveAttribute('aria-invalid', 'true');
		expect(notes).toHaveAccessibleDescription(message);
		const described = document.getElementById(notes.getAttribute('aria-describedby') ?? '');
		expect(described).toBeVisible();
		expect(described).toHaveTextContent(message);
	});

	it('links every field error, including one about a single tag or the circle', async () => {
		setup({
			values: {
				...emptyContactForm(),
				name: 'Ama',
				organization: 'Acme',
				tags: 'ok, ' + 't'.repeat(80),
				emails: ['bad'],
				phones: ['abc'],
				links: ['javascript:alert(1)']
			},
			errors: {
				circle: 'Pick one of the circles.',
				organization: 'This is too long; shorten it a little.',
				'tags.1': 'This tag is too long.',
				'emails.0': 'That email address does not look complete.',
				'phones.0': 'Use digits, spaces and + ( ) - only.',
				'links.0': 'Only web links that start with http:// or https:// can be saved.'
			}
		});
		const expectations: Array<[HTMLElement, string | RegExp]> = [
			[await screen.findByLabelText('Organisation'), 'This is too long; shorten it a little.'],
			[await screen.findByLabelText('Tags'), 'This tag is too long.'],
			[await screen.findByLabelText('Email'), /email address/],
			[await screen.findByLabelText('Phone'), /digits/],
			[await screen.findByLabelText('Link'), /http/],
			[screen.getByRole('radiogroup', { name: /where do you know them from/i }), /circles/]
		];
		for (const [field, message] of expectations) {
			expect(field).toHaveAttribute('aria-invalid', 'true');
			expect(field).toHaveAccessibleDescription(message);
		}
	});
});
