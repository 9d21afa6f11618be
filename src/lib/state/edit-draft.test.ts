import { describe, expect, it } from 'vitest';
import { makeContact } from '$lib/db/testing/factories';
import { contactToForm } from '$lib/domain/contact';
import { editDraftBlank, parseEditDraft, rebase } from './edit-draft';

describe('edit drafts', () => {
	const original = makeContact({
		name: 'Zoë Chen',
		role: 'Assistant',
		nextFollowUpOn: '2026-04-01',
		updatedAt: 100
	});

	it('keeps a draft as it is while the contact has not changed', () => {
		const draft = editDraftBlank(original);
		draft.form.role = 'Curator';
		expect(rebase(draft, original)).toEqual({ values: draft, stale: false, conflicts: [] });
	});

	it('lays the user’s edits over a newer version without undoing the other change', () => {
		const draft = editDraftBlank(original);
		draft.form.role = 'Curator';
		// Meanwhile the follow-up was marked done on Today.
		const newer = { ...original, updatedAt: 200 };
		delete newer.nextFollowUpOn;
		const result = rebase(draft, newer);
		expect(result.stale).toBe(true);
		expect(result.conflicts).toEqual([]);
		expect(result.values.form).toEqual({ ...contactToForm(newer), role: 'Curator' });
		expect(result.values.baseUpdatedAt).toBe(200);
		expect(result.values.base).toEqual(contactToForm(newer));
		// Laid over once, it is no longer stale against the same version.
		expect(rebase(result.values, newer).stale).toBe(false);
	});

	it('keeps the user’s value where both changed a field, and lists it', () => {
		const draft = editDraftBlank(original);
		draft.form.role = 'Curator';
		draft.form.emails = ['zoe@example.org'];
		const newer = { ...original, role: 'Archivist', updatedAt: 300 };
		const result = rebase(draft, newer);
		expect(result.values.form.role).toBe('Curator');
		expect(result.values.form.emails).toEqual(['zoe@example.org']);
		expect(result.conflicts).toEqual([{ field: 'role', label: 'Role', theirs: 'Archivist' }]);
	});

	it('reads stored drafts, including older ones without a base', () => {
		const draft = editDraftBlank(original);
		expect(parseEditDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
		expect(parseEditDraft({ form: draft.form })).toBeUndefined();
		expect(parseEditDraft({ name: 1 })).toBeUndefined();

		const legacy = parseEditDraft({ ...contactToForm(original), role: 'Curator' })!;
		expect(legacy.form.role).toBe('Curator');
		// No base to compare with: the draft's differences are kept and listed for review.
		const result = rebase(legacy, original);
		expect(result.values.form.role).toBe('Curator');
		expect(result.conflicts.map((c) => c.field)).toEqual(['role']);
		// An old draft that matches the contact is nothing to warn about.
		expect(rebase(parseEditDraft(contactToForm(original))!, original).stale).toBe(false);
	});
});
