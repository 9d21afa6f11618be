/**
 * The db layer's front door: the app's one database (opened on first use, closed for good when
 * another tab upgrades it), its repositories, the unit of work, and `observe` for live reads.
 * Other layers import from here, not from the files behind it.
 */
import { liveQuery } from 'dexie';
import { DB_NAME, KithDB } from './database';
import { forgetSearches } from './contact-search-cache';
import { emitDbEvent } from './events';
import { repos, type Repos } from './repos';

export { KithDB, DB_NAME } from './database';
export type { ContactRow } from './database';
export type { Repos } from './repos';
export {
	ALL_TABLES,
	read,
	stampNew,
	touch,
	write,
	type Stamped,
	type TableName,
	type UnitRepos
} from './unit-of-work';
export { markAllForSync, withoutMarks } from './outbox';
export { LATEST_VERSION } from './versions';
export { readSnapshot } from './snapshot';
export type { SyncBackup, SyncBaseRow, SyncHeldRow } from './sync-rows';
export { classifyDbError, type DbErrorKind } from './errors';
export { onDbEvent, type DbEvent } from './events';

let instance: KithDB | undefined;
let repositories: Repos | undefined;

/** The app's database, opened on first use. */
export function getDb(): KithDB {
	if (!instance) {
		instance = new KithDB(DB_NAME);
		// Another tab opened a newer version. Let its upgrade go ahead, and stay closed: reopening
		// with this tab's older code would write rows in the old shape behind the upgrade's back.
		// Writes now fail (drafts fall back to localStorage) until the user reloads.
		instance.on('versionchange', () => {
			instance?.close({ disableAutoOpen: true });
			emitDbEvent('versionchange');
			return false;
		});
		instance.on('blocked', () => {
			emitDbEvent('blocked');
		});
		instance.on('ready', () => {
			emitDbEvent('ready');
		});
	}
	return instance;
}

/**
 * Drops what this page's contact searches keep, after a write they could not see (an import
 * saved by a worker). A page that has not opened the database keeps nothing, and is not made to
 * build it here: declaring its versions is a long task on a slow phone.
 */
export function forgetOpenSearches(): void {
	if (instance) forgetSearches(instance);
}

export function getRepos(): Repos {
	repositories ??= repos(getDb());
	return repositories;
}

/** Subscribes to a query that re-runs whenever the tables it read change, in any tab. */
export function observe<T>(
	query: () => Promise<T>,
	onValue: (value: T) => void,
	onError: (error: unknown) => void
): () => void {
	// liveQuery stays silent on DatabaseClosedError, which is also how Dexie reports a database
	// that failed to open; surface the cause then. A deliberate close (after another tab upgraded)
	// has no cause and stays silent, keeping the last values on screen.
	const surfaced = () =>
		query().catch((error: unknown) => {
			const inner = (error as { name?: string; inner?: unknown } | null)?.inner;
			throw (error as { name?: string } | null)?.name === 'DatabaseClosedError' && inner
				? inner
				: error;
		});
	const sub = liveQuery(surfaced).subscribe({ next: onValue, error: onError });
	return () => sub.unsubscribe();
}
