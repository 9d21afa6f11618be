import { describe, expect, it } from 'vitest';
import { emptyContactForm } from '$lib/domain/contact';
import { describeShare, parseSharesKeptAside, shareFitsForm, toSharedItem } from './share-inbox';

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
});
