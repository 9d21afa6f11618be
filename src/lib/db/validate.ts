/**
 * Checks stored rows against the domain schemas, table by table, so an upgrade or a restore that
 * would leave a row the app cannot read is caught before anyone relies on it.
 */
import { withoutOpenFollowUp } from './touchpoint-row';
import { TABLE_SCHEMAS } from '$lib/domain/tables';
import { syncConflictSchema } from '$lib/domain/sync-conflict';
import type { KithDB } from './database';
import { SYNC_BOOKKEEPING } from './sync-rows';

export { TABLE_SCHEMAS };

export interface InvalidRow {
	table: string;
	key: unknown;
	problem: string;
}

/** Checks every stored row against its schema (after an upgrade, or before trusting a restore). */
export async function findInvalidRows(db: KithDB): Promise<InvalidRow[]> {
	const invalid: InvalidRow[] = [];
	for (const table of db.tables) {
		// Sync's own bookkeeping is not records: nothing reads it as such, and a restore never brings it.
		if (SYNC_BOOKKEEPING.includes(table.name)) continue;
		const schema =
			table.name === 'conflicts'
				? syncConflictSchema
				: TABLE_SCHEMAS[table.name as keyof typeof TABLE_SCHEMAS];
		if (!schema) {
			invalid.push({ table: table.name, key: undefined, problem: 'table has no schema' });
			continue;
		}
		await table.each((row: Record<string, unknown>) => {
			// Derived index fields are the database's own, not part of the record.
			const { words: _words, asking: _asking, ...record } = row;
			const result = schema.safeParse(
				table.name === 'contacts'
					? record
					: table.name === 'interactions'
						? withoutOpenFollowUp(row)
						: row
			);
			if (!result.success)
				invalid.push({
					table: table.name,
					key: row[table.schema.primKey.keyPath as string],
					problem: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
				});
		});
	}
	return invalid;
}
