import { describe, expect, it } from 'vitest';
import { emptyContactForm } from './contact';
import { hasSharedData, prefillFromShare } from './share';

describe('prefillFromShare', () => {
	it('turns a shared profile into a name and a link', () => {
		const form = prefillFromShare(emptyContactForm(), {
			title: 'Priya Raman | LinkedIn',
			url: 'https://www.linkedin.com/in/priya-raman'
		});
		expect(form.name).toBe('Priya Raman');
		expect(form.links).toEqual(['https://www.linkedin.com/in/priya-raman']);
		expect(form.notes).toBe('');
	});

	it('cuts a very long shared title at a whole character', () => {
		const form = prefillFromShare(emptyContactForm(), { title: `${'a'.repeat(199)}👩🏽‍💻 more` });
		expect(form.name).toBe('a'.repeat(199));
	});

	it('finds a URL inside shared text and keeps the rest as a note', () => {
		const form = prefillFromShare(emptyContactForm(), {
			text: 'Great talk on archives https://example.org/talk see you'
		});
		expect(form.links[0]).toBe('https://example.org/talk');
		expect(form.notes).toContain('Great talk on archives');
		expect(form.notes).not.toContain('https://');
	});

	it('never overwrites what is already typed', () => {
		const typed = {
			...emptyContactForm(),
			name: 'Sam',
			notes: 'mine',
			links: ['https://a.example']
		};
		const form = prefillFromShare(typed, {
			title: 'Other',
			text: 'extra',
			url: 'https://b.example'
		});
		expect(form.name).toBe('Sam');
		expect(form.notes).toBe('mine\nextra');
		expect(form.links).toEqual(['https://a.example', 'https://b.example']);
		expect(typed.links).toEqual(['https://a.example']);
	});

	it('ignores non-web URLs and empty shares', () => {
		const form = prefillFromShare(emptyContactForm(), { url: 'javascript:alert(1)' });
		expect(form.links).toEqual(['']);
		expect(hasSharedData({ title: ' ', text: null })).toBe(false);
	});
});
