/**
 * The contact edit form's draft: a form opened on a version of the contact (domain/form-version),
 * so an edit made meanwhile (a follow-up marked done on Today, a save in another tab) is merged
 * field by field with the same three-way merge as every other form, and only a field changed in
 * both places is put to the person.
 */
import {
	CONTACT_FORM_KINDS,
	contactFormSchema,
	contactToForm,
	type Contact,
	type ContactForm
} from '$lib/domain/contact';
import {
	openForm,
	parseVersionedForm,
	rebaseForm,
	type Rebased,
	type VersionedForm
} from '$lib/domain/form-version';

export type EditDraftValues = VersionedForm<ContactForm>;

export function editDraftBlank(contact: Contact): EditDraftValues {
	return openForm(contactToForm(contact), contact.version);
}

/**
 * Reads a stored edit draft. One saved before versions were kept remembers the contact's fields
 * (`base`) but not its version: it is merged against that base when the form opens, whatever the
 * contact's version is now. One older still holds the form alone, read as opened now.
 */
export function parseEditDraft(raw: unknown, opened: EditDraftValues): EditDraftValues | undefined {
	if (raw && typeof raw === 'object' && 'baseUpdatedAt' in raw && !('baseVersion' in raw))
		return parseVersionedForm({ ...raw, baseVersion: 0 }, contactFormSchema, opened);
	return parseVersionedForm(raw, contactFormSchema, opened);
}

/** Lays the draft's edits over the contact as it is stored now (see rebaseForm). */
export function rebase(draft: EditDraftValues, contact: Contact): Rebased<ContactForm> {
	return rebaseForm(
		draft,
		{ form: contactToForm(contact), version: contact.version },
		CONTACT_FORM_KINDS
	);
}
