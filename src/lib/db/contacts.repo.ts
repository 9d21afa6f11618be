import { Dexie } from 'dexie';
import type { Contact, ContactRef } from '$lib/domain/contact';
import { contactSearchWords, matchesAll, queryWords } from '$lib/domain/search';
import type { ContactRow, KithDB } from './database';

/** How many index hits one search reads at most; past it the list says to type more. */
export const SEARCH_CANDIDATES = 400;

export interface ContactQuery {
	query?: string;
	circle?: string;
	tag?: string;
	limit?: number;
}

export interface ContactPage {
	contacts: Contact[];
	/** More contacts match than were read; typing more narrows the list. */
	truncated: boolean;
}

export function toRow(contact: Contact): ContactRow {
	return { ...contact, words: contact.deletedAt === undefined ? contactSearchWords(contact) : [] };
}

export function fromRow(row: ContactRow): Contact {
	const { words: _words, ...contact } = row;
	return contact;
}

const isLive = (c: ContactRow) => c.deletedAt === undefined;

export function contactsRepo(db: KithDB) {
	const table = db.contacts;

	async function recent(q: ContactQuery): Promise<ContactPage> {
		const limit = q.limit ?? 100;
		let coll = q.circle
			? table
					.where('[circle+updatedAt]')
					.between([q.circle, Dexie.minKey], [q.circle, Dexie.maxKey])
					.reverse()
			: table.orderBy('updatedAt').reverse();
		coll = coll.filter((c) => isLive(c) && (!q.tag || c.tags.includes(q.tag)));
		const rows = await coll.limit(limit + 1).toArray();
		return { contacts: rows.slice(0, limit).map(fromRow), truncated: rows.length > limit };
	}

	async function search(q: ContactQuery): Promise<ContactPage> {
		const terms = queryWords(q.query ?? '');
		if (terms.length === 0) return recent(q);
		const limit = q.limit ?? 100;
		// The longest word is usually the rarest, so it makes the narrowest index range.
		const probe = terms.reduce((a, b) => (b.length > a.length ? b : a));
		const keys = await table
			.where('words')
			.startsWith(probe)
			.limit(SEARCH_CANDIDATES)
			.primaryKeys();
		const rows = await table.bulkGet([...new Set(keys)]);
		const hits = rows.filter(
			(c): c is ContactRow =>
				c !== undefined &&
				isLive(c) &&
				(!q.circle || c.circle === q.circle) &&
				(!q.tag || c.tags.includes(q.tag)) &&
				matchesAll(c.words, terms)
		);
		hits.sort((a, b) => b.updatedAt - a.updatedAt);
		return {
			contacts: hits.slice(0, limit).map(fromRow),
			truncated: keys.length >= SEARCH_CANDIDATES || hits.length > limit
		};
	}

	return {
		async get(id: string): Promise<Contact | undefined> {
			const row = await table.get(id);
			return row && fromRow(row);
		},
		async getMany(ids: string[]): Promise<Map<string, Contact>> {
			const rows = await table.bulkGet(ids);
			return new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, fromRow(r)]));
		},
		put: (contact: Contact) => table.put(toRow(contact)),
		bulkPut: (contacts: Contact[]) => table.bulkPut(contacts.map(toRow)),
		remove: (id: string) => table.delete(id),
		bulkRemove: (ids: string[]) => table.bulkDelete(ids),
		search,
		recent,
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
