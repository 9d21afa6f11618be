/**
 * The monotonic change stamp: a record's `updatedAt` after a change. It moves forward even when
 * the clock goes back (or two changes land in one millisecond), so a merge or sync that keeps the
 * newer copy always sees the change as newer than what it replaced.
 */
export function nextStamp(previous: number | undefined, now: number): number {
	return previous === undefined ? now : Math.max(now, previous + 1);
}
