// Bench-only browser bundle (built by scripts/bench/import.mjs): the baseline an import is compared
// with, on `window.kithImportBaseline`. It is the least a correct import of a Connections.csv can
// do: papaparse reads the file, each row becomes the contact row the app stores (same fields, the
// same date reading, the LinkedIn tag, the search words toRow() derives), and ONE bulkAdd writes
// them into a table declared with the app's own contacts index string, so it pays for the same
// indexes (the multi-entry `*words` among them). It checks nothing and finds no duplicates.
import Papa from 'papaparse';
import { Dexie } from 'dexie';
import { VERSIONS } from '$lib/db/versions';
import { toRow } from '$lib/db/contacts.repo';
import { parseCsvDate } from '$lib/io/import/csv-dates';

/** The contacts table's index string as the app's newest schema declares it. */
export const CONTACTS_INDEXES = VERSIONS.findLast((v) => v.stores.contacts)?.stores.contacts;

const split = (/** @type {string | undefined} */ s) =>
	s ? s.split(/[,;\s]+/).filter(Boolean) : [];

window.kithImportBaseline = {
	indexes: CONTACTS_INDEXES,
	/** @param {string} text @param {string} name */
	async run(text, name) {
		if (!CONTACTS_INDEXES) throw new Error('no contacts table in VERSIONS');
		const start = performance.now();
		const body = text.slice(text.indexOf('First Name,'));
		const parsed = Papa.parse(body, { header: true, skipEmptyLines: true });
		const now = Date.now();
		const rows = parsed.data.map((/** @type {Record<string, string>} */ r, i) => {
			/** @type {import('$lib/domain/contact').Contact} */
			const c = {
				name: `${r['First Name']} ${r['Last Name']}`.trim(),
				circle: 'online',
				metAt: 'LinkedIn',
				emails: split(r['Email Address']),
				phones: [],
				links: split(r['URL']),
				tags: ['LinkedIn'],
				id: `row-${i}`,
				createdAt: now,
				updatedAt: now,
				version: 1
			};
			const on = r['Connected On'] && parseCsvDate(r['Connected On']);
			if (on) c.metOn = on;
			if (r['Company']) c.organization = r['Company'];
			if (r['Position']) c.role = r['Position'];
			return toRow(c);
		});
		const db = new Dexie(name);
		db.version(1).stores({ contacts: CONTACTS_INDEXES });
		await db.table('contacts').bulkAdd(rows);
		const ms = performance.now() - start;
		const count = await db.table('contacts').count();
		const sample = { ...rows[1] };
		for (const key of ['id', 'createdAt', 'updatedAt']) delete sample[key];
		db.close();
		return { ms, count, sample };
	}
};
