// What the contact forms read once as they open: the contact to edit, a touchpoint to edit, the
// names of everyone (to spot duplicates), and the two contacts of a merge with the candidates.
import type { Contact, ContactRef } from '$lib/domain/contact';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Query } from './query';

/** One contact, live or in the trash. */
export function contactById(id: string): Query<Contact | undefined> {
	return (r) => r.contacts.get(id);
}

export interface TouchpointFormData {
	contact?: Contact;
	/** The touchpoint being edited; undefined for a new one or one that is gone. */
	existing?: Touchpoint;
}

/** The contact of a touchpoint form and, unless `tid` is 'new', the touchpoint itself. */
export function touchpointForm(contactId: string, tid: string): Query<TouchpointFormData> {
	return async (r) => {
		const [contact, existing] = await Promise.all([
			r.contacts.get(contactId),
			tid === 'new' ? undefined : r.interactions.get(tid)
		]);
		return { contact, existing };
	};
}

/** Every live contact's name, for spotting duplicates among names typed in. */
export const contactNames: Query<ContactRef[]> = (r) => r.contacts.names();

export interface MergePair {
	keep?: Contact;
	other?: Contact;
	/** The names of the two contacts' introducers, by id. */
	names: Record<string, string>;
}

/** The contact kept in a merge, the one merged into it, and their introducers' names. */
export function mergePair(keepId: string, otherId: string): Query<MergePair> {
	return async (r) => {
		const [keep, other] = await Promise.all([
			r.contacts.get(keepId),
			otherId ? r.contacts.get(otherId) : undefined
		]);
		const introducers = [keep?.introducedById, other?.introducedById].filter(
			(x): x is string => !!x
		);
		const found = await r.contacts.getMany(introducers);
		const names = Object.fromEntries([...found].map(([key, c]) => [key, c.name]));
		return { keep, other, names };
	};
}

/** Up to `limit` contacts matching `query` but `excludeId`, as the merge picker lists them. */
export function mergeCandidates(query: string, excludeId: string, limit = 8): Query<ContactRef[]> {
	return async (r) => {
		const result = await r.contacts.search({ query, limit });
		return result.contacts
			.filter((c) => c.id !== excludeId)
			.map((c) => ({ id: c.id, name: c.name, organization: c.organization }));
	};
}

/** People whose names share a word with `name`: the likeliest duplicates, five at most. */
export function likelyDuplicates(name: string, excludeId: string): Query<ContactRef[]> {
	return async (r) => {
		const found: ContactRef[] = [];
		for (const word of name.split(/\s+/).filter((w) => w.replace(/\W/g, '').length > 1)) {
			for (const c of await mergeCandidates(word, excludeId)(r))
				if (!found.some((f) => f.id === c.id)) found.push(c);
			if (found.length >= 5) break;
		}
		return found.slice(0, 5);
	};
}
