import { describe, expect, it } from 'vitest';
import {
	contactSchema,
	contactToForm,
	emptyContactForm,
	normalizeLink,
	parseContactForm,
	parseTags,
	type ContactForm
} from './contact';

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
		const contact = contactSchema.parse({ ...result.value, id: 'a', createdAt: 1, updatedAt: 1 });
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
