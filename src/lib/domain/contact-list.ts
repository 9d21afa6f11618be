/**
 * The Contacts list's rules: which people a search, circle and tag let through, in which order
 * (most recent first, or A to Z), and the letters the A to Z index jumps to. Pure, so the list's
 * behaviour is tested without a database or a page.
 */
import { z } from 'zod/mini';
import type { Contact } from './contact';
import { contactSearchWords, fold, matchesAll, queryWords } from './search';

export const CONTACT_SORTS = ['recent', 'name'] as const;
export const contactSortSchema = z.enum(CONTACT_SORTS);
export type ContactSort = z.infer<typeof contactSortSchema>;

/** What one row of the list needs: enough to show and find a person, never their notes' text. */
export type ListedContact = Pick<
	Contact,
	'id' | 'name' | 'organization' | 'role' | 'circle' | 'tags' | 'nextFollowUpOn' | 'updatedAt'
> & {
	/** The folded search words (name, work, tags, notes), as the contacts table keeps them. */
	words: readonly string[];
};

export interface ContactFilter {
	query?: string;
	circle?: string;
	tag?: string;
}

/** The sort the address asks for; anything else falls back to `fallback`. */
export function parseSort(value: string | null | undefined, fallback: ContactSort): ContactSort {
	const parsed = contactSortSchema.safeParse(value);
	return parsed.success ? parsed.data : fallback;
}

/** The listed contacts every query word, the circle and the tag let through, in their order. */
export function filterContacts<T extends ListedContact>(
	contacts: readonly T[],
	f: ContactFilter
): T[] {
	const words = queryWords(f.query ?? '');
	return contacts.filter(
		(c) =>
			(!f.circle || c.circle === f.circle) &&
			(!f.tag || c.tags.includes(f.tag)) &&
			(words.length === 0 || matchesAll(c.words, words))
	);
}

// Accents and case aside, numbers in their natural order ("Item 2" before "Item 10").
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A copy sorted: the most recently changed first, or by name A to Z (then the newest first). */
export function sortContacts<T extends ListedContact>(
	contacts: readonly T[],
	sort: ContactSort
): T[] {
	const recent = (a: T, b: T) =>
		b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
	if (sort === 'recent') return [...contacts].sort(recent);
	const keyed = contacts.map((c) => ({ c, key: c.name.trim() }));
	keyed.sort((a, b) => collator.compare(a.key, b.key) || recent(a.c, b.c));
	return keyed.map((k) => k.c);
}

/** The index letter a name files under: A to Z with accents removed ("Élodie" is E), else "#". */
export function letterOf(name: string): string {
	const first = fold(name.trim()).charAt(0).toUpperCase();
	return first >= 'A' && first <= 'Z' ? first : '#';
}

/**
 * Where each letter starts in a list sorted A to Z: the letters present, in the list's order,
 * each with the position of its first contact.
 */
export function letterIndex(sorted: readonly Pick<ListedContact, 'name'>[]): {
	letter: string;
	at: number;
}[] {
	const out: { letter: string; at: number }[] = [];
	const seen = new Set<string>();
	sorted.forEach((c, at) => {
		const letter = letterOf(c.name);
		if (!seen.has(letter)) {
			seen.add(letter);
			out.push({ letter, at });
		}
	});
	return out;
}

/** A contact as the list keeps it; the words are worked out when the row does not carry them. */
export function toListed(c: Contact & { words?: readonly string[] }): ListedContact {
	return {
		id: c.id,
		name: c.name,
		organization: c.organization,
		role: c.role,
		circle: c.circle,
		tags: c.tags,
		nextFollowUpOn: c.nextFollowUpOn,
		updatedAt: c.updatedAt,
		words: c.words ?? contactSearchWords(c)
	};
}
