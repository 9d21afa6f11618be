/**
 * How records are stamped: a new record's `createdAt` and `updatedAt` (`stampNew`), and the
 * monotonic change stamp a changed record's `updatedAt` moves to (`nextStamp`, through `touch` in
 * db/unit-of-work.ts). Every record is stamped here, so a field all records carry is added here.
 */

/** The stamps every stored record carries from its creation on. */
export interface CreationStamps {
	createdAt: number;
	updatedAt: number;
}

/**
 * A new record, stamped as created and last changed at `now`. Stamps already on `row` are
 * replaced: a copy made from another record is a new record.
 */
export function stampNew<T extends object>(
	row: T,
	now: number
): Omit<T, keyof CreationStamps> & CreationStamps {
	return { ...row, createdAt: now, updatedAt: now };
}

/**
 * The monotonic change stamp: a record's `updatedAt` after a change. It moves forward even when
 * the clock goes back (or two changes land in one millisecond), so a merge or sync that keeps the
 * newer copy always sees the change as newer than what it replaced.
 */
export function nextStamp(previous: number | undefined, now: number): number {
	return previous === undefined ? now : Math.max(now, previous + 1);
}
