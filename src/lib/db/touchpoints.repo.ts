/**
 * The interactions table's repository: touchpoints (calls, messages, meetings logged with a
 * contact) as stored in the IndexedDB "kith" database's `interactions` table.
 */
import { Dexie } from 'dexie';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Interview } from '$lib/domain/interview';
import type { KithDB } from './database';
import { entityRepo } from './entity.repo';
import { OPEN_FOLLOW_UP } from './touchpoint-row';

const isLive = (t: { deletedAt?: number }) => t.deletedAt === undefined;

/** Touchpoints, read by the indexes Today and a contact's page need (never a full scan). */
export function touchpointsRepo(db: KithDB) {
	const table = db.interactions;
	return {
		...entityRepo(table),
		/** A contact's touchpoints, newest first. */
		async ofContact(contactId: string): Promise<Touchpoint[]> {
			const rows = await table
				.where('[contactId+on]')
				.between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
				.reverse()
				.toArray();
			return rows.filter(isLive);
		},
		/** Every touchpoint of a contact, trashed ones too, in the index's order. */
		everyOfContact: (contactId: string): Promise<Touchpoint[]> =>
			table.where('contactId').equals(contactId).toArray(),
		/** Deletes every touchpoint of these contacts for good. */
		removeOfContacts: (contactIds: string[]) => table.where('contactId').anyOf(contactIds).delete(),
		/** The day of a contact's latest touchpoint. */
		async lastOn(contactId: string): Promise<string | undefined> {
			const keys = await table
				.where('[contactId+on]')
				.between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
				.reverse()
				.limit(1)
				.keys();
			const key = keys[0] as unknown as [string, string] | undefined;
			return key?.[1];
		},
		/** Touchpoints whose follow-up, not done yet, falls on or before `day`. */
		// Through the index of open follow-ups only (touchpoint-row.ts); the filter is a safeguard.
		followUpsUpTo: async (day: string) =>
			(await table.where(OPEN_FOLLOW_UP).belowOrEqual(day).toArray()).filter(
				(t) => !t.followUpDone && isLive(t)
			),
		/** Touchpoints on or after `day` (Today's give-back nudges look back this far). */
		since: async (day: string) =>
			(await table.where('on').aboveOrEqual(day).toArray()).filter(isLive),
		/** A contact's interviews, for their timeline. */
		interviewsOf: (contactId: string): Promise<Interview[]> =>
			db.interviews
				.where('contactId')
				.equals(contactId)
				.toArray()
				.then((rows) => rows.filter(isLive))
	};
}
export type TouchpointsRepo = ReturnType<typeof touchpointsRepo>;
