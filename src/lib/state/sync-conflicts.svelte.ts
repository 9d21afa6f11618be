/**
 * A record page's "Changed on two devices" cards: followed live, named and worded for the cards,
 * with the one-tap choices that settle them (one at a time, each told in a short message).
 */
import type { SyncConflict } from '$lib/domain/sync-conflict';
import { describeSyncValue, syncFieldLabel } from '$lib/domain/sync-conflict-labels';
import type { ConflictChoice } from '$lib/services/sync-conflicts.service';
import { syncConflicts } from '$lib/services/app';
import { Busy } from './busy.svelte';
import { live } from './live.svelte';
import type { Query } from './reads/query';
import { NO_CONFLICTS, type ConflictsView } from './reads/sync.reads';

/** What a settled card says it did. */
export function settledMessage(conflict: SyncConflict, choice: ConflictChoice): string {
	if (conflict.revived) {
		if (choice === 'kept') return 'Kept.';
		// Only contacts and interviews show a record in the trash, to restore it.
		return conflict.table === 'contacts' || conflict.table === 'interviews'
			? 'Moved to the trash.'
			: 'Deleted.';
	}
	if (choice === 'other') return 'Updated from the other device.';
	return choice === 'both' ? 'Kept both.' : 'Kept.';
}

/** Call during component initialisation; `query` is read in an effect, so it may change. */
export function syncConflictCards(query: () => Query<ConflictsView>) {
	const data = live(query, NO_CONFLICTS);
	const busy = new Busy();

	return {
		data,
		busy,
		/** The cards' props: labels, values in words and what each is about. */
		labels: (c: SyncConflict) => syncFieldLabel(c.table, c.field),
		format: (field: string, value: unknown, c: SyncConflict) =>
			describeSyncValue(c.table, field, value, data.value.names),
		subject: (c: SyncConflict) => data.value.subjects[c.id],
		choose(conflict: SyncConflict, choice: ConflictChoice) {
			return busy.attempt(() => syncConflicts.settle(conflict, choice), {
				success: settledMessage(conflict, choice)
			});
		},
		/** "Resolve all": the cards shown here keep what they show; others wait. */
		keepShown() {
			const ids = data.value.conflicts.map((c) => c.id);
			return busy.attempt(() => syncConflicts.keepShown(ids), {
				success: 'Kept what was shown.'
			});
		}
	};
}
