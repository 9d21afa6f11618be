/**
 * The drafts table's repository: what a person typed into a form and has not saved yet, stored in
 * the IndexedDB "kith" database's `drafts` table under the form's key.
 */
import type { Draft } from '$lib/domain/draft';
import { draftTab } from '$lib/domain/draft-key';
import type { KithDB } from './database';

/** Unsaved form values, one row per form (`key`), kept until the form is saved or discarded. */
export function draftsRepo(db: KithDB) {
	return {
		get: (key: string) => db.drafts.get(key),
		save: (key: string, values: Record<string, unknown>, now = Date.now()) =>
			db.drafts.put({ key, values, updatedAt: now } satisfies Draft),
		remove: (key: string) => db.drafts.delete(key),
		bulkRemove: (keys: string[]) => db.drafts.bulkDelete(keys),
		/** Every tab's draft of a form, the newest first. */
		ofForm: async (form: string) =>
			(await db.drafts.where('key').startsWith(form).toArray())
				.filter((d) => draftTab(d.key, form) !== undefined)
				.sort((a, b) => b.updatedAt - a.updatedAt),
		/** Deletes every tab's draft of these forms (the record they edit is gone). */
		removeForms: (forms: string[]) =>
			db.drafts
				.where('key')
				.startsWithAnyOf(forms)
				.filter((d) => forms.some((form) => draftTab(d.key, form) !== undefined))
				.delete(),
		/** Deletes every draft whose key starts with `prefix` (a contact's unsaved touchpoints). */
		removeStartingWith: (prefix: string) => db.drafts.where('key').startsWith(prefix).delete()
	};
}
