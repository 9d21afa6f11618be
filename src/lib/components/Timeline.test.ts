import { render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Interview } from '$lib/domain/interview';
import { addDays } from '$lib/domain/day';
import Timeline from './Timeline.svelte';

const tp = (fields: Partial<Touchpoint>): Touchpoint => ({
	id: crypto.randomUUID(),
	contactId: 'c',
	on: '2026-06-01',
	channel: 'call',
	summary: '',
	received: [],
	followUpDone: false,
	createdAt: 1,
	updatedAt: 1,
	version: 1,
	...fields
});

const interview: Interview = {
	id: 'iv1',
	contactId: 'c',
	organization: 'City Archive',
	scheduledAt: new Date(2026, 5, 5, 10).getTime(),
	mode: 'video',
	status: 'planned',
	questions: [],
	referralIds: [],
	createdAt: 1,
	updatedAt: 1,
	version: 1
};

describe('Timeline', () => {
	it('lists touchpoints and interviews newest first, outcomes in words, markup as text', () => {
		const { container } = render(Timeline, {
			props: {
				contactId: 'c',
				touchpoints: [
					tp({ on: '2026-06-10', summary: '<img src=x onerror=alert(1)>', received: ['names'] }),
					tp({ on: '2026-05-01', summary: 'Old coffee', gave: 'Thanks' })
				],
				interviews: [interview],
				today: '2026-06-15',
				editable: true,
				busy: false,
				onDelete: vi.fn()
			}
		});
		expect(container.querySelector('img')).toBeNull();
		const items = screen
			.getAllByRole('listitem')
			.filter((li) => li.parentElement?.tagName === 'OL');
		expect(items.map((li) => li.textContent)).toEqual([
			expect.stringContaining('<img src=x onerror=alert(1)>'),
			expect.stringContaining('City Archive'),
			expect.stringContaining('Old coffee')
		]);
		expect(
			within(items[0]!).getByRole('list', { name: 'What they gave you' }).textContent
		).toContain('Names to contact');
		expect(screen.getByRole('link', { name: /City Archive/ }).getAttribute('href')).toMatch(
			/\/interviews\/iv1$/
		);
	});

	it('shows a future touchpoint as planned, and says what to do when empty', () => {
		render(Timeline, {
			props: {
				contactId: 'c',
				touchpoints: [tp({ on: '2099-01-01', summary: 'Lunch' })],
				interviews: [],
				today: '2026-06-15',
				editable: false,
				busy: false,
				onDelete: vi.fn()
			}
		});
		expect(screen.getByText('Planned')).toBeTruthy();
		expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
	});

	it('renders a long history a batch at a time, the newest first, and shows the rest on demand', async () => {
		// Talk 0 is the newest, a day apart back from June 1st, handed over oldest first.
		const touchpoints = Array.from({ length: 75 }, (_, i) =>
			tp({ id: `t${i}`, on: addDays('2026-06-01', -i), summary: `Talk ${i}` })
		).reverse();
		render(Timeline, {
			props: {
				contactId: 'c',
				touchpoints,
				interviews: [],
				today: '2026-06-15',
				editable: true,
				busy: false,
				onDelete: vi.fn()
			}
		});
		const shown = () =>
			screen.getAllByRole('listitem').filter((li) => li.parentElement?.tagName === 'OL');
		expect(shown()).toHaveLength(12);
		expect(shown()[0]!.textContent).toContain('Talk 0');
		const older = screen.getByRole('button', { name: 'Show older (63 more)' });
		older.click();
		await tick();
		expect(shown()).toHaveLength(62);
		expect(shown()[61]!.textContent).toContain('Talk 61');
		screen.getByRole('button', { name: 'Show older (13 more)' }).click();
		await tick();
		expect(shown()).toHaveLength(75);
		expect(screen.queryByRole('button', { name: /Show older/ })).toBeNull();
	});
});
