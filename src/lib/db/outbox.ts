/**
 * The sync outbox, stored in the `syncOutbox` table of Kith's database: one row per synced record
 * changed on this device and not yet handed to the sync replica (`<table>:<key>`, with a fresh
 * `mark` per change). A DBCore middleware writes it inside the very transaction that changes the
 * record, so no write path, present or future, can change a synced table without it; the sync
 * pump removes a row only while its mark is the one it pushed. Marks are kept whether or not sync
 * is on: turning sync on marks every row anyway, and a tab that has not heard that sync was turned
 * on in another tab must not miss a change. A row leaves the outbox once the server has its
 * version (`pushed`, then `sent` in sync/bridge.ts).
 */
import { Dexie } from 'dexie';
import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import { docId, isSyncedTable, SYNCED_TABLES, type SyncedTable } from '$lib/domain/sync-tables';
import type { KithDB } from './database';

export const OUTBOX = 'syncOutbox';

export interface OutboxRow {
	key: string;
	table: SyncedTable;
	id: string;
	mark: string;
	/**
	 * The mark whose version was handed to the replica. A row stays in the outbox until the server
	 * has it: a change counts as waiting until then, and a failed upload loses nothing.
	 */
	pushed?: string;
}

// Promise chains, not async functions: Dexie follows its transaction through `then` callbacks of
// its own promises, and the middlewares below this one need it.
function changedKeys(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | Promise<unknown[]> {
	switch (req.type) {
		case 'add':
		case 'put':
			return req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v));
		case 'delete':
			return req.keys;
		case 'deleteRange':
			// Clearing a table (a restore) names no keys: read them first, in the same transaction.
			return table
				.query({
					trans: req.trans,
					values: false,
					query: { index: table.schema.primaryKey, range: req.range }
				})
				.then((found) => found.result);
	}
}

function marks(name: SyncedTable, keys: unknown[]): OutboxRow[] {
	return keys
		.filter((k): k is string => typeof k === 'string')
		.map((id) => ({ key: docId(name, id), table: name, id, mark: crypto.randomUUID() }));
}

/** Transactions whose writes are not marked just now (withoutMarks). */
const unmarked = new WeakSet<object>();

/**
 * Runs `work`, writes in the current read-write transaction, without marking what they change:
 * rows that arrived from the sync replica are not changes of this device's to send back. Nothing
 * else may write in the transaction meanwhile; a write after `work` is marked as usual.
 */
export async function withoutMarks<T>(work: () => Promise<T>): Promise<T> {
	const trans: object | undefined = Dexie.currentTransaction?.idbtrans;
	if (!trans) throw new Error('withoutMarks: not in a transaction');
	unmarked.add(trans);
	try {
		return await work();
	} finally {
		unmarked.delete(trans);
	}
}

export const outboxMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'kith-sync-outbox',
	create(down) {
		return {
			...down,
			transaction(stores, mode, options) {
				const widened =
					mode === 'readwrite' && stores.some(isSyncedTable) && !stores.includes(OUTBOX)
						? [...stores, OUTBOX]
						: stores;
				return down.transaction(widened, mode, options);
			},
			table(name) {
				const table = down.table(name);
				if (!isSyncedTable(name)) return table;
				return {
					...table,
					mutate(req) {
						// An upgrade reshapes rows without changing what they say: nothing to send, and
						// the outbox may not exist yet in the schema it runs against.
						if (
							(req.trans as unknown as IDBTransaction).mode === 'versionchange' ||
							unmarked.has(req.trans)
						)
							return table.mutate(req);
						const outbox = down.table(OUTBOX);
						const after = (keys: unknown[]) =>
							table.mutate(req).then((res) => {
								const rows = marks(
									name,
									keys.filter((_, i) => !(i in res.failures))
								);
								return rows.length > 0 ? putMarks(outbox, req.trans, rows).then(() => res) : res;
							});
						const keys = changedKeys(table, req);
						return Array.isArray(keys) ? after(keys) : keys.then(after);
					}
				};
			}
		};
	}
};

function putMarks(outbox: DBCoreTable, trans: DBCoreTransaction, rows: OutboxRow[]) {
	return outbox.mutate({ type: 'put', trans, values: rows });
}

/**
 * Marks every row of every synced table, for the first push after sync is turned on (a device's
 * existing records) or after the replica was lost; one transaction, so the marks are all or none.
 */
export function markAllForSync(db: KithDB): Promise<number> {
	return db.transaction('rw', [OUTBOX, ...SYNCED_TABLES], async () => {
		let n = 0;
		for (const name of SYNCED_TABLES) {
			const keys = (await db.table(name).toCollection().primaryKeys()) as unknown[];
			const rows = marks(name, keys);
			await db.syncOutbox.bulkPut(rows);
			n += rows.length;
		}
		return n;
	});
}
