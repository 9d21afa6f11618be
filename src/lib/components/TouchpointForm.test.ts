import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emptyTouchpointForm, type TouchpointForm as Form } from '$lib/domain/touchpoint-form';
import TouchpointForm from './TouchpointForm.svelte';

function setup(values: Form, errors = {}) {
	const onChange = vi.fn();
	const onSubmit = vi.fn();
	render(TouchpointForm, {
		props: {
			values,
			errors,
			contactName: 'Maya',
			contactId: 'maya',
			people: [
				{ id: 'maya', name: 'Maya' },
				{ id: 'z', name: 'Zoë Park', organization: 'Museum' }
			],
			today: '2026-06-15',
			busy: false,
			submitLabel: 'Save touchpoint',
			onChange,
			onSubmit
		}
	});
	return { onChange, onSubmit };
}

describe('TouchpointForm', () => {
	it('opens a first name line when "names to contact" is ticked', async () => {
		const { onChange } = setup(emptyTouchpointForm('2026-06-15'));
		await userEvent.click(screen.getByRole('checkbox', { name: 'Names to contact' }));
		expect(onChange).toHaveBeenLastCalledWith(
			expect.objectContaining({
				received: ['names'],
				referrals: [{ name: '', context: '', linkId: '' }]
			})
		);
	});

	it('offers to link a contact with the same name instead of a duplicate', async () => {
		const { onChange } = setup({
			...emptyTouchpointForm('2026-06-15'),
			received: ['names'],
			referrals: [{ name: 'zoe park', context: '', linkId: '' }]
		});
		await userEvent.click(screen.getByRole('button', { name: 'Link Zoë Park instead' }));
		expect(onChange).toHaveBeenLastCalledWith(
			expect.objectContaining({ referrals: [{ name: 'Zoë Park', context: '', linkId: 'z' }] })
		);
	});

	it('never offers the contact as their own referral', () => {
		setup({
			...emptyTouchpointForm('2026-06-15'),
			received: ['names'],
			referrals: [{ name: 'Maya', context: '', linkId: '' }]
		});
		expect(screen.queryByRole('button', { name: /Link Maya/ })).toBeNull();
	});

	it('says when the date is in the future or the past, and shows errors by their fields', () => {
		setup({ ...emptyTouchpointForm('2026-06-15'), on: '2026-06-20' }, { summary: 'Too long' });
		expect(screen.getByText('Planned: in 5 days')).toBeTruthy();
		expect(screen.getByLabelText('What you talked about').getAttribute('aria-invalid')).toBe(
			'true'
		);
		expect(screen.getByText('Too long')).toBeTruthy();
	});
});
