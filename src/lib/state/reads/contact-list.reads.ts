// The Contacts list's reads and the Trash's. The search is its own live query: typing re-runs it
// alone, not the counts beside it.
import type { Repos } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import type { ListedContact } from '$lib/domain/contact-list';
import type { Query } from './query';

export type ContactSearch = Parameters<Repos['contacts']['search']>[0];
export type ContactResults = Awaited<ReturnType<Repos['contacts']['search']>>;

/** Contacts matching the search words, circle and tag; the most recent first without words. */
export function contactSearch(q: ContactSearch): Query<ContactResults> {
	return (r) => r.contacts.search(q);
}

/**
 * Every contact in the list (not the trash), unsorted: the page filters and sorts them as one
 * types, so a keystroke reads nothing and the whole list is there to scroll and count.
 */
export const listedContacts: Query<ListedContact[]> = (r) => r.contacts.listed();

/** The contacts in the trash, the most recently deleted first. */
export const trashedContacts: Query<Contact[]> = (r) => r.contacts.trash();

/** How many contacts are in the trash. */
export const trashCount: Query<number> = async (r) => (await r.contacts.trash()).length;
