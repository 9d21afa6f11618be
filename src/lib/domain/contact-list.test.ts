import { describe, expect, it } from 'vitest';
import {
	filterContacts,
	letterIndex,
	letterOf,
	parseSort,
	sortContacts,
	toListed,
	type ListedContact
} from './contact-list';
import { contactSearchWords } from './search';

function listed(name: string, updatedAt: number, more: Partial<ListedContact> = {}): ListedContact {
	const base = { id: `id-${name}`, name, tags: [] as string[], updatedAt, ...more };
	return { ...base, words: contactSearchWords(base) };
}

const ana = listed('Ana Lima', 3, { circle: 'coworkers', tags: ['mentor'] });
const eli = listed('Élodie Brun', 5, { organization: 'Acorn Museum', tags: ['mentor', 'museums'] });
const zed = listed('zed ortiz', 1, { circle: 'gym' });
const bob = listed('  Bob Ng', 4);
const num = listed('42 Studio', 2);
const all = [ana, eli, zed, bob, num];

describe('filterContacts', () => {
	it('lets through every contact without words, circle or tag', () => {
		expect(filterContacts(all, {})).toEqual(all);
	});
	it('narrows by tag, by circle, by search words, and by all at once', () => {
		expect(filterContacts(all, { tag: 'mentor' })).toEqual([ana, eli]);
		expect(filterContacts(all, { circle: 'gym' })).toEqual([zed]);
		expect(filterContacts(all, { query: 'elo acorn' })).toEqual([eli]);
		expect(filterContacts(all, { query: 'lima', tag: 'mentor', circle: 'coworkers' })).toEqual([
			ana
		]);
		expect(filterContacts(all, { query: 'lima', tag: 'museums' })).toEqual([]);
	});
});

describe('sortContacts', () => {
	it('puts the most recently changed first', () => {
		expect(sortContacts(all, 'recent').map((c) => c.updatedAt)).toEqual([5, 4, 3, 2, 1]);
	});
	it('sorts A to Z ignoring case, accents and leading spaces, numbers first', () => {
		expect(sortContacts(all, 'name').map((c) => c.name.trim())).toEqual([
			'42 Studio',
			'Ana Lima',
			'Bob Ng',
			'Élodie Brun',
			'zed ortiz'
		]);
	});
	it('leaves the given list as it was', () => {
		const copy = [...all];
		sortContacts(all, 'name');
		expect(all).toEqual(copy);
	});
});

describe('the letter index', () => {
	it('files a name under its first letter without accents, anything else under #', () => {
		expect(letterOf('Élodie')).toBe('E');
		expect(letterOf(' zed')).toBe('Z');
		expect(letterOf('42 Studio')).toBe('#');
		expect(letterOf('李雷')).toBe('#');
	});
	it('gives each letter present the place of its first contact', () => {
		const sorted = sortContacts(all, 'name');
		expect(letterIndex(sorted)).toEqual([
			{ letter: '#', at: 0 },
			{ letter: 'A', at: 1 },
			{ letter: 'B', at: 2 },
			{ letter: 'E', at: 3 },
			{ letter: 'Z', at: 4 }
		]);
	});
});

describe('parseSort and toListed', () => {
	it('reads a known sort and falls back on anything else', () => {
		expect(parseSort('name', 'recent')).toBe('name');
		expect(parseSort('recent', 'name')).toBe('recent');
		expect(parseSort('bogus', 'name')).toBe('name');
		expect(parseSort(null, 'recent')).toBe('recent');
	});
	it('works out the search words of a contact that does not carry them', () => {
		const c = toListed({
			id: 'x',
			name: 'José Álvarez',
			tags: ['x'],
			emails: [],
			phones: [],
			links: [],
			createdAt: 1,
			updatedAt: 2,
			version: 1
		} as never);
		expect(c.words).toEqual(expect.arrayContaining(['jose', 'alvarez']));
	});
});
