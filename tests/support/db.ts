/**
 * Seeds and reads Kith's IndexedDB database (the "kith" database of the page's origin) from the
 * Playwright specs, through the app's own rules rather than copies of them: the database's name,
 * its tables and each row's zod schema come from src, and a contact is stored as the contacts
 * repository stores it (`toRow`: its search words and the `asking` index), a touchpoint with its
 * open follow-up's index field (db/touchpoint-row.ts). Rows go in and come out
 * with plain IndexedDB inside the page, once the app has opened (created, upgraded) the database.
 */
import type { Page } from '@playwright/test';
import { toRow } from '../../src/lib/db/contacts.repo';
import type { ContactRow } from '../../src/lib/db/database';
import { DB_NAME } from '../../src/lib/db/peek';
import { withOpenFollowUp, withoutOpenFollowUp } from '../../src/lib/db/touchpoint-row';
import { TABLE_SCHEMAS, type TableName, type Tables } from '../../src/lib/domain/tables';

export { DB_NAME };

/** The rows of a table as stored: a contact carries its derived index fields. */
export type StoredRow<T extends TableName> = T extends 'contacts' ? ContactRow : Tables[T][number];

/** Records to write, by table, in the shapes the domain defines. */
export type Seed = { [T in TableName]?: Tables[T] };

/** Throws when a row breaks its table's schema, naming the table, the row and what is wrong. */
function check(table: TableName, row: object, blobs: string[] = []): void {
	// The derived index fields are the database's own, not part of the record (as in db/validate).
	const { words: _words, asking: _asking, ...fields } = row as Record<string, unknown>;
	const record =
		table === 'contacts'
			? fields
			: table === 'interactions'
				? (withoutOpenFollowUp({ ...row }) as Record<string, unknown>)
				: ({ ...row } as Record<string, unknown>);
	// A Blob reaches Node as `{}`: the page named the fields that held one.
	for (const key of blobs) record[key] = new Blob();
	const result = TABLE_SCHEMAS[table].safeParse(record);
	if (!result.success)
		throw new Error(
			`A ${table} row breaks its schema: ${result.error.issues
				.map((i) => `${i.path.join('.')}: ${i.message}`)
				.join('; ')}\n${JSON.stringify(row)}`
		);
}

/**
 * Writes the records in one transaction, each checked against its schema first and contacts as the
 * repository stores them, then reloads the page so that every screen reads them.
 */
export async function seed(page: Page, records: Seed): Promise<void> {
	const rows: Record<string, object[]> = {};
	for (const [table, list] of Object.entries(records) as [TableName, object[]][]) {
		for (const row of list) check(table, row);
		rows[table] =
			table === 'contacts'
				? (list as Tables['contacts']).map((c) => toRow(c))
				: table === 'interactions'
					? (list.map(withOpenFollowUp) as object[])
					: list;
	}
	await page.evaluate(
		({ name, tables }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(Object.keys(tables), 'readwrite');
					for (const [store, list] of Object.entries(tables))
						for (const row of list) tx.objectStore(store).put(row);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ name: DB_NAME, tables: rows }
	);
	await page.reload();
}

/**
 * Every row of the tables, exactly as stored, in one read-only transaction. Each row is checked
 * against its schema, so a spec also fails when the app has stored a row its own rules refuse.
 */
export async function readTables<T extends TableName>(
	page: Page,
	tables: readonly T[]
): Promise<{ [K in T]: StoredRow<K>[] }> {
	const read = await page.evaluate(
		({ name, stores }) =>
			new Promise<{ rows: Record<string, object[]>; blobs: Record<string, string[][]> }>(
				(resolve, reject) => {
					const open = indexedDB.open(name);
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const db = open.result;
						const tx = db.transaction(stores);
						const rows: Record<string, object[]> = {};
						const blobs: Record<string, string[][]> = {};
						for (const store of stores) {
							const req = tx.objectStore(store).getAll();
							req.onsuccess = () => {
								rows[store] = req.result as object[];
								blobs[store] = rows[store].map((row) =>
									Object.entries(row)
										.filter(([, value]) => value instanceof Blob)
										.map(([key]) => key)
								);
							};
						}
						tx.oncomplete = () => {
							db.close();
							resolve({ rows, blobs });
						};
						tx.onerror = () => reject(tx.error);
					};
				}
			),
		{ name: DB_NAME, stores: [...tables] as string[] }
	);
	for (const table of tables)
		read.rows[table]!.forEach((row, i) => check(table, row, read.blobs[table]![i]));
	return read.rows as { [K in T]: StoredRow<K>[] };
}

/** Every row of one table, exactly as stored (see `readTables`). */
export async function readTable<T extends TableName>(
	page: Page,
	table: T
): Promise<StoredRow<T>[]> {
	return (await readTables(page, [table]))[table];
}

/** Every contact as stored, the deleted ones (in the trash) included. */
export function storedContacts(page: Page): Promise<ContactRow[]> {
	return readTable(page, 'contacts');
}
