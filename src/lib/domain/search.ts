/**
 * Search tokens: lower-case words with accents removed, so "jose" finds "José" and "MÜLLER"
 * finds "Müller". A query matches when each of its words is the prefix of some word of the record.
 */

const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(MARKS, '')
		.toLocaleLowerCase('en')
		.replace(/ß/g, 'ss')
		.replace(/ø/g, 'o')
		.replace(/æ/g, 'ae')
		.replace(/œ/g, 'oe')
		.replace(/ł/g, 'l')
		.replace(/đ/g, 'd');
}

export function words(text: string): string[] {
	return fold(text).split(SEPARATORS).filter(Boolean);
}

/** The distinct words of the given texts, longest 40 characters, at most `max` of them. */
export function searchWords(texts: Array<string | undefined>, max = 200): string[] {
	const out = new Set<string>();
	for (const text of texts) {
		if (!text) continue;
		for (const w of words(text)) {
			out.add(w.slice(0, 40));
			if (out.size >= max) return [...out];
		}
	}
	return [...out];
}

export interface Searchable {
	name: string;
	organization?: string;
	role?: string;
	tags: string[];
	notes?: string;
}

export function contactSearchWords(c: Searchable): string[] {
	// Names, organisations, roles and tags first, so notes cannot crowd them out of the limit.
	return searchWords([c.name, c.organization, c.role, c.tags.join(' '), c.notes]);
}

export function queryWords(query: string): string[] {
	return words(query).map((w) => w.slice(0, 40));
}

/** Every query word is a prefix of at least one of the record's words. */
export function matchesAll(recordWords: readonly string[], query: readonly string[]): boolean {
	return query.every((q) => recordWords.some((w) => w.startsWith(q)));
}

/** Between the words of a search key: no word holds it, since words are letters and digits. */
const KEY_SEPARATOR = '\u0001';

/**
 * A record's words as one string, each after a separator. A query word is the prefix of one of
 * the words exactly when the separator followed by it occurs in the key, which one native string
 * search finds faster than a loop over the words.
 */
export function searchKey(recordWords: readonly string[]): string {
	return KEY_SEPARATOR + recordWords.join(KEY_SEPARATOR);
}

/** What `keyMatchesAll` looks for: each query word after the separator, the longest first. */
export function keyNeedles(query: readonly string[]): string[] {
	return [...query].sort((a, b) => b.length - a.length).map((q) => KEY_SEPARATOR + q);
}

/** As `matchesAll`, over a search key and the query's `keyNeedles`. */
export function keyMatchesAll(key: string, needles: readonly string[]): boolean {
	for (const n of needles) if (!key.includes(n)) return false;
	return true;
}

/** Bit 26: a word that starts with anything but a to z (a digit, another script). */
export const OTHER_INITIAL = 1 << 26;

/** The bit of a word's first character: a to z are bits 0 to 25, anything else `OTHER_INITIAL`. */
export function initialBit(word: string): number {
	const code = word.charCodeAt(0) - 97;
	return code >= 0 && code < 26 ? 1 << code : OTHER_INITIAL;
}

/**
 * The bits of the first characters of a record's words: a record can match a query only when it
 * has every bit of the query's words, which one integer test tells.
 */
export function initialsOf(recordWords: readonly string[]): number {
	let bits = 0;
	for (const w of recordWords) bits |= initialBit(w);
	return bits;
}
