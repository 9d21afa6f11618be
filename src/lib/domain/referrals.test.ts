import { describe, expect, it } from 'vitest';
import { matchingContacts, normalizeName, parseReferrals } from './referrals';

const row = (name: string, context = '', linkId = '') => ({ name, context, linkId });

describe('referral entries', () => {
	it('normalises case, accents, punctuation and spaces', () => {
		expect(normalizeName('  José   O’Brien ')).toBe('jose o brien');
		expect(normalizeName('JOSE O BRIEN')).toBe('jose o brien');
	});

	it('drops blank rows and keeps the same name once', () => {
		const parsed = parseReferrals([
			row('Sam Lee', 'runs the archive'),
			row(''),
			row('sam  LEE'),
			row('Ana', '', 'id-1'),
			row('Ana again', '', 'id-1')
		]);
		expect(parsed).toEqual({
			ok: true,
			entries: [
				{ name: 'Sam Lee', context: 'runs the archive' },
				{ name: 'Ana', linkId: 'id-1' }
			]
		});
	});

	it('says which row to fix', () => {
		const parsed = parseReferrals([row('', 'context without a name'), row('x'.repeat(201))]);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors)).toEqual(['referrals.0.name', 'referrals.1.name']);
	});

	it('finds existing contacts by normalised name', () => {
		const people = [
			{ id: '1', name: 'Zoë Park' },
			{ id: '2', name: 'Zoe Parker' }
		];
		expect(matchingContacts('zoe  park', people).map((c) => c.id)).toEqual(['1']);
		expect(matchingContacts('   ', people)).toEqual([]);
	});
});
