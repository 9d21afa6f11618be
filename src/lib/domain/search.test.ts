import { describe, expect, it } from 'vitest';
import { contactSearchWords, fold, matchesAll, queryWords, words } from './search';

describe('search words', () => {
	it('folds case and accents', () => {
		expect(fold('José MÜLLER Łukasz Zoë straße')).toBe('jose muller lukasz zoe strasse');
		expect(words('Nguyễn Thị-Hồng, O’Brien')).toEqual(['nguyen', 'thi', 'hong', 'o', 'brien']);
	});

	it('keeps scripts without case, such as Arabic, searchable', () => {
		const w = contactSearchWords({ name: 'نور الهدى', tags: [] });
		expect(matchesAll(w, queryWords('نور'))).toBe(true);
	});

	it('matches every query word as a prefix of some word', () => {
		const w = contactSearchWords({
			name: 'Zoë Ríos',
			organization: 'Acme Public Library',
			role: 'Archivist',
			tags: ['mentor'],
			notes: 'Met at the coffee house'
		});
		expect(matchesAll(w, queryWords('zoe'))).toBe(true);
		expect(matchesAll(w, queryWords('ACM lib'))).toBe(true);
		expect(matchesAll(w, queryWords('rios arch'))).toBe(true);
		expect(matchesAll(w, queryWords('coffee ment'))).toBe(true);
		expect(matchesAll(w, queryWords('brary'))).toBe(false);
		expect(matchesAll(w, queryWords('zoe smith'))).toBe(false);
	});

	it('ranks names ahead of notes when the word limit is reached', () => {
		const w = contactSearchWords({
			name: 'Ada',
			tags: [],
			notes: Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ')
		});
		expect(w[0]).toBe('ada');
		expect(w.length).toBe(200);
	});
});
