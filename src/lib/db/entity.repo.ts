/**
 * The plain get, put and delete every repository starts from, over one Dexie table; it stores
 * nothing itself.
 */
import type { EntityTable } from 'dexie';

/** The plain reads and writes every table shares; tables with richer queries extend it. */
export function entityRepo<T, K extends keyof T & string>(table: EntityTable<T, K>) {
	return {
		get: (key: T[K] & string) => table.get(key as never) as Promise<T | undefined>,
		bulkGet: (keys: (T[K] & string)[]) =>
			table.bulkGet(keys as never[]) as Promise<(T | undefined)[]>,
		/** Writes a new row; fails if one with its key is stored already. */
		add: (row: T) => table.add(row as never),
		put: (row: T) => table.put(row),
		bulkPut: (rows: T[]) => table.bulkPut(rows),
		remove: (key: T[K] & string) => table.delete(key as never),
		bulkRemove: (keys: (T[K] & string)[]) => table.bulkDelete(keys as never[]),
		all: () => table.toArray(),
		count: () => table.count(),
		clear: () => table.clear()
	};
}
