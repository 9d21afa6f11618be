import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
	contactSchema,
	contactToForm,
	emptyContactForm,
	normalizeLink,
	parseContactForm,
	parseTags,
	type ContactForm
} from './contact';
import { tagSchema } from './text';
import { cutText } from './text-length';

function form(fields: Partial<ContactForm>): ContactForm {
	return { ...emptyContactForm('2026-05-01'), ...fields };
}

describe('parseContactForm', () => {
	it('accepts a name alone and drops empty optional fields', () => {
		const result = parseContactForm(form({ name: '  Ada   Lovelace ' }));
		expect(result).toEqual({
			ok: true,
			value: expect.objectContaining({ name: 'Ada Lovelace', metOn: '2026-05-01', emails: [] })
		});
		// Absent, not present-but-undefined: stored rows and backups carry only what was typed.
		if (result.ok)
			for (const key of ['organization', 'circle', 'notes', 'nextFollowUpOn', 'introducedById'])
				expect(Object.keys(result.value)).not.toContain(key);
	});

	it.each(['', '   ', '\t\n'])('refuses a name of only white space (%j)', (name) => {
		const result = parseContactForm(form({ name }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.name).toMatch(/name/i);
	});

	it('says which email is wrong', () => {
		const result = parseContactForm(form({ name: 'A', emails: ['ok@example.org', 'nope@'] }));
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.errors['emails.1']).toMatch(/email/i);
			expect(result.errors['emails.0']).toBeUndefined();
		}
	});

	it.each([
		'javascript:alert(1)',
		'JAVASCRIPT:alert(1)',
		'data:text/html,<b>x</b>',
		'ftp://x.org/a'
	])('refuses the link %s', (link) => {
		const result = parseContactForm(form({ name: 'A', links: [link] }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors['links.0']).toMatch(/http/);
	});

	it('adds https:// to a link typed without a scheme', () => {
		const result = parseContactForm(form({ name: 'A', links: ['linkedin.com/in/ada'] }));
		expect(result.ok && result.value.links).toEqual(['https://linkedin.com/in/ada']);
		expect(normalizeLink('example.org:8080/x')).toBe('https://example.org:8080/x');
		expect(normalizeLink('http://example.org')).toBe('http://example.org');
	});

	it('refuses a phone with letters', () => {
		const result = parseContactForm(form({ name: 'A', phones: ['call me'] }));
		expect(result.ok).toBe(false);
		const ok = parseContactForm(form({ name: 'A', phones: ['+1 (555) 010-0199 ext. 4'] }));
		expect(ok.ok).toBe(true);
	});

	it('keeps a 10,000-character note, emoji, right-to-left text and markup exactly as typed', () => {
		const note = 'x'.repeat(10_000);
		const name = 'نور الهدى 🌟 <img src=x onerror=alert(1)>';
		const result = parseContactForm(
			form({ name, notes: note, organization: '<script>1</script>' })
		);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value.notes).toHaveLength(10_000);
			expect(result.value.name).toBe(name);
			expect(result.value.organization).toBe('<script>1</script>');
		}
	});

	it('refuses an impossible date', () => {
		const result = parseContactForm(form({ name: 'A', nextFollowUpOn: '2026-02-31x' }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.nextFollowUpOn).toMatch(/date/);
	});

	it('round-trips through the form shape', () => {
		const result = parseContactForm(
			form({ name: 'Bo', emails: ['bo@example.org'], tags: 'ux, Archives, ux', circle: 'alumni' })
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const contact = contactSchema.parse({
			...result.value,
			id: 'a',
			createdAt: 1,
			updatedAt: 1,
			version: 1
		});
		const again = parseContactForm(contactToForm(contact));
		expect(again).toEqual(result);
	});
});

describe('parseTags', () => {
	it('splits on commas and hashes, trims, and drops duplicates ignoring case', () => {
		expect(parseTags('ux, #archives,  UX ,, mentor  ship')).toEqual([
			'ux',
			'archives',
			'mentor ship'
		]);
	});
});

describe('tags stay whole characters', () => {
	const a59 = 'a'.repeat(59);
	const graphemes = (text: string) =>
		[...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(
			(s) => s.segment
		);
	const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

	it('keeps a tag of 60 plain characters, accented ones included', () => {
		expect(parseTags('é'.repeat(60) + 'x')).toEqual(['é'.repeat(60)]);
		expect(parseTags('b'.repeat(80))).toEqual(['b'.repeat(60)]);
	});

	it('drops a last emoji or accented letter that does not fit rather than half of it', () => {
		expect(parseTags(`${a59}👩🏽‍💻`)).toEqual([a59]);
		expect(parseTags(`${a59}🙂`)).toEqual([a59]);
		expect(parseTags(`${a59}e\u0301`)).toEqual([a59]);
		expect(parseTags(`${a59}🇫🇷`)).toEqual([a59]);
		expect(parseTags('🙂'.repeat(40))).toEqual(['🙂'.repeat(30)]);
		expect(parseTags(`${'a'.repeat(55)}👩🏽‍💻, design`)).toEqual([`${'a'.repeat(55)}`, 'design']);
	});

	it('does not end a cut tag with a space', () => {
		expect(parseTags(`${a59} and more words`)).toEqual([a59]);
	});

	it('still cuts whole code points where Intl.Segmenter is missing', async () => {
		const original = Intl.Segmenter;
		Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true });
		try {
			vi.resetModules();
			const fresh = await import('./text-length');
			expect(fresh.cutText(`${a59}🙂`, 60)).toBe(a59);
			expect(fresh.cutText(`${'a'.repeat(58)}🙂🙂`, 60)).toBe(`${'a'.repeat(58)}🙂`);
		} finally {
			Object.defineProperty(Intl, 'Segmenter', { value: original, configurable: true });
		}
	});

	const text = fc
		.array(
			fc.oneof(
				fc.string({ unit: 'grapheme', maxLength: 40 }),
				fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
				fc.constantFrom('👩🏽‍💻', '🇫🇷', 'e\u0301', '🙂', ' ', ', ', '#', '\n', 'x'.repeat(57))
			),
			{ maxLength: 12 }
		)
		.map((parts) => parts.join(''));

	it('never stores a broken character or a tag the schema would refuse', () => {
		fc.assert(
			fc.property(text, (input) => {
				for (const tag of parseTags(input)) {
					expect(tag).not.toMatch(LONE_SURROGATE);
					expect(tagSchema.safeParse(tag).success).toBe(true);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('cuts long text (past the stretch it segments) at the same place as a full segmentation', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 250, max: 700 }),
				text,
				fc.integer({ min: 0, max: 120 }),
				(pad, input, extra) => {
					const long = 'é'.repeat(pad) + input;
					const max = pad + extra;
					const cut = cutText(long, max);
					const whole = graphemes(long);
					const kept = graphemes(cut);
					expect(kept).toEqual(whole.slice(0, kept.length));
					if (kept.length < whole.length)
						expect(cut.length + whole[kept.length]!.length).toBeGreaterThan(max);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('cuts at the last whole character that fits', () => {
		fc.assert(
			fc.property(text, fc.integer({ min: 0, max: 120 }), (input, max) => {
				const cut = cutText(input, max);
				expect(cut.length).toBeLessThanOrEqual(max);
				const whole = graphemes(input);
				const kept = graphemes(cut);
				expect(kept).toEqual(whole.slice(0, kept.length));
				// The next character would not have fitted.
				if (kept.length < whole.length) {
					expect(cut.length + whole[kept.length]!.length).toBeGreaterThan(max);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
