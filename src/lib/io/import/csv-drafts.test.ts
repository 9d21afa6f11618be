// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactSchema } from '$lib/domain/contact';
import { addDraft, type CsvDrafts } from './csv-drafts';

// addDraft checks emails, phones and links one by one and leaves them out of its last, whole-
// contact check: this holds it to every draft still passing the whole contact schema.
describe('a CSV row made a draft', () => {
	const cell = fc.oneof(
		fc.string({ maxLength: 30 }),
		fc.constantFrom(
			'ana@example.org',
			'ana@',
			'a@b',
			' ana@example.org ',
			'+1 (555) 010-9999',
			'555 x12',
			'12345678901234567890123456789012345678901',
			'https://example.org/x',
			'linkedin.com/in/ana',
			'javascript:alert(1)',
			'http://',
			'ftp://example.org',
			`https://example.org/${'x'.repeat(2100)}`
		)
	);
	const list = fc.array(cell, { maxLength: 4 });

	it('always passes the whole contact schema, emails, phones and links included', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1, maxLength: 40 }),
				list,
				list,
				list,
				(name, emails, phones, links) => {
					const out: CsvDrafts = { drafts: [], problems: [] };
					addDraft({ name, emails, phones, links, tags: [] }, 2, out);
					for (const { line: _line, starred: _starred, ...fields } of out.drafts) {
						const whole = { ...fields, id: 'x', createdAt: 0, updatedAt: 0, version: 1 };
						expect(contactSchema.safeParse(whole).success).toBe(true);
					}
				}
			),
			{ numRuns: 400 }
		);
	});

	it('keeps the valid values of a row and names the ones it left out', () => {
		const out: CsvDrafts = { drafts: [], problems: [] };
		addDraft(
			{
				name: 'Ana',
				emails: ['ana@example.org', 'ana@'],
				phones: ['+1 555 0100', 'call me'],
				links: ['linkedin.com/in/ana', 'javascript:alert(1)'],
				tags: []
			},
			7,
			out
		);
		expect(out.drafts).toEqual([
			{
				line: 7,
				name: 'Ana',
				emails: ['ana@example.org'],
				phones: ['+1 555 0100'],
				links: ['https://linkedin.com/in/ana'],
				tags: []
			}
		]);
		expect(out.problems.map((p) => p.skipped)).toEqual([false, false, false]);
	});
});
