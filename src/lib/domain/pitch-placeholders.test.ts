import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './pitch-form';
import { describePlaceholders, findPlaceholders, pitchPlaceholders } from './pitch-placeholders';

describe('findPlaceholders', () => {
	it('finds every blank a template leaves, once each, in order', () => {
		const found = findPlaceholders(TEMPLATES['15'].text);
		expect(found).toEqual([
			'[your name]',
			'[studying / working as]',
			'[your field]',
			'[one strength]',
			'[the kind of role or advice you want]'
		]);
		for (const t of Object.values(TEMPLATES))
			expect(findPlaceholders(t.text)).toContain('[your name]');
	});
	it('finds a blank in curly braces, and the same blank only once', () => {
		expect(findPlaceholders('I am {name}. Ask {name} again.')).toEqual(['{name}']);
	});
	it('finds nothing in a pitch written out in full', () => {
		expect(
			findPlaceholders('Hi, I’m Ama. I catalogue rare maps (mostly 1800s) at the city archive.')
		).toEqual([]);
	});
	it('leaves brackets that hold no words, span lines or run on too long', () => {
		expect(findPlaceholders('A list [ ] or […] or [\nname]')).toEqual([]);
		expect(findPlaceholders(`[${'x'.repeat(81)}]`)).toEqual([]);
	});
});

describe('pitchPlaceholders and describePlaceholders', () => {
	it('looks in the cues too', () => {
		expect(pitchPlaceholders({ text: 'Hi, I am Ama.', cues: ['[one strength]'] })).toEqual([
			'[one strength]'
		]);
	});
	it('says up to three blanks, then how many more', () => {
		expect(describePlaceholders(['[a]'])).toBe('[a]');
		expect(describePlaceholders(['[a]', '[b]'])).toBe('[a] and [b]');
		expect(describePlaceholders(['[a]', '[b]', '[c]'])).toBe('[a], [b] and [c]');
		expect(describePlaceholders(['[a]', '[b]', '[c]', '[d]', '[e]'])).toBe(
			'[a], [b], [c] and 2 more'
		);
	});
});
