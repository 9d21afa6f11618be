import type { EntityTable } from 'dexie';

/** The plain reads and writes every table shares; tables with richer queries extend it. */
export function entityRepo<T, K extends keyof T & string>(table: EntityTable<T, K>) {
	return {
		get: (key: T[K] & string) => table.get(key as never) as Promise<T | undefined>,
		put: (row: T) => table.put(row),
		bulkPut: (rows: T[]) => table.bulkPut(rows),
		remove: (key: T[K] & string) => table.delete(key as never),
		all: () => table.toArray(),
		count: () => table.count(),
		clear: () => table.clear()
	};
}
