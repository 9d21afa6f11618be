/**
 * Saving contacts: capture and edit (with their drafts, and a check that the contact was not
 * changed meanwhile), trash, restore, purge and full deletion, and follow-up dates.
 */
import { stampNew, touch, write, type KithDB, type UnitRepos } from '$lib/db';
import {
	CONTACT_FORM_KINDS,
	contactToForm,
	parseContactForm,
	type Contact,
	type ContactForm,
	type FieldErrors
} from '$lib/domain/contact';
import { checkSaveFrom, type Current } from '$lib/domain/form-version';
import type { FieldConflict } from '$lib/domain/merge3';
import { newId } from '$lib/domain/ids';

export type SaveResult =
	| { ok: true; contact: Contact; merged?: boolean }
	| {
			ok: false;
			errors: FieldErrors;
			/**
			 * Set when the contact changed since the form was opened (`base`) in a field the form
			 * changed too: nothing was written, and this is the newer stored version.
			 */
			current?: Contact;
			conflicts?: FieldConflict<ContactForm>[];
	  };

interface SaveOptions {
	/** The draft this form was autosaved under; it is cleared in the same transaction. */
	draftKey?: string;
	now?: number;
	/**
	 * The contact as the edit form was opened on it. A version saved since (a follow-up marked done
	 * on Today, another tab) is merged field by field; a field changed on both sides is reported.
	 */
	base?: Current<ContactForm>;
}

/** The draft key of a contact's edit form. */
export function editDraftKey(id: string): string {
	return `edit:${id}`;
}

/**
 * Checks that an introducer exists, is not the contact itself, and does not make a loop. Called
 * inside the saving transaction, so the introducer cannot be deleted between check and write.
 */
async function introducerError(
	{ contacts }: UnitRepos<'contacts'>,
	id: string | undefined,
	introducerId: string | undefined
): Promise<string | undefined> {
	if (!introducerId) return undefined;
	if (introducerId === id) return 'Someone cannot introduce themselves; pick another person.';
	const seen = new Set<string>();
	let cursor: string | undefined = introducerId;
	while (cursor && !seen.has(cursor)) {
		seen.add(cursor);
		const c = await contacts.get(cursor);
		if (!c) return cursor === introducerId ? 'That person is no longer in Kith.' : undefined;
		if (c.introducedById === id && id)
			return `${c.name} was introduced through this person, so that would make a loop.`;
		cursor = c.introducedById;
	}
	return undefined;
}

/**
 * Writes the contact and clears its draft. Both requests are placed at once: IndexedDB runs them
 * in order all the same, and waiting for the first before placing the second only delays the commit.
 */
function writeContact(
	r: UnitRepos<'contacts' | 'drafts'>,
	contact: Contact,
	draftKey: string | undefined
) {
	return Promise.all([r.contacts.put(contact), draftKey ? r.drafts.remove(draftKey) : undefined]);
}

/** Saves a new contact from the capture form and clears its draft, all or nothing. */
export async function captureContact(
	db: KithDB,
	form: ContactForm,
	{ draftKey, now = Date.now() }: SaveOptions = {}
): Promise<SaveResult> {
	const parsed = parseContactForm(form);
	if (!parsed.ok) return parsed;
	const id = newId();
	const contact: Contact = stampNew({ ...parsed.value, id }, now);
	return write(db, ['contacts', 'drafts'], async (r): Promise<SaveResult> => {
		// Without an introducer there is nothing to read, so the writes go out at once.
		if (contact.introducedById) {
			const introErr = await introducerError(r, id, contact.introducedById);
			if (introErr) return { ok: false, errors: { introducedById: introErr } };
		}
		await writeContact(r, contact, draftKey);
		return { ok: true, contact };
	});
}

/** Replaces a contact's editable fields, keeping its id, dates and trash state. */
export async function updateContact(
	db: KithDB,
	id: string,
	form: ContactForm,
	{ draftKey, now = Date.now(), base }: SaveOptions = {}
): Promise<SaveResult> {
	const first = parseContactForm(form);
	if (!first.ok) return first;
	return write(db, ['contacts', 'drafts'], async (r): Promise<SaveResult> => {
		const existing = await r.contacts.get(id);
		if (!existing)
			return { ok: false, errors: { name: 'This contact was deleted in the meantime.' } };
		const check = checkSaveFrom(
			form,
			base,
			{ form: contactToForm(existing), version: existing.version },
			CONTACT_FORM_KINDS
		);
		if (!check.ok) return { ok: false, errors: {}, current: existing, conflicts: check.conflicts };
		const parsed = check.merged ? parseContactForm(check.form) : first;
		if (!parsed.ok) return parsed;
		const introErr = await introducerError(r, id, parsed.value.introducedById);
		if (introErr) return { ok: false, errors: { introducedById: introErr } };
		const contact: Contact = touch(
			{
				...parsed.value,
				// Kept outside the form: the edit form does not show them, so saving must not drop them.
				...(existing.introRequests ? { introRequests: existing.introRequests } : {}),
				id,
				// Set on the contact's page, not in the form: an edit keeps it.
				...(existing.keepInTouchDays ? { keepInTouchDays: existing.keepInTouchDays } : {}),
				createdAt: existing.createdAt,
				updatedAt: existing.updatedAt,
				version: existing.version,
				deletedAt: existing.deletedAt
			},
			now
		);
		if (contact.deletedAt === undefined) delete contact.deletedAt;
		await writeContact(r, contact, draftKey);
		return { ok: true, contact, merged: check.merged };
	});
}

