/**
 * What to tell a person when a database call failed: one message per kind of failure, worded for
 * a save, a one-tap action, or a screen that could not read. Three switches, not one table, as
 * each kind's words differ by situation.
 */
import { classifyDbError, type DbErrorKind } from '$lib/db/errors';

/**
 * Like `classifyDbError`, but tells a database that never opened apart from one closed by an
 * update: Dexie reports both as DatabaseClosedError, the first with the reason it failed inside.
 */
function kindOf(error: unknown): DbErrorKind | 'unopened' {
	const { name, inner } = (error ?? {}) as { name?: unknown; inner?: { name?: unknown } };
	if (name === 'DatabaseClosedError' && inner && inner.name !== 'DatabaseClosedError') {
		const cause = classifyDbError(inner);
		return cause === 'unknown' ? 'unopened' : cause;
	}
	return classifyDbError(error);
}

/** A message a person can act on, for any failure to read or write the database. */
export function describeSaveError(error: unknown): string {
	switch (classifyDbError(error)) {
		case 'quota':
			return 'Your phone has no room left for Kith to save this. Free some space (photos, other apps) and tap Save again; what you typed is kept here.';
		case 'closed':
		case 'version':
			return 'Kith was updated in another tab. Reload this page to keep going; what you typed is kept.';
		case 'blocked':
			return 'Another Kith tab is holding an older version open. Close the other tabs, then try again.';
		case 'unavailable':
			return 'This browser is not letting Kith store data (private browsing can do this). Open Kith in a normal window.';
		default:
			return 'Kith could not save just now. Try again; what you typed is kept.';
	}
}

/**
 * A message for a one-tap action that failed (Done, Undo, Restore, Remove sample data). Each
 * action runs in one transaction, so a failure changed nothing; the message says so.
 */
export function describeActionError(error: unknown): string {
	switch (kindOf(error)) {
		case 'quota':
			return 'Your phone has no room left for Kith to make this change, so nothing changed. Free some space (photos, other apps), then try again.';
		case 'closed':
		case 'version':
			return 'Kith was updated in another tab, so nothing changed. Reload this page, then try again.';
		case 'blocked':
			return 'Another Kith tab is holding an older version open, so nothing changed. Close the other tabs, then try again.';
		case 'unavailable':
			return 'This browser is not letting Kith store data (private browsing can do this). Open Kith in a normal window.';
		case 'unopened':
			return 'Kith could not open its data on this device, so nothing changed. Reload the page, then try again.';
		default:
			return 'Kith could not do that just now, so nothing changed. Try again.';
	}
}

/** A message for a screen that could not read what it shows, in place of an empty state. */
export function describeReadError(error: unknown): string {
	switch (kindOf(error)) {
		case 'closed':
		case 'version':
			return 'Kith was updated in another tab. Reload this page to see your data.';
		case 'blocked':
			return 'Another Kith tab is holding an older version open. Close the other tabs, then reload this page.';
		case 'unavailable':
			return 'This browser is not letting Kith read its data (private browsing can do this). Open Kith in a normal window.';
		case 'unopened':
			return 'Kith could not open its data on this device. Reload the page to try again.';
		default:
			return 'Kith could not read your data just now. Reload the page to try again.';
	}
}
