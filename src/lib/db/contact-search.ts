/**
 * The contacts' in-memory search engine: finds contacts by the start of their words (through the
 * `words` index), with a circle or tag, newest first, choosing per query between reading index
 * entries and walking the newest contacts. What it keeps between keystrokes (rows, id lists, the
 * recency order) is contact-search-cache.ts's, which follows every write to contacts.
 */
import { Dexie } from 'dexie';
import type { Contact } from '$lib/domain/contact';
import { matchesAll, queryWords } from '$lib/domain/search';
import { fromRow, isLive } from './contact-row';
import { newestFirst, searchCache } from './contact-search-cache';
import type { ContactRow, KithDB } from './database';

/**
 * Index entries read for one query word before it counts as common, at least: with many contacts
 * it is more (see `probeFor`). A common word is checked on the rows read instead: reading all its
 * entries would cost more than finding enough rows.
 */
export const SEARCH_PROBE = 600;
/** Rows read at first by the walk through the most recent contacts, and at most in all. */
const WALK_PAGE = 200;
const WALK_MAX = 1500;

/** How a search chooses between its ways of reading; tests make them small to try every way. */
export interface SearchTuning {
	probe: number;
	/** The most the probe grows to with many contacts (see `probeFor` in `search`). */
	probeMax: number;
	walkPage: number;
	walkMax: number;
	/** Rows read through a list of candidates in hand before other words' entries are read. */
	narrowRows: number;
}
const TUNING: SearchTuning = {
	probe: SEARCH_PROBE,
	probeMax: 1500,
	walkPage: WALK_PAGE,
	walkMax: WALK_MAX,
	narrowRows: 700
};
/** From this many contacts on, a one-letter word is taken as common without reading its entries. */
const ONE_LETTER_COMMON = 30_000;

export interface ContactQuery {
	query?: string;
	circle?: string;
	tag?: string;
	limit?: number;
}

export interface ContactPage {
	contacts: Contact[];
	/** More contacts match than are shown; typing more narrows the list. */
	truncated: boolean;
}

/** The ids in every list, in the order of the shortest. */
function intersect(lists: string[][]): string[] {
	const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
	let out = first!;
	for (const other of rest) {
		const set = new Set(other);
		out = out.filter((id) => set.has(id));
	}
	return out;
}

/**
 * The ids newest first. Sorting the places as numbers (natively) and not the ids through a
 * comparator that looks each one up keeps this quick for thousands of candidates. Ids not in the
 * order yet (written a moment ago) come first.
 */
function byRecency(ids: string[], place: Map<string, number>): string[] {
	const unplaced: string[] = [];
	const at = new Map<number, string>();
	const places = new Float64Array(ids.length);
	let n = 0;
	for (const id of ids) {
		const p = place.get(id);
		if (p === undefined || at.has(p)) unplaced.push(id);
		else {
			at.set(p, id);
			places[n++] = p;
		}
	}
	const sorted = places.subarray(0, n).sort();
	const out = unplaced;
	for (let i = n - 1; i >= 0; i--) out.push(at.get(sorted[i]!)!);
	return out;
}

/** Query words that add nothing (repeated, or the start of another query word) are dropped. */
function essentialWords(words: string[]): string[] {
	const unique = [...new Set(words)];
	return unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
}

