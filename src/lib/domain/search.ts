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
