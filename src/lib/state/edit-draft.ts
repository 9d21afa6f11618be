/**
 * The edit form's draft remembers which version of the contact it started from (`base` and
 * `baseUpdatedAt`). When the stored contact has changed since (a follow-up marked done on
 * Today, an edit in another tab), the user's edits are laid over the newer version field by
 * field, so neither their typing nor the other change is lost.
 */
import {
	contactFormSchema,
	contactToForm,
	type Contact,
	type ContactForm
} from '$lib/domain/contact';

export interface EditDraftValues {
	form: ContactForm;
	/** The contact's fields when editing started. */
	base: ContactForm;
	/** The contact's `updatedAt` when editing started. */
	baseUpdatedAt: number;
}

export interface Conflict {
	field: keyof ContactForm;
	label: string;
	/** What the newer stored version says, as text; the form keeps the user's value. */
	theirs: string;
}

const LABELS: Record<keyof ContactForm, string> = {
	name: 'Name',
	circle: 'Circle',
	metAt: 'Where or how you met',
	metOn: 'Met on',
	organization: 'Organisation',
	role: 'Role',
	field: 'Field of interest',
	emails: 'Email',
	phones: 'Phone',
	links: 'Link',
	introducedById: 'Introduced by',
	tags: 'Tags',
	notes: 'Notes',
	nextFollowUpOn: 'Follow up on'
};

export function editDraftBlank(contact: Contact): EditDraftValues {
	return {
		form: contactToForm(contact),
		base: contactToForm(contact),
		baseUpdatedAt: contact.updatedAt
	};
}

/** Reads a stored edit draft; a draft from before bases were kept reads with no base. */
export function parseEditDraft(raw: unknown): EditDraftValues | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const r = raw as Record<string, unknown>;
	if ('form' in r) {
		const form = contactFormSchema.safeParse(r.form);
		const base = contactFormSchema.safeParse(r.base);
		if (!form.success || !base.success || typeof r.baseUpdatedAt !== 'number') return undefined;
		return { form: form.data, base: base.data, baseUpdatedAt: r.baseUpdatedAt };
	}
	// An older draft: only the form's values. With no base, every field that differs from the
	// stored contact counts as the user's edit (see `rebase`).
	const legacy = contactFormSchema.safeParse(raw);
	return legacy.success
		? { form: legacy.data, base: legacy.data, baseUpdatedAt: Number.NaN }
		: undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function asText(field: keyof ContactForm, value: ContactForm[keyof ContactForm]): string {
	if (field === 'introducedById') return value ? 'someone else' : 'nobody';
	const text = Array.isArray(value) ? value.filter((v) => v.trim()).join(', ') : value.trim();
	return text || 'nothing';
}

export interface Rebased {
	values: EditDraftValues;
	/** The stored contact changed since the draft started. */
	stale: boolean;
	/** Fields changed both in the draft and in the stored contact, differently. */
	conflicts: Conflict[];
}

/**
 * Lays a draft's edits over the contact as it is stored now. A field the user did not touch
 * takes the stored value; a field they changed keeps theirs, and if the stored contact changed
 * it too (differently), it is listed as a conflict for them to review.
 */
export function rebase(draft: EditDraftValues, contact: Contact): Rebased {
	if (draft.baseUpdatedAt === contact.updatedAt)
		return { values: draft, stale: false, conflicts: [] };
	const current = contactToForm(contact);
	const legacy = Number.isNaN(draft.baseUpdatedAt);
	const form = { ...current };
	const conflicts: Conflict[] = [];
	for (const field of Object.keys(LABELS) as Array<keyof ContactForm>) {
		const mine = draft.form[field];
		const base = draft.base[field];
		const theirs = current[field];
		if (same(mine, theirs)) continue;
		if (!legacy && same(mine, base)) continue; // untouched here: take the newer stored value
		(form as Record<keyof ContactForm, unknown>)[field] = Array.isArray(mine) ? [...mine] : mine;
		if (legacy || !same(theirs, base))
			conflicts.push({ field, label: LABELS[field], theirs: asText(field, theirs) });
	}
	return {
		values: { form, base: current, baseUpdatedAt: contact.updatedAt },
		// An older draft without a base only counts as stale when it disagrees with the contact.
		stale: !legacy || conflicts.length > 0,
		conflicts
	};
}
