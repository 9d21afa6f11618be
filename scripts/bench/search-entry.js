// Bench-only browser bundle (built by scripts/bench/search.mjs): the app's own contacts repository
// and search words, plus a generator of realistic contacts, exposed on `window.kithSearchBench`.
import { KithDB } from '../../src/lib/db/database';
import { contactsRepo, toRow } from '../../src/lib/db/contacts.repo';
import { matchesAll, queryWords } from '../../src/lib/domain/search';
import { contactAt, keystrokes, makeQueries } from './contacts-gen.js';

let db;
let repo;
let seeded = 0;
const rows = [];

const bench = {
	async open(name) {
		db = new KithDB(name);
		await db.open();
		repo = contactsRepo(db);
		seeded = 0;
		rows.length = 0;
	},
	/** Adds contacts until there are `total`, through the repository so words are computed. */
	async seedTo(total, chunk = 5000) {
		while (seeded < total) {
			const batch = [];
			for (let i = seeded; i < Math.min(total, seeded + chunk); i++) batch.push(contactAt(i));
			await repo.bulkPut(batch);
			// The array baseline gets the very rows the database holds, words included.
			for (const c of batch) rows.push(toRow(c));
			seeded += batch.length;
		}
		return { seeded, stored: await db.contacts.count() };
	},
	queries: (count, withinFirst) => makeQueries(count, withinFirst),
	/** One search, untimed: for profiling a keystroke on its own. */
	search: (query) => repo.search({ query }),
	/** Times the app's search and the array scan for every keystroke of every query. */
	async time(queries) {
		const typed = queries.flatMap(keystrokes);
		const app = [];
		const array = [];
		const hits = [];
		// One search of something else first, so the first timed keystroke does not pay for
		// compiling the code paths.
		await repo.search({ query: 'zzq' });
		for (const q of typed) {
			let start = performance.now();
			const page = await repo.search({ query: q });
			app.push(performance.now() - start);
			start = performance.now();
			const found = scan(q);
			array.push(performance.now() - start);
			const same = page.contacts.map((c) => c.id).join() === found.map((r) => r.id).join();
			hits.push({
				q,
				app: page.contacts.length,
				array: found.length,
				truncated: page.truncated,
				same
			});
		}
		return { keystrokes: typed.length, app, array, hits };
	},
	async close() {
		await db.delete();
		rows.length = 0;
	}
};

/** The baseline: what a plain in-memory list would do on every keystroke. */
function scan(query, limit = 100) {
	const terms = queryWords(query);
	const out = [];
	for (const row of rows) {
		if (row.deletedAt === undefined && matchesAll(row.words, terms)) out.push(row);
	}
	out.sort((a, b) => b.updatedAt - a.updatedAt);
	return out.slice(0, limit);
}

window.kithSearchBench = bench;
