// Bench-only browser bundle (built by scripts/bench/search-page.mjs) for the Contacts page bench:
// writes N contacts into the app's own database as the contacts repository stores them (`toRow`,
// search words included), and works out what the list must show for each state of the search box
// with a plain scan of the same rows, which is also the bench's context row. Evaluated in the app's
// page only to seed; the page is then loaded afresh without it.
import { toRow } from '../../src/lib/db/contact-row';
import { matchesAll, queryWords } from '../../src/lib/domain/search';
import { contactAt, makeQueries } from './contacts-gen.js';

/** @type {Array<{ id: string, updatedAt: number, words: string[] }>} */
const rows = [];

/** Plain IndexedDB, as a restore writes: the app's database, already created by the app. */
function open() {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open('kith');
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** The list a full scan shows for `query`: matching rows, the most recent first. */
function scan(query) {
	const terms = queryWords(query);
	const out = [];
	for (const row of rows) if (terms.length === 0 || matchesAll(row.words, terms)) out.push(row);
	out.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
	return out;
}

window.kithSearchPage = {
	queries: (count, withinFirst) => makeQueries(count, withinFirst),
	/** Writes contacts 0..total-1 (5,000 a transaction) and keeps their search rows for `expect`. */
	async seed(total, chunk = 5000) {
		const db = await open();
		rows.length = 0;
		for (let from = 0; from < total; from += chunk) {
			await new Promise((resolve, reject) => {
				const tx = db.transaction('contacts', 'readwrite');
				const store = tx.objectStore('contacts');
				for (let i = from; i < Math.min(total, from + chunk); i++) {
					const row = toRow(contactAt(i));
					store.put(row);
					rows.push({ id: row.id, updatedAt: row.updatedAt, words: row.words });
				}
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
		}
		const count = await new Promise((resolve, reject) => {
			const req = db.transaction('contacts').objectStore('contacts').count();
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		db.close();
		return count;
	},
	/** For each box value: how many the list counts, and who comes first (most recent first). */
	expect: (values) =>
		values.map((v) => {
			const found = scan(v);
			return { count: found.length, firstId: found[0]?.id ?? null };
		}),
	/** The baseline: the same box values answered by a scan of an array of the same rows. */
	timeScan(values) {
		scan('zzq');
		return values.map((v) => {
			const start = performance.now();
			scan(v);
			return performance.now() - start;
		});
	}
};
