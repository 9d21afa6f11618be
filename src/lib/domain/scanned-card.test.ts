import { describe, expect, it } from 'vitest';
import { emptyContactForm } from './contact';
import {
	parseScannedCard,
	prefillFromScan,
	scannedCardFromParams,
	scannedCardToParams,
	type ScannedCard
} from './scanned-card';
import { hasSharedData, prefillFromShare } from './share';

const priya: ScannedCard = {
	name: 'Priya Raman',
	organization: 'Acme & Co',
	role: 'UX researcher',
	emails: ['priya@example.org', 'p.raman@example.com'],
	phones: ['+1 555 0101'],
	links: ['https://www.linkedin.com/in/priya-raman?x=1&y=2'],
	notes: 'Line one\nLine two, with “quotes” & symbols'
};

describe('prefillFromScan', () => {
	it('fills every field of a blank capture form', () => {
		const form = prefillFromScan(emptyContactForm('2026-11-24'), priya);
		expect(form).toEqual({
			...emptyContactForm('2026-11-24'),
			name: 'Priya Raman',
			organization: 'Acme & Co',
			role: 'UX researcher',
			emails: ['priya@example.org', 'p.raman@example.com'],
			phones: ['+1 555 0101'],
			links: ['https://www.linkedin.com/in/priya-raman?x=1&y=2'],
			notes: 'Line one\nLine two, with “quotes” & symbols'
		});
	});

	it('never overwrites what is typed, and adds only what is new', () => {
		const typed = {
			...emptyContactForm(),
			name: 'Priya R.',
			role: 'Researcher',
			emails: ['PRIYA@example.org'],
			phones: ['(1) 555-0101'],
			links: ['', ''],
			notes: 'Met at the fair'
		};
		const form = prefillFromScan(typed, priya);
		expect(form.name).toBe('Priya R.');
		expect(form.role).toBe('Researcher');
		expect(form.organization).toBe('Acme & Co');
		expect(form.emails).toEqual(['PRIYA@example.org', 'p.raman@example.com']);
		expect(form.phones).toEqual(['(1) 555-0101']);
		expect(form.links).toEqual(['https://www.linkedin.com/in/priya-raman?x=1&y=2', '']);
		expect(form.notes).toBe('Met at the fair\nLine one\nLine two, with “quotes” & symbols');
		// The same card twice adds nothing more.
		expect(prefillFromScan(form, priya)).toEqual(form);
		expect(typed.emails).toEqual(['PRIYA@example.org']);
	});

	it('is what a share carrying a card does to the form', () => {
		expect(prefillFromShare(emptyContactForm(), { card: priya })).toEqual(
			prefillFromScan(emptyContactForm(), priya)
		);
		expect(hasSharedData({ card: priya })).toBe(true);
	});
});

describe('a scanned card in the address', () => {
	it('goes there and comes back the same', () => {
		const params = scannedCardToParams(priya);
		expect(params.get('from')).toBe('scan');
		const back = scannedCardFromParams(new URLSearchParams(params.toString()));
		expect(back).toEqual(priya);
	});

	it('leaves out empty fields', () => {
		const only = { ...priya, organization: '', role: ' ', emails: [], phones: [''], notes: '' };
		const params = scannedCardToParams(only);
		expect([...params.keys()]).toEqual(['from', 'name', 'link']);
		expect(scannedCardFromParams(params)).toEqual({ ...only, role: '', phones: [] });
	});

	it('is not there without the marker, empty, or for links that are not web links', () => {
		expect(scannedCardFromParams(new URLSearchParams('name=Sam'))).toBeUndefined();
		expect(scannedCardFromParams(new URLSearchParams('from=scan'))).toBeUndefined();
		expect(
			scannedCardFromParams(new URLSearchParams('from=scan&link=javascript%3Aalert(1)'))
		).toBeUndefined();
		expect(
			scannedCardFromParams(
				new URLSearchParams('from=scan&name=Sam&link=javascript%3Aalert(1)&link=http%3A%2F%2Fa.b')
			)?.links
		).toEqual(['http://a.b']);
	});
});

describe('parseScannedCard', () => {
	it('reads a stored card back and refuses anything malformed', () => {
		expect(parseScannedCard(JSON.parse(JSON.stringify(priya)))).toEqual(priya);
		expect(parseScannedCard({ ...priya, extra: 1 })).toEqual(priya);
		expect(parseScannedCard({ ...priya, emails: [1] })).toBeUndefined();
		expect(parseScannedCard({ ...priya, name: null })).toBeUndefined();
		expect(
			parseScannedCard({
				...priya,
				name: '',
				organization: '',
				role: '',
				notes: '',
				emails: [],
				phones: [],
				links: []
			})
		).toBeUndefined();
		expect(parseScannedCard('card')).toBeUndefined();
		expect(parseScannedCard(undefined)).toBeUndefined();
	});
});
