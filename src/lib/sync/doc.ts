/**
 * A synced row as a sync document's body, and back. The body is the row as the domain knows it
 * (no derived search words, no audio: a recording's audio travels as a sealed attachment) plus
 * `v`, the database version whose shape the row has. A body from an older Kith is brought up to
 * date by the same steps a restored backup takes; one from a newer Kith is held back, never
 * guessed at; one that does not fit its schema is refused. Nothing here touches the network.
 */
import type { z } from 'zod/mini';
import { LATEST_VERSION } from '$lib/db/versions';
import { syncConflictSchema } from '$lib/domain/sync-conflict';
import { TABLE_SCHEMAS } from '$lib/domain/tables';
import type { SyncedTable } from '$lib/domain/sync-tables';
import { upgradeTables } from '$lib/io/backup-upgrades';

export const SCHEMA_VERSION = LATEST_VERSION;

export type Row = Record<string, unknown>;

export interface Body {
	v: number;
	row: Row;
}

/** Fields the database derives and keeps for its indexes: never sent, rebuilt on arrival. */
const DERIVED: Partial<Record<SyncedTable, readonly string[]>> = {
	contacts: ['words', 'asking'],
	interactions: ['openFollowUpOn'],
	recordings: ['blob']
};

export function rowToBody(table: SyncedTable, row: object): Body {
	const plain: Row = { ...(row as Row) };
	for (const field of DERIVED[table] ?? []) delete plain[field];
	return { v: SCHEMA_VERSION, row: plain };
}

export type Arrival =
	{ kind: 'row'; row: Row } | { kind: 'newer'; v: number } | { kind: 'invalid'; problem: string };

function schemaOf(table: SyncedTable): z.ZodMiniType {
	return table === 'conflicts' ? syncConflictSchema : TABLE_SCHEMAS[table];
}

/**
 * The row a body carries, upgraded and checked. `extra` adds what travelled beside the body (a
 * recording's audio) before the check.
 */
export function bodyToRow(
	table: SyncedTable,
	body: unknown,
	extra: Row = {},
	version = SCHEMA_VERSION
): Arrival {
	if (typeof body !== 'object' || body === null)
		return { kind: 'invalid', problem: 'not a record' };
	const { v, row } = body as Partial<Body>;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
		return { kind: 'invalid', problem: 'no schema version' };
	if (v > version) return { kind: 'newer', v };
	if (typeof row !== 'object' || row === null || Array.isArray(row))
		return { kind: 'invalid', problem: 'no row' };
	const upgraded = upgradeTables({ [table]: [row] }, v, version)[table]?.[0];
	const parsed = schemaOf(table).safeParse({ ...(upgraded as Row), ...extra });
	if (!parsed.success)
		return {
			kind: 'invalid',
			problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		};
	return { kind: 'row', row: parsed.data as Row };
}
