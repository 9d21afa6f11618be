import { describe, expect, it } from 'vitest';
import {
	emptyMyCardForm,
	myCardFileName,
	myCardToForm,
	parseMyCardForm,
	type MyCardForm
} from './my-card';

const form = (fields: Partial<MyCardForm>): MyCardForm => ({ ...emptyMyCardForm(), ...fields });

describe('my card form', () => {
	it('refuses javascript: links and over-long names', () => {
		const parsed = parseMyCardForm(form({ name: 'x'.repeat(201), links: ['javascript:alert(1)'] }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.name).toMatch(/under 200/);
		expect(parsed.errors['links.0']).toMatch(/http/);
	});

	it('turns a saved card back into a form', () => {
		expect(myCardToForm(undefined)).toEqual(emptyMyCardForm());
		expect(myCardToForm({ name: 'Ama', email: 'a@example.org', links: [] })).toEqual({
			name: 'Ama',
			headline: '',
			email: 'a@example.org',
			phone: '',
			links: ['']
		});
	});

	it('names the file after the card, without characters file systems refuse', () => {
		expect(myCardFileName({ name: 'Ama Mensah' })).toBe('Ama Mensah.vcf');
		expect(myCardFileName({ name: 'A/B: "C"?' })).toBe('AB C.vcf');
		expect(myCardFileName({ name: '...' })).toBe('my-card.vcf');
	});
});
