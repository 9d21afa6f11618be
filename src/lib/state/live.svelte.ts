/**
 * Turns a read model (state/reads) into runes that follow the database in every tab, through
 * Dexie's liveQuery in db. Holds the last value in memory only.
 */
import { getRepos, observe } from '$lib/db';
import type { Query } from './reads/query';

export type { Query } from './reads/query';

export interface Live<T> {
	readonly value: T;
	readonly loaded: boolean;
	readonly error: unknown;
}

/**
 * Keeps `value` in step with a database query. `makeQuery` runs inside an effect, so the runes it
 * reads (a search box, a route param) restart the subscription when they change. Call it during
 * component initialisation.
 */
export function live<T>(makeQuery: () => Query<T>, initial: T): Live<T> {
	let value = $state.raw<T>(initial);
	let loaded = $state(false);
	let error = $state.raw<unknown>(undefined);
	$effect(() => {
		const query = makeQuery();
		return observe(
			() => query(getRepos()),
			(v) => {
				value = v;
				loaded = true;
				error = undefined;
			},
			(e) => {
				error = e;
				loaded = true;
			}
		);
	});
	return {
		get value() {
			return value;
		},
		get loaded() {
			return loaded;
		},
		get error() {
			return error;
		}
	};
}

/** One read, for a form that loads its record once rather than following it. */
export function readOnce<T>(query: Query<T>): Promise<T> {
	return query(getRepos());
}
