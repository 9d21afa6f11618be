import { describe, expect, it } from 'vitest';
import { emptyContactForm } from '$lib/domain/contact';
import type { ScannedCard } from '$lib/domain/scanned-card';
import {
	describeShare,
	parseSharesKeptAside,
	sharedFromParams,
	shareFitsForm,
	toSharedItem
} from './share-inbox';

const priya = toSharedItem({
	title: 'Priya Raman | LinkedIn',
	url: 'https://www.linkedin.com/in/priya-raman'
});

describe('share inbox', () => {
	it('fills a clean form, and a form about the same person', () => {
		expect(shareFitsForm(priya, emptyContactForm(), false)).toBe(true);
		const same = { ...emptyContactForm(), name: '  priya   RAMAN ' };
		expect(shareFitsForm(priya, same, true)).toBe(true);
	});

	it('does not mix a share into an unsaved capture of someone else, or of nobody named', () => {
		const maya = { ...emptyContactForm(), name: 'Maya' };
		expect(shareFitsForm(priya, maya, true)).toBe(false);
		const textOnly = toSharedItem({ text: 'Met Priya https://www.linkedin.com/in/priya-raman' });
		expect(shareFitsForm(textOnly, maya, true)).toBe(false);
		expect(shareFitsForm(textOnly, { ...emptyContactForm(), notes: 'x' }, true)).toBe(false);
	});

	it('describes a share as the form would take it', () => {
		expect(describeShare(priya)).toEqual([
			'Priya Raman',
			'https://www.linkedin.com/in/priya-raman'
		]);
		expect(
			describeShare(toSharedItem({ text: 'Met Priya https://www.linkedin.com/in/priya-raman' }))
		).toEqual(['https://www.linkedin.com/in/priya-raman', 'Met Priya']);
	});

	it('reads back stored shares and skips malformed ones', () => {
		expect(parseSharesKeptAside({ items: [priya, { title: 1 }, null] })).toEqual({
			items: [priya]
		});
		expect(parseSharesKeptAside({ nope: true })).toBeUndefined();
		expect(parseSharesKeptAside(undefined)).toBeUndefined();
	});

	describe('a scanned card', () => {
		const card: ScannedCard = {
			name: 'Sam Lee',
			organization: 'Acme',
			role: 'Designer',
			emails: ['sam@example.org'],
			phones: ['+1 555 0102'],
			links: ['https://sam.example'],
			notes: 'From the badge'
		};
		const scanned = toSharedItem(
			sharedFromParams(
				new URLSearchParams(
					'from=scan&name=Sam+Lee&org=Acme&role=Designer&email=sam%40example.org&phone=%2B1+555+0102&link=https%3A%2F%2Fsam.example&note=From+the+badge'
				)
			)
		);

		it('comes from the address like a share', () => {
			expect(scanned).toEqual({ title: '', text: '', url: '', card });
			const share = sharedFromParams(new URLSearchParams('title=T&url=https%3A%2F%2Fx.example'));
			expect(share).toEqual({ title: 'T', text: null, url: 'https://x.example', card: undefined });
		});

		it('fills a clean form or the same person, and waits beside someone else', () => {
			expect(shareFitsForm(scanned, emptyContactForm(), false)).toBe(true);
			expect(shareFitsForm(scanned, { ...emptyContactForm(), name: 'sam lee' }, true)).toBe(true);
			expect(shareFitsForm(scanned, { ...emptyContactForm(), name: 'Maya' }, true)).toBe(false);
		});

		it('is described with its work and ways to reach', () => {
			expect(describeShare(scanned)).toEqual([
				'Sam Lee',
				'Designer, Acme',
				'sam@example.org',
				'+1 555 0102',
				'https://sam.example',
				'From the badge'
			]);
		});

		it('is kept aside with its card, and a broken card is dropped from it', () => {
			const stored = JSON.parse(
				JSON.stringify({ items: [scanned, { ...priya, card: { name: 1 } }] })
			);
			expect(parseSharesKeptAside(stored)).toEqual({ items: [scanned, priya] });
		});
	});
});
