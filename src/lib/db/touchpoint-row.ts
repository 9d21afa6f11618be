/**
 * A touchpoint as the interactions table stores it: the domain record plus `openFollowUpOn`, its
 * follow-up day while that follow-up is open (not done, the touchpoint not in the trash). Today
 * reads open follow-ups through that index instead of every follow-up ever set, most of them done.
 * A middleware keeps the field on every write, whatever the path (services, sync, restore, an
 * upgrade), and takes it off the rows read back, so records never carry it.
 */
import type { DBCore, Middleware } from 'dexie';

export const OPEN_FOLLOW_UP = 'openFollowUpOn';
const TABLE = 'interactions';

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The row to store: `openFollowUpOn` set while the follow-up is open, absent otherwise. */
export function withOpenFollowUp(row: unknown): unknown {
	if (!isRow(row)) return row;
	const { [OPEN_FOLLOW_UP]: _old, ...rest } = row;
	const open =
		typeof rest.followUpOn === 'string' &&
		rest.followUpDone !== true &&
		rest.deletedAt === undefined;
	return open ? { ...rest, [OPEN_FOLLOW_UP]: rest.followUpOn } : rest;
}

/** The record a stored row holds. */
export function withoutOpenFollowUp<T>(row: T): T {
	if (!isRow(row) || !(OPEN_FOLLOW_UP in row)) return row;
	const { [OPEN_FOLLOW_UP]: _derived, ...record } = row;
	return record as T;
}

export const touchpointRowMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'kith-touchpoint-rows',
	create(down) {
		return {
			...down,
			table(name) {
				const table = down.table(name);
				if (name !== TABLE) return table;
				return {
					...table,
					mutate(req) {
						if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
						return table.mutate({ ...req, values: req.values.map(withOpenFollowUp) });
					},
					get: (req) => table.get(req).then(withoutOpenFollowUp),
					getMany: (req) => table.getMany(req).then((rows) => rows.map(withoutOpenFollowUp)),
					query: (req) =>
						table
							.query(req)
							.then((res) =>
								req.values ? { ...res, result: res.result.map(withoutOpenFollowUp) } : res
							)
				};
			}
		};
	}
};
