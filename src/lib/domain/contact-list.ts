/**
 * The Contacts list's rules: which people a search, circle and tag let through, in which order
 * (most recent first, or A to Z), and the letters the A to Z index jumps to. Pure, so the list's
 * behaviour is tested without a database or a page.
 */
import { z } from 'zod/mini';
import type { Contact } from './contact';
import {
	contactSearchWords,
	fold,
	initialBit,
	initialsOf,
	keyMatchesAll,
	keyNeedles,
	matchesAll,
	OTHER_INITIAL,
	queryWords,
	searchKey
} from './search';

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
	/** The words as one search key (`searchKey`), made once when the contact is read. */
	key?: string;
	/** The bits of the words' first characters (`initialsOf`), made with the key. */
	initials?: number;
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

/** How many earlier answers a searcher keeps, for Backspace and for narrowing from. */
const KEPT_ANSWERS = 24;

/**
 * A search over `contacts` (sorted as the list shows them) that remembers its answers while the
 * list stays the same: a query that only adds to an earlier one (a letter more, a word more) is
 * looked for among that one's answer instead of everyone, and a query asked before (Backspace) is
 * answered at once; `index`, a `prefixIndex` of the same list, narrows where no earlier answer
 * does. Finds exactly what `filterContacts` finds, in the same order. A changed list (an edit here
 * or in another tab) needs a new searcher and a new index.
 */
export function contactSearcher<T extends ListedContact>(
	contacts: readonly T[],
	index?: PrefixIndex
): (f: ContactFilter) => readonly T[] {
	interface Answer {
		terms: string[];
		circle: string;
		tag: string;
		list: readonly T[];
	}
	const answers = new Map<string, Answer>();
	return (f) => {
		const terms = queryWords(f.query ?? '');
		const circle = f.circle ?? '';
		const tag = f.tag ?? '';
		if (terms.length === 0 && !circle && !tag) return contacts;
		const id = `${circle}\u0000${tag}\u0000${terms.join(' ')}`;
		const known = answers.get(id);
		if (known) {
			// The most recently used is the last to go.
			answers.delete(id);
			answers.set(id, known);
			return known.list;
		}
		let from = contacts;
		for (const a of answers.values()) {
			if (
				a.circle === circle &&
				a.tag === tag &&
				a.list.length < from.length &&
				covers(a.terms, terms)
			)
				from = a.list;
		}
		let need = 0;
		for (const t of terms) need |= initialBit(t);
		// One letter a to z per word: having the initials is matching.
		const byInitials = terms.every((t) => t.length === 1 && initialBit(t) !== OTHER_INITIAL);
		const needles = keyNeedles(terms);
		const fits = (c: T) =>
			(!circle || c.circle === circle) &&
			(!tag || c.tags.includes(tag)) &&
			(need === 0 ||
				(((c.initials ?? initialsOf(c.words)) & need) === need &&
					(byInitials || keyMatchesAll(c.key ?? searchKey(c.words), needles))));
		// Once the list is indexed, those with a word starting as a query word does may be fewer.
		let candidates: readonly number[] | undefined;
		if (index?.ready) {
			for (const t of terms) {
				const at = index.positions(t);
				if (t.length >= 2 && (candidates === undefined || at.length < candidates.length))
					candidates = at;
			}
		}
		const list: T[] = [];
		if (candidates !== undefined && candidates.length < from.length) {
			for (const i of candidates) {
				const c = contacts[i];
				if (c !== undefined && fits(c)) list.push(c);
			}
		} else {
			for (const c of from) if (fits(c)) list.push(c);
		}
		answers.set(id, { terms, circle, tag, list });
		if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value as string);
		return list;
	};
}

/**
 * Where each two-character start of a word is found in a list: the positions, in the list's
 * order, of the contacts with a word that starts so. Built a slice at a time (`step`), so a long
 * list is indexed between keystrokes rather than in one long task; used once whole.
 */
export interface PrefixIndex {
	/** Indexes up to `count` more contacts; true once every contact is indexed. */
	step(count: number): boolean;
	readonly ready: boolean;
	/** The positions of the contacts with a word starting with the first two characters of `term`. */
	positions(term: string): readonly number[];
}

const NONE: readonly number[] = [];
const NONE_WORDS: readonly string[] = [];
const pair = (w: string) => w.charCodeAt(0) * 65536 + w.charCodeAt(1);

export function prefixIndex(contacts: readonly ListedContact[]): PrefixIndex {
	const postings = new Map<number, number[]>();
	let next = 0;
	return {
		step(count) {
			const end = Math.min(contacts.length, next + count);
			for (; next < end; next++) {
				for (const w of contacts[next]?.words ?? NONE_WORDS) {
					if (w.length < 2) continue;
					const key = pair(w);
					let list = postings.get(key);
					if (list === undefined) postings.set(key, (list = []));
					if (list[list.length - 1] !== next) list.push(next);
				}
			}
			return next >= contacts.length;
		},
		get ready() {
			return next >= contacts.length;
		},
		positions: (term) => (term.length < 2 ? NONE : (postings.get(pair(term)) ?? NONE))
	};
}

/** Every earlier word starts one of the new words: whoever the new words find, the earlier found. */
function covers(earlier: readonly string[], now: readonly string[]): boolean {
	return earlier.every((e) => now.some((n) => n.startsWith(e)));
}

// Accents and case aside, numbers in their natural order ("Item 2" before "Item 10").
// Made on first use, as the formats in day.ts.
let collator: Intl.Collator | undefined;

/** A copy sorted: the most recently changed first, or by name A to Z (then the newest first). */
export function sortContacts<T extends ListedContact>(
	contacts: readonly T[],
	sort: ContactSort
): T[] {
	const recent = (a: T, b: T) =>
		b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
	if (sort === 'recent') return [...contacts].sort(recent);
	const keyed = contacts.map((c) => ({ c, key: c.name.trim() }));
	const by = (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true }));
	keyed.sort((a, b) => by.compare(a.key, b.key) || recent(a.c, b.c));
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
	const words = c.words ?? contactSearchWords(c);
	return {
		id: c.id,
		name: c.name,
		organization: c.organization,
		role: c.role,
		circle: c.circle,
		tags: c.tags,
		nextFollowUpOn: c.nextFollowUpOn,
		updatedAt: c.updatedAt,
		words,
		key: searchKey(words),
		initials: initialsOf(words)
	};
}
