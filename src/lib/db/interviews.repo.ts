/**
 * The interviews table's repository: informational interviews as stored in the IndexedDB "kith"
 * database's `interviews` table, one row per interview.
 */
import type { Interview } from '$lib/domain/interview';
import type { KithDB } from './database';
import { entityRepo } from './entity.repo';

/** Interviews, found by the person met and by the people they referred. */
export function interviewsRepo(db: KithDB) {
	const table = db.interviews;
	return {
		...entityRepo(table),
		/** Every interview with any of these contacts, trashed ones too. */
		withAnyOf: (contactIds: string[]): Promise<Interview[]> =>
			table.where('contactId').anyOf(contactIds).toArray(),
		/** Every interview that lists any of these contacts as a referral, trashed ones too. */
		referringAnyOf: (contactIds: string[]): Promise<Interview[]> =>
			table.where('referralIds').anyOf(contactIds).toArray()
	};
}
