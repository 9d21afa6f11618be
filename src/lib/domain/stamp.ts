/**
 * How records are stamped: a new record's `createdAt`, `updatedAt` and `version` (`stampNew`),
 * and what a change moves them to (`stampChange`, through `touch` in db/unit-of-work.ts). Every
 * record is stamped here, so a field all records carry is added here, and no service can forget
 * to move a record's version: a form saved on an older version is told, not silently obeyed.
 */
import { z } from 'zod/mini';

/** A record's version: 1 when created, one more on every change. */
export const versionSchema = z.int().check(z.gte(1));

/** The tables whose records carry a version (databases and backups before version 3 lack it). */
export const VERSIONED_TABLES = [
	'contacts',
	'interactions',
	'pitches',
	'interviews',
	'questions'
] as const;

/** A row stored before versions were kept, at version 1; a row with a version is left as it is. */
export function withFirstVersion<T extends object>(row: T): T & { version: number } {
	const v = (row as { version?: unknown }).version;
	return { ...row, version: typeof v === 'number' ? v : 1 };
}

/** The stamps every stored record carries from its creation on. */
export interface CreationStamps {
	createdAt: number;
	updatedAt: number;
	/** 1 when created, one more on every change: a form remembers it to see a newer save. */
	version: number;
}

/** What a change reads from the record it replaces. */
export interface ChangeStamps {
	updatedAt: number;
	version: number;
}

/**
 * A new record, stamped as created and last changed at `now`, at version 1. Stamps already on
 * `row` are replaced: a copy made from another record is a new record.
 */
export function stampNew<T extends object>(
	row: T,
	now: number
): Omit<T, keyof CreationStamps> & CreationStamps {
	return { ...row, createdAt: now, updatedAt: now, version: 1 };
}

/**
 * A changed record: `updatedAt` moves to `now` (see nextStamp) and `version` to one past the
 * version it replaces (`previous`, the record itself by default; `null` for a record replacing
 * nothing, which starts at 1).
 */
export function stampChange<T extends ChangeStamps>(
	row: T,
	now: number,
	previous: ChangeStamps | null = row
): T {
	return {
		...row,
		updatedAt: nextStamp(previous?.updatedAt, now),
		version: (previous?.version ?? 0) + 1
	};
}

/**
 * The monotonic change stamp: a record's `updatedAt` after a change. It moves forward even when
 * the clock goes back (or two changes land in one millisecond), so a merge or sync that keeps the
 * newer copy always sees the change as newer than what it replaced.
 */
export function nextStamp(previous: number | undefined, now: number): number {
	return previous === undefined ? now : Math.max(now, previous + 1);
}