/** Search and the plain recent list over one database's contacts. */
export function contactSearch(db: KithDB, tuning: Partial<SearchTuning> = {}) {
	const table = db.contacts;
	const { probe, probeMax, walkPage, walkMax, narrowRows } = { ...TUNING, ...tuning };

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

	/**
	 * Walks the contacts from the most recent on, a page of rows at a time, until `want` match:
	 * quick when matches are common, which is when reading index entries would be slow. Gives up
	 * (undefined) when the matches seen so far say that finding enough would take too many rows.
	 */
	async function walk(
		q: ContactQuery,
		keep: (c: ContactRow) => boolean,
		want: number
	): Promise<ContactRow[] | undefined> {
		const cache = searchCache(db);
		const hits: ContactRow[] = [];
		let last: number | undefined;
		let seenAtLast = 0;
		let read = 0;
		for (let size = walkPage; ;) {
			const lower = q.circle ? [q.circle, Dexie.minKey] : Dexie.minKey;
			const upper = q.circle ? [q.circle, last ?? Dexie.maxKey] : (last ?? Dexie.maxKey);
			// Contacts updated at the same moment as the last one read sort by id; the ones
			// already read come first going backwards, so they are skipped by count.
			const page = await table
				.where(q.circle ? '[circle+updatedAt]' : 'updatedAt')
				.between(lower, upper, true, true)
				.reverse()
				.limit(size + seenAtLast)
				.toArray();
			const fresh = page.slice(seenAtLast);
			cache.keepRows(fresh);
			for (const row of fresh) if (keep(row) && hits.push(row) >= want) return hits;
			if (page.length < size + seenAtLast) return hits;
			read += fresh.length;
			const needed = ((want - hits.length) * read) / Math.max(hits.length, 0.5);
			if (read + needed > walkMax) return undefined;
			size = Math.min(Math.max(Math.ceil(needed * 1.2), walkPage / 2), walkMax);
			const at = fresh.at(-1)!.updatedAt;
			const same = fresh.filter((r) => r.updatedAt === at).length;
			seenAtLast = at === last ? seenAtLast + same : same;
			last = at;
		}
	}

	/** A word's contacts, or undefined when it has more than `max` index entries. */
	async function contactsWith(word: string, max = probe): Promise<string[] | undefined> {
		const cache = searchCache(db);
		const known = cache.words.get(word);
		if (known) return known;
		if (cache.isCommon(word, max)) return undefined;
		let coll = table.where('words').startsWith(word);
		if (max < Infinity) coll = coll.limit(max);
		const keys = await coll.primaryKeys();
		if (keys.length >= max) {
			cache.common(word, max);
			return undefined;
		}
		const ids = [...new Set(keys)];
		cache.keepWord(word, ids);
		// The word's own rows sit together in its index: one read of them all costs far less than
		// fetching each by id, and the keystrokes that follow (typing on, or a second word) then find
		// every candidate at hand. With many contacts, that is what keeps them quick.
		if (ids.length > walkPage && ids.length <= walkMax && ids.some((id) => !cache.rows.has(id))) {
			const rows = await table.where('words').startsWith(word).toArray();
			cache.keepRows([...new Map(rows.map((r) => [r.id, r])).values()]);
		}
		return ids;
	}

	/**
	 * Typing on narrows a word: the contacts of a word it extends, already read, hold all of its
	 * contacts; checking them on rows mostly read for the previous keystroke costs next to nothing.
	 */
	function narrowed(word: string): string[] | undefined {
		const cache = searchCache(db);
		for (let i = word.length - 1; i > 0; i--) {
			const ids = cache.words.get(word.slice(0, i));
			if (ids) return ids;
		}
		return undefined;
	}

	async function search(q: ContactQuery): Promise<ContactPage> {
		const words = essentialWords(queryWords(q.query ?? ''));
		if (words.length === 0) return recent(q);
		const limit = q.limit ?? 100;
		const want = limit + 1;
		const cache = searchCache(db);
		// A word is common when a walk through the newest contacts finds enough of its contacts
		// within `walkMax` rows. With many contacts that takes more entries than `probe`: below that,
		// its index entries are the cheaper read, and a walk would fail after reading rows for
		// nothing. Reading entries costs too, so the probe stops growing at `probeMax`.
		const total = probeMax > probe ? await cache.size() : 0;
		const probeFor = Math.min(probeMax, Math.max(probe, Math.ceil((want * total) / walkMax)));
		// One letter among that many contacts is always common: no need to count its entries.
		const surelyCommon = (w: string) => w.length === 1 && total >= ONE_LETTER_COMMON;
		// Started now and needed only later, so it reads while the index entries are read.
		const recencyReady = cache.recencyNow();
		recencyReady.catch(() => {});
		const keep = (c: ContactRow) =>
			isLive(c) &&
			(!q.circle || c.circle === q.circle) &&
			(!q.tag || c.tags.includes(q.tag)) &&
			matchesAll(c.words, words);

		let hits: ContactRow[] | undefined;
		const known = words.map((w) => cache.words.get(w) ?? narrowed(w));
		const lists = known.filter((ids) => ids !== undefined);
		const inHand = lists.length > 0 ? intersect(lists) : undefined;
		// A long list in hand (a short word read in full) is worth less than the words' own entries.
		if (inHand && inHand.length <= walkMax) {
			// The candidates' rows are mostly at hand from the keystroke before. Past `narrowRows`
			// unread ones, the words narrowed a lot and their own entries are the cheaper read.
			hits = await readNewest(inHand, keep, want, Math.max(walkPage, narrowRows));
		}
		if (!hits) {
			let lists = (
				await Promise.all(
					words.map((w) => (surelyCommon(w) ? undefined : contactsWith(w, probeFor)))
				)
			).filter((ids) => ids !== undefined);
			if (lists.length === 0) hits = await walk(q, keep, want);
			if (!hits) {
				if (lists.length === 0) {
					// Every word is common, yet together they are rare: read the words in full, the
					// likeliest-rarest first; one- and two-letter words are left to be checked on rows.
					const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
					lists = [(await contactsWith(longest, Infinity))!];
					if (lists[0]!.length > 2 * want) {
						const rest = words.filter((w) => w !== longest && w.length >= 3);
						for (const ids of await Promise.all(rest.map((w) => contactsWith(w, Infinity))))
							lists.push(ids!);
					}
				}
				hits = (await readNewest(intersect(lists), keep, want))!;
			}
		}
		hits.sort(newestFirst);
		return { contacts: hits.slice(0, limit).map(fromRow), truncated: hits.length > limit };

		/**
		 * Reads candidates newest first until `wanted` pass `keepRow`; undefined if that would take
		 * reading more than `budget` rows not at hand.
		 */
		async function readNewest(
			ids: string[],
			keepRow: (c: ContactRow) => boolean,
			wanted: number,
			budget = Infinity
		): Promise<ContactRow[] | undefined> {
			if (ids.length === 0) return [];
			if (ids.length > wanted) ids = byRecency(ids, (await recencyReady).place);
			const found: ContactRow[] = [];
			for (let i = 0, size = wanted; i < ids.length; i += size, size *= 2) {
				const slice = ids.slice(i, i + size);
				const missing = slice.filter((id) => !cache.rows.has(id));
				if ((budget -= missing.length) < 0) return undefined;
				const read = missing.length ? await table.bulkGet(missing) : [];
				const rows = new Map(slice.map((id) => [id, cache.rows.get(id)]));
				for (const row of read) if (row) rows.set(row.id, row);
				cache.keepRows([...rows.values()].filter((r) => r !== undefined));
				for (const id of slice) {
					const row = rows.get(id);
					if (row && keepRow(row) && found.push(row) >= wanted) return found;
				}
			}
			return found;
		}
	}

	return { search, recent };
}
