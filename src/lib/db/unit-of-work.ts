/**
 * The one write path: every change a service makes runs in `write`, one read-write IndexedDB
 * transaction over the tables it names, through the repositories of those tables only. A throw
 * inside rolls back every table; a repository of a table not named is not handed over, and a
 * read of one fails. `touch` is the one place a changed record is stamped, `stampNew` (from
 * domain/stamp.ts, so io and domain can stamp the records they build) the one for a new record.
 */
import type { Table } from 'dexie';
import { stampChange, type ChangeStamps } from '$lib/domain/stamp';
import { TABLES } from '$lib/domain/tables';
import type { KithDB } from './database';
import { repos, type Repos } from './repos';

export { stampNew, type CreationStamps } from '$lib/domain/stamp';

/** The name of every table, as the repositories are named. */
export type TableName = keyof Repos;

/** The repositories of the tables a unit of work named. */
export type UnitRepos<N extends TableName> = Pick<Repos, N>;

// Repositories hold no state of their own (the search cache is per database), so one set serves
// every transaction: Dexie finds the transaction through its zone, not through the repository.
const bound = new WeakMap<KithDB, Repos>();

function reposOf(db: KithDB): Repos {
	let r = bound.get(db);
	if (!r) bound.set(db, (r = repos(db)));
	return r;
}

function scope<N extends TableName>(db: KithDB, names: readonly N[]) {
	const tables: Table[] = names.map((name) => db.table(name));
	const all = reposOf(db);
	const handed = {} as UnitRepos<N>;
	for (const name of names) handed[name] = all[name];
	return { tables, handed };
}

/**
 * Runs `work` in one read-write transaction over `names`: all of its writes are kept, or none.
 * Nested in another `write` over a superset of the tables, it joins that transaction.
 */
export function write<N extends TableName, T>(
	db: KithDB,
	names: readonly N[],
	work: (r: UnitRepos<N>) => Promise<T>
): Promise<T> {
	const { tables, handed } = scope(db, names);
	// An async scope (not a plain arrow returning a promise) is what tells Dexie to follow the
	// work's native awaits; without it the transaction can commit before the work is done.
	return db.transaction('rw', tables, async () => work(handed));
}

/** Runs `work` in one read-only transaction over `names`, so what it reads is of one moment. */
export function read<N extends TableName, T>(
	db: KithDB,
	names: readonly N[],
	work: (r: UnitRepos<N>) => Promise<T>
): Promise<T> {
	const { tables, handed } = scope(db, names);
	return db.transaction('r', tables, async () => work(handed));
}

/** Every table, for the units of work that replace or clear the whole database. */
export const ALL_TABLES: readonly TableName[] = TABLES;

/** A record that carries its last change's time and its version. */
export type Stamped = ChangeStamps;

/**
 * Stamps a changed record: its `updatedAt` moves to `now`, or just past the time of the version
 * it replaces (`previous`, the record itself by default) when the clock says otherwise, and its
 * `version` to one past that version's. `null` says the record is new, replacing nothing.
 * A save that checks a form's version reads `previous` in the same transaction.
 */
export function touch<T extends Stamped>(row: T, now: number, previous: Stamped | null = row): T {
	return stampChange(row, now, previous);
}
