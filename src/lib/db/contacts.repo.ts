/**
 * The contacts table's repository: contacts in their domain shape going in and out (the row's
 * derived fields are its own), the indexed lookups screens and services need, and search.
 */
import type { Contact, ContactRef } from '$lib/domain/contact';
import { toListed, type ListedContact } from '$lib/domain/contact-list';
import { fromRow, isLive, toRow } from './contact-row';
import { contactSearch, type SearchTuning } from './contact-search';
import type { KithDB } from './database';

export { fromRow, toRow } from './contact-row';
export { forgetSearches } from './contact-search-cache';
export {
	SEARCH_PROBE,
	type ContactPage,
	type ContactQuery,
	type SearchTuning
} from './contact-search';

export function contactsRepo(db: KithDB, tuning: Partial<SearchTuning> = {}) {
	const table = db.contacts;
	const { search, recent } = contactSearch(db, tuning);
	return {
		async get(id: string): Promise<Contact | undefined> {
			const row = await table.get(id);
			return row && fromRow(row);
		},
		/** The contacts under `ids`, in the same order, undefined where there is none. */
		async bulkGet(ids: string[]): Promise<(Contact | undefined)[]> {
			return (await table.bulkGet(ids)).map((r) => r && fromRow(r));
		},
		/** Every stored contact, in the list or in the trash. */
		count: () => table.count(),
		/** Every contact not in the trash, in no particular order. */
		async live(): Promise<Contact[]> {
			return (await table.toArray()).filter(isLive).map(fromRow);
		},
		async getMany(ids: string[]): Promise<Map<string, Contact>> {
			const rows = await table.bulkGet(ids);
			return new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, fromRow(r)]));
		},
		put: (contact: Contact) => table.put(toRow(contact)),
		bulkPut: (contacts: Contact[]) => table.bulkPut(contacts.map(toRow)),
		/**
		 * Writes many contacts at once (an import). `fresh` says none of them is stored yet, which
		 * spares IndexedDB from looking for rows to replace; a repeated id then fails the write.
		 */
		putMany: (contacts: Contact[], { fresh = false }: { fresh?: boolean } = {}) =>
			fresh ? table.bulkAdd(contacts.map(toRow)) : table.bulkPut(contacts.map(toRow)),
		remove: (id: string) => table.delete(id),
		bulkRemove: (ids: string[]) => table.bulkDelete(ids),
		search,
		recent,
		/**
		 * Every live contact as the Contacts list shows it, in no particular order: the fields a row
		 * needs and the stored search words, so the whole list is filtered in memory as one types.
		 */
		async listed(): Promise<ListedContact[]> {
			const out: ListedContact[] = [];
			await table.each((c) => {
				if (isLive(c)) out.push(toListed(c));
			});
			return out;
		},
		/** Everyone this contact introduced, live or in the trash. */
		async introducedBy(id: string): Promise<Contact[]> {
			const rows = await table.where('introducedById').equals(id).toArray();
			return rows.map(fromRow).sort((a, b) => a.name.localeCompare(b.name));
		},
		async trash(): Promise<Contact[]> {
			const rows = await table.where('deletedAt').above(-1).toArray();
			return rows.map(fromRow).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
		},
		/** Live contacts with a follow-up on or before `day`. */
		async followUpsUpTo(day: string): Promise<Contact[]> {
			const rows = await table.where('nextFollowUpOn').belowOrEqual(day).filter(isLive).toArray();
			return rows.map(fromRow);
		},
		async countLive(): Promise<number> {
			const [all, trashed] = await Promise.all([
				table.count(),
				table.where('deletedAt').above(-1).count()
			]);
			return all - trashed;
		},
		async allTags(): Promise<string[]> {
			const tags = (await table.orderBy('tags').uniqueKeys()) as string[];
			return tags.sort((a, b) => a.localeCompare(b));
		},
		/** Everyone introduced by any of `ids`, live or in the trash (a referral chain, level by level). */
		async introducedByAny(ids: string[]): Promise<Contact[]> {
			const rows = await table.where('introducedById').anyOf(ids).toArray();
			return rows.map(fromRow);
		},
		/** Live contacts with an intro request not yet done (read through the `asking` index). */
		async withOpenIntroRequests(): Promise<Contact[]> {
			const rows = await table.where('asking').equals(1).toArray();
			return rows.map(fromRow);
		},
		/** What the Network page counts, for every contact (trashed ones too: they may start a chain). */
		async network(): Promise<
			Array<Pick<Contact, 'id' | 'name' | 'circle' | 'introducedById' | 'deletedAt'>>
		> {
			const out: Array<Pick<Contact, 'id' | 'name' | 'circle' | 'introducedById' | 'deletedAt'>> =
				[];
			await table.each((c) =>
				out.push({
					id: c.id,
					name: c.name,
					circle: c.circle,
					introducedById: c.introducedById,
					deletedAt: c.deletedAt
				})
			);
			return out;
		},
		/** Live contacts for pickers: names only matter, so no notes are copied around. */
		async names(): Promise<ContactRef[]> {
			const out: ContactRef[] = [];
			await table.each((c) => {
				if (isLive(c)) out.push({ id: c.id, name: c.name, organization: c.organization });
			});
			return out.sort((a, b) => a.name.localeCompare(b.name));
		}
	};
}

export type ContactsRepo = ReturnType<typeof contactsRepo>;
