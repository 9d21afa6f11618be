import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { emptyPitchForm } from '$lib/domain/pitch-form';
import PitchEditor from './PitchEditor.svelte';

function setup(values = emptyPitchForm(), wordsPerMinute = 140, calibrated = false) {
	const onChange = vi.fn();
	const onSubmit = vi.fn();
	const view = render(PitchEditor, {
		props: { values, wordsPerMinute, calibrated, submitLabel: 'Save pitch', onChange, onSubmit }
	});
	return { ...view, onChange, onSubmit };
}

describe('PitchEditor', () => {
	it('labels every field and reports typing', async () => {
		const { onChange } = setup();
		for (const label of ['Title', 'Audience or occasion', 'Your pitch', 'Cues (one a line)'])
			expect(screen.getByLabelText(label)).toBeInTheDocument();
		await fireEvent.input(screen.getByLabelText('Your pitch'), {
			target: { value: 'Hello there' }
		});
		expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'Hello there' }));
		await fireEvent.click(screen.getByRole('radio', { name: 'Other' }));
		expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ target: 'custom' }));
	});

	it('estimates the time at the user’s pace against the target', async () => {
		const text = Array.from({ length: 100 }, () => 'word').join(' ');
		const view = setup({ ...emptyPitchForm(), target: '30', text }, 200, true);
		expect(screen.getByText('100 words · about 30 s of 30 s')).toBeInTheDocument();
		expect(screen.getByText('About right')).toBeInTheDocument();
		expect(screen.getByText(/your own pace: 200 words a minute/)).toBeInTheDocument();
		await view.rerender({ values: { ...emptyPitchForm(), target: '15', text } });
		expect(screen.getByText('Too long')).toBeInTheDocument();
	});

	it('shows errors beside their fields', () => {
		render(PitchEditor, {
			props: {
				values: emptyPitchForm(),
				errors: { title: 'Give your pitch a short name.' },
				wordsPerMinute: 140,
				calibrated: false,
				submitLabel: 'Save pitch',
				onChange: () => {},
				onSubmit: () => {}
			}
		});
		expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(
			'Give your pitch a short name.'
		);
		expect(screen.getByLabelText('Title')).toHaveFocus();
	});
});