/** Moves a contact to the trash; it keeps every link and can be restored. */
export async function trashContact(db: KithDB, id: string, now = Date.now()): Promise<void> {
	await write(db, ['contacts'], async (r) => {
		const c = await r.contacts.get(id);
		if (c && c.deletedAt === undefined) await r.contacts.put({ ...c, deletedAt: now });
	});
}

export async function restoreContact(db: KithDB, id: string, now = Date.now()): Promise<void> {
	await write(db, ['contacts'], async (r) => {
		const c = await r.contacts.get(id);
		if (!c || c.deletedAt === undefined) return;
		const { deletedAt: _gone, ...live } = c;
		// A restore is a change like any other: a merge from a backup must see it as the newer one,
		// newer than the trashing too.
		await r.contacts.put(touch(live, now, { ...c, updatedAt: Math.max(c.updatedAt, c.deletedAt) }));
	});
}

/**
 * Deletes trashed contacts for good (all of them, or the given ones). People they introduced
 * stay, with the introduction forgotten, so no link points at nobody. Unsaved edits of the
 * deleted contacts go with them, so no draft waits for a contact that is gone.
 */
export async function purgeContacts(db: KithDB, ids?: string[]): Promise<number> {
	return write(db, CONTACT_TABLES, async (r) => {
		const trashed = (await r.contacts.trash()).filter((c) => !ids || ids.includes(c.id));
		const gone = trashed.map((c) => c.id);
		await deleteContactsFully(r, gone);
		return gone.length;
	});
}

/** The tables a contact's rows live in: what deleting one fully must write. */
export const CONTACT_TABLES = [
	'contacts',
	'interactions',
	'interviews',
	'drafts',
	'contactExtras'
] as const;

/**
 * Removes contacts with their interactions, interviews and edit drafts; people they introduced
 * stay, with the introduction forgotten, and interviews with others forget them as referrals, so
 * no record names a contact that is gone (a backup with such a name is refused on restore). Call
 * inside a unit of work over `CONTACT_TABLES`.
 */
export async function deleteContactsFully(
	r: UnitRepos<(typeof CONTACT_TABLES)[number]>,
	ids: string[]
): Promise<void> {
	await forgetIntroductions(r, ids);
	const leaving = new Set(ids);
	const theirs = await r.interviews.withAnyOf(ids);
	await r.interviews.bulkRemove(theirs.map((i) => i.id));
	for (const interview of await r.interviews.referringAnyOf(ids)) {
		if (leaving.has(interview.contactId)) continue;
		const referralIds = interview.referralIds.filter((id) => !leaving.has(id));
		await r.interviews.put(touch({ ...interview, referralIds }, Date.now()));
	}
	await r.interactions.removeOfContacts(ids);
	await r.drafts.removeForms(ids.map(editDraftKey));
	// Unsaved touchpoints with them too (`touchpoint:<id>` and `touchpoint:<id>:<touchpoint>`).
	for (const id of ids) await r.drafts.removeStartingWith(`touchpoint:${id}`);
	await r.contactExtras.bulkRemove(ids);
	await r.contacts.bulkRemove(ids);
}

/** Contacts introduced by any of `ids` (and not among them) lose that introduction. Call inside a unit of work. */
export async function forgetIntroductions(r: UnitRepos<'contacts'>, ids: string[]): Promise<void> {
	const leaving = new Set(ids);
	for (const id of ids) {
		for (const child of await r.contacts.introducedBy(id)) {
			if (leaving.has(child.id)) continue;
			const { introducedById: _i, ...rest } = child;
			await r.contacts.put(rest);
		}
	}
}

/** Sets or clears a contact's next follow-up (done, snoozed, or undone). */
export async function updateFollowUp(
	db: KithDB,
	id: string,
	on: string | undefined,
	now = Date.now()
): Promise<void> {
	await write(db, ['contacts'], async (r) => {
		const c = await r.contacts.get(id);
		if (!c) return;
		const { nextFollowUpOn: _old, ...rest } = c;
		await r.contacts.put(touch({ ...rest, ...(on ? { nextFollowUpOn: on } : {}) }, now));
	});
}
