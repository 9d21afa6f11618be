/**
 * Merges two contacts in one transaction over contacts, touchpoints and interviews, and undoes a
 * merge from the rows it changed (kept in memory by the caller, for the toast's Undo).
 */
import { write, type KithDB } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Interview } from '$lib/domain/interview';
import { planMerge, type MergeChoices } from '$lib/domain/merge';
import { CHAIN_UP_MAX } from '$lib/domain/referral-chain';

/** Every row a merge changed, as it was before: writing them back undoes the merge exactly. */
export interface MergeUndo {
	keepId: string;
	otherId: string;
	contacts: Contact[];
	interactions: Touchpoint[];
	interviews: Interview[];
}

export type MergeResult =
	| { ok: true; survivor: Contact; undo: MergeUndo; moved: { touchpoints: number } }
	| { ok: false; message: string };

export async function mergeContacts(
	db: KithDB,
	keepId: string,
	otherId: string,
	choices: MergeChoices,
	now = Date.now()
): Promise<MergeResult> {
	if (keepId === otherId) return { ok: false, message: 'Pick two different people to merge.' };
	return write(db, ['contacts', 'interactions', 'interviews'], async (r): Promise<MergeResult> => {
		const [keep, other] = await Promise.all([r.contacts.get(keepId), r.contacts.get(otherId)]);
		if (!keep || !other || keep.deletedAt !== undefined || other.deletedAt !== undefined)
			return {
				ok: false,
				message: 'One of the two was deleted or merged in the meantime, so nothing changed.'
			};
		const [interactions, withEither, referring, introduced] = await Promise.all([
			r.interactions.everyOfContact(otherId),
			r.interviews.withAnyOf([keepId, otherId]),
			r.interviews.referringAnyOf([keepId, otherId]),
			r.contacts.introducedBy(otherId)
		]);
		const interviews = [...new Map([...withEither, ...referring].map((v) => [v.id, v])).values()];

		const chosen = choices.introducedById === 'other' ? other.introducedById : keep.introducedById;
		const introducerChain: string[] = [];
		for (let cursor = chosen; cursor && introducerChain.length <= CHAIN_UP_MAX;) {
			if (introducerChain.includes(cursor)) break;
			introducerChain.push(cursor);
			cursor = (await r.contacts.get(cursor))?.introducedById;
		}

		const plan = planMerge({
			keep,
			other,
			choices,
			interactions,
			interviews,
			introduced,
			introducerChain,
			now
		});
		const changedInterviews = new Set(plan.interviews.map((v) => v.id));
		const changedPeople = new Set(plan.introduced.map((c) => c.id));
		const undo: MergeUndo = {
			keepId,
			otherId,
			contacts: [keep, other, ...introduced.filter((c) => changedPeople.has(c.id))],
			interactions,
			interviews: interviews.filter((v) => changedInterviews.has(v.id))
		};
		await Promise.all([
			r.contacts.bulkPut([plan.survivor, plan.merged, ...plan.introduced]),
			r.interactions.bulkPut(plan.interactions),
			r.interviews.bulkPut(plan.interviews)
		]);
		return {
			ok: true,
			survivor: plan.survivor,
			undo,
			moved: { touchpoints: plan.interactions.length }
		};
	});
}

/** Puts back both contacts and everything re-pointed, exactly as before the merge. */
export async function undoMerge(db: KithDB, undo: MergeUndo): Promise<void> {
	await write(db, ['contacts', 'interactions', 'interviews'], async (r) => {
		await Promise.all([
			r.contacts.bulkPut(undo.contacts),
			r.interactions.bulkPut(undo.interactions),
			r.interviews.bulkPut(undo.interviews)
		]);
	});
}
