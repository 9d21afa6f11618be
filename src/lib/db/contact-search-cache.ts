/**
 * What the contacts' search keeps between keystrokes, per database and in memory only (nothing
 * here is stored): rows read, the contacts of the query words typed last, and every contact id in
 * recency order. It follows every write to contacts, from this tab or another, through Dexie's
 * storagemutated event; contact-search.ts decides how a search reads and uses what is kept here.
 */
import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { ContactRow, KithDB } from './database';

/** Rows kept between keystrokes, so narrowing a search rereads nothing. */
const ROW_CACHE = 6000;
/** Exact id lists kept for the query words typed last. */
const WORD_CACHE = 24;
/** More changed contacts than this at once, and the recency order is read again in full. */
const PATCH_MAX = 64;

/** Newest first, as the updatedAt index reads backwards (equal times by id, highest first). */
export function newestFirst(a: ContactRow, b: ContactRow): number {
	return b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Every contact id in the updatedAt index's order, oldest first, and its place in that order. */
interface Recency {
	order: string[];
	/** Ascending along `order`; places given by later patches may be fractions. */
	place: Map<string, number>;
}

/**
 * What one database's searches keep between keystrokes. Every write to contacts, from this tab
 * or another, reaches it through Dexie's storagemutated event: the contacts written are reread,
 * and a larger change (an import, a restore) drops it all.
 */
export class SearchCache {
	recency: Recency | undefined;
	#loading: Promise<Recency> | undefined;
	/** How many contacts there are, about: it steers how a search reads, never what it finds. */
	#size: number | undefined;
	/** Contacts written since `recency` was read. */
	#changed = new Set<string>();
	/** Bumped when everything is dropped, so a read started before is not kept. */
	#epoch = 0;
	readonly rows = new Map<string, ContactRow>();
	readonly words = new Map<string, string[]>();
	/**
	 * Words found to have at least the number given of index entries, as do the words they start
	 * with. Kept across small writes: it only steers how a search reads, never what it finds.
	 */
	#common = new Map<string, number>();

	constructor(private readonly db: KithDB) {}

	mutated(keys: ObservabilitySet[string]): void {
		this.words.clear();
		for (const range of RangeSet(keys)) {
			if (typeof range.from !== 'string' || range.from !== range.to) return this.reset();
			this.rows.delete(range.from);
			this.#changed.add(range.from);
		}
		if (this.#changed.size > PATCH_MAX) this.reset();
	}

	reset(): void {
		this.#epoch++;
		this.recency = undefined;
		this.#loading = undefined;
		this.#size = undefined;
		this.#changed.clear();
		this.rows.clear();
		this.words.clear();
		this.#common.clear();
	}

	size(): number | Promise<number> {
		if (this.recency) return this.recency.order.length;
		if (this.#size !== undefined) return this.#size;
		const epoch = this.#epoch;
		return this.db.contacts.count().then((n) => {
			if (epoch === this.#epoch) this.#size = n;
			return n;
		});
	}

	isCommon(word: string, max: number): boolean {
		return (this.#common.get(word) ?? 0) >= max;
	}

	common(word: string, max: number): void {
		for (let i = 1; i <= word.length; i++) {
			const start = word.slice(0, i);
			this.#common.set(start, Math.max(max, this.#common.get(start) ?? 0));
		}
	}

	keepRows(rows: ContactRow[]): void {
		for (const row of rows) {
			this.rows.delete(row.id);
			this.rows.set(row.id, row);
		}
		for (const id of this.rows.keys()) {
			if (this.rows.size <= ROW_CACHE) break;
			this.rows.delete(id);
		}
	}

	keepWord(word: string, ids: string[]): void {
		this.words.delete(word);
		this.words.set(word, ids);
		if (this.words.size > WORD_CACHE) this.words.delete(this.words.keys().next().value!);
	}

	/** The recency order as it stands now: read once, then patched with what was written since. */
	recencyNow(): Promise<Recency> {
		if (this.recency && this.#changed.size === 0) return Promise.resolve(this.recency);
		this.#loading ??= this.#load().finally(() => (this.#loading = undefined));
		return this.#loading;
	}

	async #load(): Promise<Recency> {
		const epoch = this.#epoch;
		let recency = this.recency;
		if (!recency) {
			this.#changed.clear();
			const order = await this.db.contacts.orderBy('updatedAt').primaryKeys();
			recency = { order, place: new Map(order.map((id, i) => [id, i])) };
		}
		while (this.#changed.size > 0 && epoch === this.#epoch) {
			const ids = [...this.#changed];
			this.#changed.clear();
			if (!(await this.#patch(recency, ids))) {
				this.reset();
				return this.recencyNow();
			}
		}
		if (epoch !== this.#epoch) return this.recencyNow();
		this.recency = recency;
		return recency;
	}

	/** Moves the written contacts to their new places; false when a full reread is simpler. */
	async #patch({ order, place }: Recency, ids: string[]): Promise<boolean> {
		const table = this.db.contacts;
		const indexOf = (id: string) => {
			const p = place.get(id)!;
			let lo = 0;
			let hi = order.length - 1;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (place.get(order[mid]!)! < p) lo = mid + 1;
				else hi = mid;
			}
			return lo;
		};
		for (const id of ids) {
			if (!place.has(id)) continue;
			order.splice(indexOf(id), 1);
			place.delete(id);
		}
		const rows = (await table.bulkGet(ids)).filter((r) => r !== undefined);
		for (const row of rows) {
			// The updatedAt of the contact now at `i`, to find where `row` goes among them.
			const before = async (i: number) => {
				const other = this.rows.get(order[i]!) ?? (await table.get(order[i]!));
				if (!other) throw new Error('changed while patching');
				return newestFirst(other, row) > 0;
			};
			let lo = 0;
			let hi = order.length;
			try {
				// Contacts are mostly written as the newest, so look at the end first.
				if (hi === 0 || (await before(hi - 1))) lo = hi;
				while (lo < hi) {
					const mid = (lo + hi) >> 1;
					if (await before(mid)) lo = mid + 1;
					else hi = mid;
				}
			} catch {
				return false;
			}
			const prev = lo > 0 ? place.get(order[lo - 1]!)! : undefined;
			const next = lo < order.length ? place.get(order[lo]!)! : undefined;
			const p =
				prev === undefined
					? (next ?? 0) - 1
					: next === undefined
						? prev + 1
						: prev + (next - prev) / 2;
			if (p === prev || p === next) return false;
			order.splice(lo, 0, row.id);
			place.set(row.id, p);
		}
		return true;
	}
}

const caches = new WeakMap<KithDB, SearchCache>();

/**
 * Forgets what searches kept, after contacts were written through another connection (the import
 * worker's): its change event reaches this one too, but a search made in between must not miss
 * the new contacts.
 */
export function forgetSearches(db: KithDB): void {
	caches.get(db)?.reset();
}

/** The cache of `db`'s searches, made on first use and dropped when the database closes. */
export function searchCache(db: KithDB): SearchCache {
	let cache = caches.get(db);
	if (!cache) {
		const made = new SearchCache(db);
		const part = `idb://${db.name}/contacts/`;
		const listener = (parts: ObservabilitySet) => {
			const keys = parts[part];
			if (keys) made.mutated(keys);
		};
		Dexie.on('storagemutated', listener);
		db.on('close', () => {
			Dexie.on.storagemutated.unsubscribe(listener);
			made.reset();
			caches.delete(db);
		});
		caches.set(db, (cache = made));
	}
	return cache;
}
