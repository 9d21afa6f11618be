/**
 * Upgrade tests: write rows as release N-1 stored them, open the database with every version,
 * and check that each row now fits the current schemas. Each new entry in versions.ts gets a
 * test that calls `upgradeFrom` with rows in the older shape.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { KithDB } from '../database';
import { findInvalidRows, type InvalidRow } from '../validate';
import { VERSIONS, type DbVersion } from '../versions';

export function freshFactory() {
	return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export interface UpgradeRun {
	db: KithDB;
	invalid: InvalidRow[];
}

/**
 * Opens a database declared with the versions up to `fromVersion`, lets `seed` write rows into
 * it with plain table puts (no repositories: their shapes are the new ones), then reopens it with
 * `versions` (all of them by default) and validates every row.
 */
export async function upgradeFrom(
	fromVersion: number,
	seed: (db: KithDB) => Promise<void>,
	versions: DbVersion[] = VERSIONS
): Promise<UpgradeRun> {
	const options = freshFactory();
	const name = `upgrade-${fromVersion}-${crypto.randomUUID()}`;
	const old = new KithDB(
		name,
		options,
		versions.filter((v) => v.version <= fromVersion)
	);
	await old.open();
	await seed(old);
	old.close();
	const db = new KithDB(name, options, versions);
	await db.open();
	return { db, invalid: await findInvalidRows(db) };
}
