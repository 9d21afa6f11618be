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

// One fresh mark per change request, shared by the rows it changes: a pump only compares a row's
// mark with the one it pushed for that same row, and a UUID per row showed in an import's profile.
function marks(name: SyncedTable, keys: unknown[]): OutboxRow[] {
	const mark = crypto.randomUUID();
	return keys
		.filter((k): k is string => typeof k === 'string')
		.map((id) => ({ key: docId(name, id), table: name, id, mark }));
}

/**
 * Up to this many rows, a put or an add is marked at once, beside the change, rather than after
 * IndexedDB has answered it: a save then commits one round trip sooner. Bigger writes (an import)
 * are marked after, as before, which spares them a read of every row's earlier mark.
 */
export const MARK_AT_ONCE_MAX = 20;

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
						if ((req.type === 'put' || req.type === 'add') && req.values.length <= MARK_AT_ONCE_MAX)
							return markAtOnce(table, outbox, name, req);
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
 * Places three requests at once, which IndexedDB runs in order: a read of the rows' marks as they
 * are, the change, and the new marks. A row the change failed to write (an add of a key already
 * stored, caught by the caller) gets its earlier mark back, or none, so no mark ever stands for a
 * change that was not made.
 */
function markAtOnce(
	table: DBCoreTable,
	outbox: DBCoreTable,
	name: SyncedTable,
	req: Extract<DBCoreMutateRequest, { type: 'put' | 'add' }>
) {
	const { trans } = req;
	const ids = req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v));
	// Where each marked row's value is in the request, to match it with the change's failures.
	const at = ids.flatMap((id, i) => (typeof id === 'string' ? [i] : []));
	const rows = marks(name, ids);
	if (rows.length === 0) return table.mutate(req);
	const keys = rows.map((r) => r.key);
	const before = outbox.getMany({ trans, keys });
	const change = table.mutate(req);
	const marked = putMarks(outbox, trans, rows);
	/** Puts back the marks of the values `failed` names as they were before the change. */
	const unmark = (failed: (i: number) => boolean) =>
		before.then((old) => {
			const back: OutboxRow[] = [];
			const gone: string[] = [];
			rows.forEach((row, j) => {
				if (!failed(at[j]!)) return;
				const was = old[j] as OutboxRow | undefined;
				if (was) back.push(was);
				else gone.push(row.key);
			});
			return Promise.all([
				back.length > 0 ? putMarks(outbox, trans, back) : undefined,
				gone.length > 0 ? outbox.mutate({ type: 'delete', trans, keys: gone }) : undefined
			]);
		});
	return marked.then(
		() =>
			change.then(
				(res) => (res.numFailures > 0 ? unmark((i) => i in res.failures).then(() => res) : res),
				(error: unknown) =>
					unmark(() => true).then(
						() => Promise.reject(error),
						() => Promise.reject(error)
					)
			),
		// The marks could not be written: the transaction is failing, and the change with it.
		(error: unknown) =>
			change.then(
				() => Promise.reject(error),
				() => Promise.reject(error)
			)
	);
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
