import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import PitchGaps from './PitchGaps.svelte';

const text = 'I am a records manager who loves rare maps.';

describe('PitchGaps', () => {
	it('hides the cues and reveals them one by one', async () => {
		render(PitchGaps, { props: { text, cues: ['rare maps', 'records manager', 'not in text'] } });
		expect(screen.queryByText('records manager')).toBeNull();
		expect(
			screen.getByText(/not word for word in the text, so it is not hidden: not in text/)
		).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('2 of 2 gaps still hidden.');
		await fireEvent.click(screen.getByRole('button', { name: 'Reveal next' }));
		expect(screen.getByText('records manager')).toBeInTheDocument();
		expect(screen.queryByText('rare maps')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Gap 2: reveal' }));
		expect(screen.getByText('rare maps')).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('All gaps revealed.');
		expect(screen.getByRole('button', { name: 'Reveal next' })).toBeDisabled();
		await fireEvent.click(screen.getByRole('button', { name: 'Hide all again' }));
		expect(screen.queryByText('rare maps')).toBeNull();
	});

	it('hides every fifth word by default when no cue is in the text, and says a change', async () => {
		const changes: string[] = [];
		render(PitchGaps, {
			props: { text, cues: ['Who I am'], onModeChange: (m: string) => changes.push(m) }
		});
		expect(screen.getByRole('radio', { name: 'Every fifth word' })).toBeChecked();
		// The fifth of nine words.
		expect(screen.queryByText(/manager/)).toBeNull();
		expect(screen.getByText(/who loves rare maps/)).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('1 of 1 gap still hidden.');
		await fireEvent.click(screen.getByRole('radio', { name: 'My cues' }));
		expect(changes).toEqual(['cues']);
	});

	it('starts on the mode it is given', () => {
		render(PitchGaps, { props: { text, cues: ['rare maps'], mode: 'fifth' } });
		expect(screen.getByRole('radio', { name: 'Every fifth word' })).toBeChecked();
	});

	it('lets the user pick the words to hide', async () => {
		render(PitchGaps, { props: { text, cues: [], mode: 'pick' } });
		expect(screen.getByRole('radio', { name: 'Words I pick' })).toBeChecked();
		await fireEvent.click(screen.getByRole('button', { name: 'rare' }));
		await fireEvent.click(screen.getByRole('button', { name: 'maps.' }));
		expect(screen.getByRole('button', { name: 'rare' })).toHaveAttribute('aria-pressed', 'true');
		await fireEvent.click(screen.getByRole('button', { name: 'Done: 2 words hidden' }));
		expect(screen.getByRole('status')).toHaveTextContent('1 of 1 gap still hidden.');
		await fireEvent.click(screen.getByRole('button', { name: 'Gap 1: reveal' }));
		expect(screen.getByText('rare maps.')).toBeInTheDocument();
	});
});
