/**
 * How two versions of one record, changed on two devices from a common base, become one. Field by
 * field (domain/merge3.ts, the same merge two tabs use): a field changed on one side takes that
 * change, lists take both sides' additions and removals, and a field changed on both sides keeps
 * the engine's winning side and becomes a "Changed on two devices" card holding the other value.
 * An edit beats a delete. Pure and deterministic, so both devices settle a clash the same way.
 */
import { merge3, type FieldKind } from '$lib/domain/merge3';
import { conflictId, type ConflictTable, type SyncConflict } from '$lib/domain/sync-conflict';
import type { SyncedTable } from '$lib/domain/sync-tables';
import type { Row } from './doc';

const LONG = new Set(['notes', 'text', 'summary', 'gave', 'goal', 'debrief', 'answer']);
const STAMPS = new Set(['createdAt', 'updatedAt', 'version']);

function kindOf(field: string, ...values: unknown[]): FieldKind {
	if (values.some(Array.isArray)) return 'list';
	if (LONG.has(field)) return 'long';
	if (values.some((v) => typeof v === 'string' && (v.includes('\n') || v.length > 80)))
		return 'long';
	return values.some((v) => typeof v === 'string') ? 'text' : 'value';
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export interface MergedRow {
	row: Row;
	conflicts: SyncConflict[];
	/** A delete on one side lost to an edit on the other: the record is back. */
	revived: boolean;
}

/**
 * Merges `winner` and `loser` (the engine's pick and the other leaf) against `base`, their common
 * version, or null when no common version is known (then every field that differs is a card).
 */
export function mergeRows(
	table: SyncedTable,
	base: Row | null,
	winner: Row,
	loser: Row
): MergedRow {
	const b: Row = base ?? {};
	const fields = [...new Set([...Object.keys(b), ...Object.keys(winner), ...Object.keys(loser)])]
		.filter((f) => !STAMPS.has(f) && f !== 'deletedAt')
		.sort();
	const kinds = Object.fromEntries(
		fields.map((f) => [f, kindOf(f, b[f], winner[f], loser[f])])
	) as Record<string, FieldKind>;
	const pitchCard = table === 'pitches';
	if (pitchCard) delete kinds.card;
	const merged = merge3(b, winner, loser, kinds);
	const row: Row = { ...merged.value };
	for (const f of Object.keys(row)) if (row[f] === undefined) delete row[f];

	// The review schedule is not merged field by field: the side that saw more rehearsals is kept
	// until the merged rehearsal log is replayed (sync recomputes it after applying).
	if (pitchCard) {
		const w = winner.card as { reps?: number; lastReview?: number } | undefined;
		const l = loser.card as { reps?: number; lastReview?: number } | undefined;
		const lFirst =
			num(l?.reps) > num(w?.reps) ||
			(num(l?.reps) === num(w?.reps) && num(l?.lastReview) > num(w?.lastReview));
		const card = lFirst ? loser.card : winner.card;
		if (card === undefined) delete row.card;
		else row.card = card;
	}

	// The trash: a side that moved the record to the trash, or out of it, is taken like any
	// one-sided change; but an edit beats a delete, so a record moved to the trash on one side and
	// changed on the other comes back, with a card that says why.
	const deleted = (r: Row) => r.deletedAt !== undefined;
	const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
	const editedBesidesDelete = (r: Row) => base === null || fields.some((f) => !same(r[f], b[f]));
	const wDel = deleted(winner) && !deleted(b);
	const lDel = deleted(loser) && !deleted(b);
	let deletedAt: unknown;
	let restored = false;
	if (same(winner.deletedAt, b.deletedAt)) deletedAt = loser.deletedAt;
	else if (same(loser.deletedAt, b.deletedAt)) deletedAt = winner.deletedAt;
	else if (deleted(winner) && deleted(loser))
		deletedAt = Math.max(num(winner.deletedAt), num(loser.deletedAt));
	// Taken out of the trash on one side, and in it at another time on the other (moved back in,
	// or two moves to the trash merged): out of the trash wins, as an edit beats a delete.
	else restored = deleted(winner) !== deleted(loser);
	const revived =
		(wDel && !lDel && editedBesidesDelete(loser)) ||
		(lDel && !wDel && editedBesidesDelete(winner)) ||
		(restored && editedBesidesDelete(deleted(winner) ? loser : winner));
	if (revived || deletedAt === undefined) delete row.deletedAt;
	else row.deletedAt = deletedAt;

	if ('createdAt' in winner || 'createdAt' in loser)
		row.createdAt = Math.min(num(winner.createdAt) || Infinity, num(loser.createdAt) || Infinity);
	if ('updatedAt' in winner || 'updatedAt' in loser)
		row.updatedAt = Math.max(num(winner.updatedAt), num(loser.updatedAt));
	if ('version' in winner || 'version' in loser)
		row.version = Math.max(num(winner.version), num(loser.version)) + 1;

	const rowId = String(winner.id ?? winner.contactId ?? '');
	const at = Math.max(num(winner.updatedAt), num(loser.updatedAt));
	const conflicts: SyncConflict[] =
		table === 'conflicts' || table === 'rehearsals' || table === 'recordings'
			? []
			: merged.conflicts.map((c) => ({
					id: conflictId(table as ConflictTable, rowId, String(c.field)),
					table: table as ConflictTable,
					rowId,
					field: String(c.field),
					kind: c.kind,
					kept: winner[c.field as string] ?? null,
					other: c.theirs ?? null,
					at
				}));
	if (revived && table !== 'conflicts')
		conflicts.push({
			id: conflictId(table as ConflictTable, rowId, 'deletedAt'),
			table: table as ConflictTable,
			rowId,
			field: 'deletedAt',
			kind: 'value',
			kept: null,
			other: (deleted(winner) ? winner : loser).deletedAt ?? null,
			at,
			revived: true
		});
	return { row, conflicts, revived };
}

/**
 * The base for two versions that share several newest common versions (each device settled the
 * same clash its own way, a criss-cross), both of which each side holds: field by field, a side
 * that still has one of those versions' values did not change the field, so that value is the
 * base there; a list's base is every item any of them had. Null when there is none.
 */
export function mergeBase(bases: Row[], winner: Row, loser: Row): Row | null {
	if (bases.length <= 1) return bases[0] ?? null;
	const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
	const row: Row = { ...bases[0] };
	const fields = new Set([
		...bases.flatMap(Object.keys),
		...Object.keys(winner),
		...Object.keys(loser)
	]);
	for (const f of fields) {
		const lists = bases.map((b) => b[f]).filter(Array.isArray);
		let value: unknown = row[f];
		if (lists.length > 0)
			value = lists.flat().filter((v, i, all) => all.findIndex((x) => same(x, v)) === i);
		else {
			const w = bases.some((b) => same(b[f], winner[f]));
			const l = bases.some((b) => same(b[f], loser[f]));
			if (w && !l) value = winner[f];
			else if (l && !w) value = loser[f];
		}
		if (value === undefined) delete row[f];
		else row[f] = value;
	}
	return row;
}
