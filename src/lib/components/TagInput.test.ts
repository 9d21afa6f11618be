import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TagInput from './TagInput.svelte';

describe('TagInput', () => {
	it('offers tags used before that match what is typed, minus the ones already there', async () => {
		const onAdd = vi.fn(() => true);
		render(TagInput, {
			id: 't',
			label: 'Tags',
			tags: ['mentor'],
			suggestions: ['archives', 'Mentor', 'museums', 'design'],
			onAdd,
			onRemove: () => {}
		});
		expect(screen.queryByRole('button', { name: 'Add tag mentor' })).toBeNull();
		expect(screen.getByRole('button', { name: 'Add tag design' })).toBeTruthy();
		const box = screen.getByRole('textbox', { name: 'Tags' });
		await fireEvent.input(box, { target: { value: 'mu' } });
		expect(
			screen.getAllByRole('button', { name: /^Add tag / }).map((b) => b.textContent?.trim())
		).toEqual(['+Add tag museums']);
		await fireEvent.keyDown(box, { key: 'Enter' });
		expect(onAdd).toHaveBeenCalledWith('mu');
	});

	it('links chips to the filtered list on a contact page, and names each remove button', async () => {
		const onRemove = vi.fn();
		render(TagInput, {
			id: 't',
			label: 'Tags',
			tags: ['a&b <i>'],
			suggestions: [],
			linkChips: true,
			onAdd: () => true,
			onRemove
		});
		const link = screen.getByRole('link', { name: '#a&b <i>' });
		expect(link.getAttribute('href')).toBe('/contacts?tag=a%26b%20%3Ci%3E');
		await fireEvent.click(screen.getByRole('button', { name: 'Remove tag a&b <i>' }));
		expect(onRemove).toHaveBeenCalledWith('a&b <i>');
	});
});
