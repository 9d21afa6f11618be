import { describe, expect, it } from 'vitest';
import { makeContact } from '$lib/db/testing/factories';
import { contactToForm } from '$lib/domain/contact';
import { editDraftBlank, parseEditDraft, rebase } from './edit-draft';

describe('edit drafts', () => {
	const original = makeContact({
		name: 'Zoë Chen',
		role: 'Assistant',
		nextFollowUpOn: '2026-04-01',
		version: 4
	});

	it('keeps a draft as it is while the contact has not changed', () => {
		const draft = editDraftBlank(original);
		draft.form.role = 'Curator';
		expect(rebase(draft, original)).toEqual({ values: draft, changed: false, found: [] });
	});

	it('lays the user’s edits over a newer version without undoing the other change', () => {
		const draft = editDraftBlank(original);
		draft.form.role = 'Curator';
		// Meanwhile the follow-up was marked done on Today.
		const newer = { ...original, version: 5 };
		delete newer.nextFollowUpOn;
		const result = rebase(draft, newer);
		expect(result.changed).toBe(true);
		expect(result.found).toEqual([]);
		expect(result.values.form).toEqual({ ...contactToForm(newer), role: 'Curator' });
		expect(result.values.baseVersion).toBe(5);
		expect(result.values.base).toEqual(contactToForm(newer));
		// Laid over once, it is no longer behind the same version.
		expect(rebase(result.values, newer).changed).toBe(false);
	});

	it('keeps the user’s value where both changed a field, and lists it; lists merge', () => {
		const draft = editDraftBlank(original);
		draft.form.role = 'Curator';
		draft.form.emails = ['zoe@example.org'];
		const newer = { ...original, role: 'Archivist', emails: ['zchen@example.org'], version: 6 };
		const result = rebase(draft, newer);
		expect(result.values.form.role).toBe('Curator');
		expect(result.values.form.emails).toEqual(['zchen@example.org', 'zoe@example.org']);
		expect(result.values.conflicts).toEqual([{ field: 'role', kind: 'text', theirs: 'Archivist' }]);
	});

	it('reads stored drafts, including older ones without a version or a base', () => {
		const opened = editDraftBlank(original);
		const draft = { ...opened, form: { ...opened.form, role: 'Curator' } };
		expect(parseEditDraft(JSON.parse(JSON.stringify(draft)), opened)).toEqual(draft);
		expect(parseEditDraft({ form: draft.form }, opened)).toBeUndefined();
		expect(parseEditDraft({ name: 1 }, opened)).toBeUndefined();

		// Kept a base but no version: merged against that base when the form opens.
		const newer = { ...original, organization: 'Acorn Museum', version: 5 };
		const withBase = parseEditDraft(
			{ form: draft.form, base: contactToForm(original), baseUpdatedAt: original.updatedAt },
			editDraftBlank(newer)
		)!;
		const merged = rebase(withBase, newer);
		expect(merged.values.form).toMatchObject({ role: 'Curator', organization: 'Acorn Museum' });
		expect(merged.found).toEqual([]);

		// The form alone: read as opened now, its differences count as the user's edits.
		const legacy = parseEditDraft({ ...contactToForm(original), role: 'Curator' }, opened)!;
		expect(legacy.form.role).toBe('Curator');
		expect(rebase(legacy, original).changed).toBe(false);
	});
});
