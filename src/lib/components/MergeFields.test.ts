import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { makeContact } from '$lib/domain/testing/factories';
import { defaultChoices } from '$lib/domain/merge';
import MergeFields from './MergeFields.svelte';

describe('MergeFields', () => {
	it('asks only about fields that differ, side by side, and reports the pick', async () => {
		const keep = makeContact({ name: 'Maya', organization: 'Acme', tags: ['x'] });
		const other = makeContact({ name: '<b>Maya L</b>', organization: 'Acme', tags: ['y'] });
		const onChange = vi.fn();
		render(MergeFields, {
			keep,
			other,
			choices: defaultChoices(keep, other),
			names: {},
			onChange
		});
		expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual(
			['Name', 'Tags']
		);
		const name = screen.getByRole('group', { name: 'Name' });
		expect(within(name).getByRole('radio', { name: /From Maya\s*Maya/ })).toHaveProperty(
			'checked',
			true
		);
		await fireEvent.click(within(name).getByRole('radio', { name: /<b>Maya L<\/b>$/ }));
		expect(onChange).toHaveBeenCalledWith('name', 'other');
		const tags = screen.getByRole('group', { name: 'Tags' });
		expect(within(tags).getByRole('radio', { name: /Keep both\s*x, y/ })).toHaveProperty(
			'checked',
			true
		);
	});
});
