import { describe, expect, it } from 'vitest';
import { countWords, estimateSeconds, lengthVerdict } from './pitch-timing';
import { emptyPitchForm, parsePitchForm, pitchToForm, TEMPLATES, templateForm } from './pitch-form';

describe('parsePitchForm', () => {
	it('needs a title and a sane custom length', () => {
		const r = parsePitchForm({ ...emptyPitchForm(), target: 'custom', customSeconds: '2' });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors.title).toMatch(/short name/);
			expect(r.errors.customSeconds).toMatch(/between 5 and 600/);
		}
	});
	it('trims, splits cues and round-trips through the form', () => {
		const r = parsePitchForm({
			title: ' Career fair ',
			target: 'custom',
			customSeconds: '45',
			audience: '',
			text: 'Hello there',
			cues: ' who I am \n\n what I want '
		});
		expect(r).toEqual({
			ok: true,
			value: {
				title: 'Career fair',
				targetSeconds: 45,
				text: 'Hello there',
				cues: ['who I am', 'what I want']
			}
		});
		if (r.ok) expect(parsePitchForm(pitchToForm(r.value))).toEqual(r);
	});
	it('accepts an empty text (it just cannot be rehearsed yet)', () => {
		expect(parsePitchForm({ ...emptyPitchForm(), title: 'Later' }).ok).toBe(true);
	});
});

describe('templates', () => {
	it('fit their length at the default rate', () => {
		for (const length of ['15', '30', '60'] as const) {
			const seconds = estimateSeconds(countWords(TEMPLATES[length].text));
			expect(lengthVerdict(seconds, Number(length)), length).not.toBe('long');
			expect(parsePitchForm(templateForm(length)).ok).toBe(true);
		}
	});
});
