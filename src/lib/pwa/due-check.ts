/**
 * The service worker's daily check (src/service-worker.ts runs it on periodic background sync): counts what
 * is due today by the rule Today uses, puts the count on the app icon, and shows one notification
 * summing it up when the person turned that on and it is not quiet hours. Reads the database
 * read-only (db/peek-due.ts); stores nothing.
 */
import type { DueSnapshot } from '$lib/db/peek-due';
import {
	countDue,
	dueNotice,
	dueTotal,
	type DueCounts,
	type DueNotice
} from '$lib/domain/due-today';

export interface DueCheck {
	read: () => Promise<DueSnapshot | undefined>;
	now: number;
	/** The notification permission as the worker sees it. */
	permission: string;
	setBadge: (n: number) => Promise<void>;
	notify: (notice: DueNotice) => Promise<void>;
}

/** Today's counts from the rows as stored (every contact is a possible owner). */
export function countSnapshot(rows: DueSnapshot, now: number): DueCounts {
	const owners = new Map(rows.contacts.map((c) => [c.id, c]));
	return countDue({ ...rows, owners }, now);
}

/**
 * Whether the stored `reminders` setting says yes. Checked by hand rather than with its zod schema,
 * which would bring zod into the worker: only an explicit `notify: true` counts.
 */
export function notifyChosen(value: unknown): boolean {
	return (
		typeof value === 'object' && value !== null && (value as { notify?: unknown }).notify === true
	);
}

/** Runs the check; gives what it counted and the notification it showed, if any. */
export async function runDueCheck(
	check: DueCheck
): Promise<{ counts: DueCounts; notice?: DueNotice }> {
	const rows = await check.read();
	if (!rows) return { counts: { followUps: 0, thankYous: 0, pitches: 0 } };
	const counts = countSnapshot(rows, check.now);
	await check.setBadge(dueTotal(counts));
	const notice =
		notifyChosen(rows.reminders) && check.permission === 'granted'
			? dueNotice(counts, check.now)
			: undefined;
	if (notice) await check.notify(notice);
	return { counts, notice };
}
