import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Pitch } from '$lib/domain/pitch';
import RehearseCard from './RehearseCard.svelte';
import PitchHistoryChart from './PitchHistoryChart.svelte';

const now = new Date(2026, 10, 24, 9).getTime();
const day = 86_400_000;
const pitch: Pitch = {
	id: 'p1',
	title: 'Career fair',
	targetSeconds: 30,
	text: 'Hi, I am Ama.',
	cues: ['Who I am', 'What I want'],
	createdAt: now,
	updatedAt: now,
	version: 1
};

describe('RehearseCard', () => {
	it('shows the cues first, the text on demand, and rates once stopped', async () => {
		const onRate = vi.fn();
		const onStart = vi.fn();
		render(RehearseCard, {
			props: {
				pitch,
				position: 'Pitch 1 of 2',
				running: false,
				elapsedMs: 27_000,
				measuredMs: 27_000,
				previews: {
					again: now + day,
					hard: now + 2 * day,
					good: now + 3 * day,
					easy: now + 8 * day
				},
				now,
				onStart,
				onStop: () => {},
				onRate
			}
		});
		expect(screen.getByRole('heading', { name: 'Career fair' })).toBeInTheDocument();
		expect(screen.getByText('What I want')).toBeInTheDocument();
		expect(screen.getByText('Hi, I am Ama.')).not.toBeVisible();
		await fireEvent.click(screen.getByRole('button', { name: 'Show the full text' }));
		expect(screen.getByText('Hi, I am Ama.')).toBeVisible();
		expect(screen.getByRole('status')).toHaveTextContent('You took 27 s: about right (30 s).');
		await fireEvent.click(screen.getByRole('button', { name: /^Good .*back in 3 days/ }));
		expect(onRate).toHaveBeenCalledWith('good');
		await fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
		expect(onStart).toHaveBeenCalled();
	});

	it('cannot be rated while the timer runs', () => {
		render(RehearseCard, {
			props: {
				pitch,
				position: 'Pitch 1 of 1',
				running: true,
				elapsedMs: 3000,
				previews: { again: now, hard: now, good: now, easy: now },
				now,
				onStart: () => {},
				onStop: () => {},
				onRate: () => {}
			}
		});
		expect(screen.getByRole('button', { name: 'Stop' })).toBeEnabled();
		for (const b of screen.getAllByRole('button', { name: /^(Again|Hard|Good|Easy)/ }))
			expect(b).toBeDisabled();
	});
});

describe('PitchHistoryChart', () => {
	it('describes the runs in words and as a table', () => {
		render(PitchHistoryChart, {
			props: {
				targetSeconds: 30,
				runs: [
					{ id: 'a', at: now - day, seconds: 40, rating: 'hard' },
					{ id: 'b', at: now, seconds: 29, rating: 'good' }
				]
			}
		});
		const chart = screen.getByRole('img', { name: /Time of each rehearsal against the target/ });
		expect(chart).toHaveAccessibleName(/2 rehearsals shown against a target of 30 s/);
		expect(chart).toHaveAccessibleName(/Latest: 29 s, rated Good/);
		expect(screen.getAllByRole('row')).toHaveLength(3);
		expect(screen.getByRole('row', { name: /40 s Hard/ })).toBeInTheDocument();
	});
});
