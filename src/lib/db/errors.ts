/**
 * Sorts a database failure into the few kinds a person can act on (full, closed, blocked, upgraded,
 * unavailable), looking through Dexie's wrapped errors to the IndexedDB one inside.
 */
export type DbErrorKind = 'quota' | 'closed' | 'blocked' | 'version' | 'unavailable' | 'unknown';

function names(error: unknown): string[] {
	const out: string[] = [];
	let e: unknown = error;
	for (let i = 0; e && typeof e === 'object' && i < 5; i++) {
		const { name, inner } = e as { name?: unknown; inner?: unknown };
		if (typeof name === 'string') out.push(name);
		e = inner;
	}
	return out;
}

/** What went wrong with a database call, whichever layer (Dexie or IndexedDB) raised it. */
export function classifyDbError(error: unknown): DbErrorKind {
	const all = names(error);
	if (all.some((n) => n === 'QuotaExceededError')) return 'quota';
	if (all.some((n) => n === 'DatabaseClosedError')) return 'closed';
	if (all.some((n) => n === 'VersionError' || n === 'UpgradeError')) return 'version';
	if (all.some((n) => n === 'MissingAPIError' || n === 'InvalidStateError')) return 'unavailable';
	if (all.some((n) => n === 'BlockedError')) return 'blocked';
	return 'unknown';
}
