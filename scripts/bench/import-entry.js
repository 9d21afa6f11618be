// Bench-only browser bundle (built by scripts/bench/import.mjs): the baseline an import is compared
// with, papaparse reading the file plus one Dexie bulkAdd of its rows, on `window.kithImportBaseline`.
import Papa from 'papaparse';
import { Dexie } from 'dexie';

window.kithImportBaseline = {
	/** @param {string} text @param {string} name */
	async run(text, name) {
		const start = performance.now();
		const body = text.slice(text.indexOf('First Name,'));
		const parsed = Papa.parse(body, { header: true, skipEmptyLines: true });
		const rows = parsed.data.map((r, i) => ({ id: `row-${i}`, ...r }));
		const db = new Dexie(name);
		db.version(1).stores({ rows: 'id' });
		await db.table('rows').bulkAdd(rows);
		const ms = performance.now() - start;
		const count = await db.table('rows').count();
		db.close();
		return { ms, count };
	}
};
