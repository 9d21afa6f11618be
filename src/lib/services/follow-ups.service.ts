/**
 * Today's follow-ups, settled per person: a contact's next follow-up (contacts table) and the
 * follow-ups of their touchpoints (interactions table) are done, snoozed or put back together, in
 * one transaction, so another tab never sees half of it.
 */
import { touch, write, type KithDB, type UnitRepos } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import { todayIso } from '$lib/domain/dates';
import { settleFollowUps, type FollowUpState, type SettleAction } from '$lib/domain/due-people';
import type { Touchpoint } from '$lib/domain/touchpoint';

/** Which of a person's follow-ups Today showed as due. */
export interface DueRef {
	contactId: string;
	contactDue: boolean;
	touchpointIds: string[];
}

/** What Undo puts back: the follow-ups as they were before. */
export interface FollowUpUndo {
	contactId: string;
	before: FollowUpState;
}

/** Writes `state` for the contact and their touchpoints. Inside a unit of work. */
export async function applyFollowUps(
	r: UnitRepos<'contacts' | 'interactions'>,
	contactId: string,
	state: FollowUpState,
	now: number
): Promise<void> {
	if (state.contact) {
		const c = await r.contacts.get(contactId);
		const on = state.contact.nextFollowUpOn;
		if (c && c.nextFollowUpOn !== on) {
			const { nextFollowUpOn: _old, ...rest } = c;
			await r.contacts.put(touch({ ...rest, ...(on ? { nextFollowUpOn: on } : {}) }, now));
		}
	}
	for (const want of state.touchpoints) {
		const t = await r.interactions.get(want.id);
		if (!t || t.contactId !== contactId) continue;
		if (t.followUpOn === want.followUpOn && t.followUpDone === want.followUpDone) continue;
		const { followUpOn: _old, ...rest } = t;
		await r.interactions.put(
			touch(
				{
					...rest,
					...(want.followUpOn ? { followUpOn: want.followUpOn } : {}),
					followUpDone: want.followUpDone
				},
				now
			)
		);
	}
}

function snapshot(contact: Contact | undefined, touchpoints: Touchpoint[]): FollowUpState {
	return {
		...(contact ? { contact: { nextFollowUpOn: contact.nextFollowUpOn } } : {}),
		touchpoints: touchpoints.map((t) => ({
			id: t.id,
			followUpOn: t.followUpOn,
			followUpDone: t.followUpDone
		}))
	};
}

/**
 * Done or snooze for one person's line on Today: every follow-up it stood for, as stored now.
 * Returns what Undo needs, or undefined when the contact is gone.
 */
export async function settlePerson(
	db: KithDB,
	ref: DueRef,
	action: SettleAction,
	{ now = Date.now(), today = todayIso() }: { now?: number; today?: string } = {}
): Promise<FollowUpUndo | undefined> {
	return write(db, ['contacts', 'interactions'], async (r) => {
		const contact = await r.contacts.get(ref.contactId);
		if (!contact) return undefined;
		const touchpoints = (await r.interactions.bulkGet(ref.touchpointIds)).filter(
			(t): t is Touchpoint =>
				t !== undefined && t.contactId === ref.contactId && t.deletedAt === undefined
		);
		const own = ref.contactDue ? contact : undefined;
		const before = snapshot(own, touchpoints);
		await applyFollowUps(r, ref.contactId, settleFollowUps(own, touchpoints, action, today), now);
		return { contactId: ref.contactId, before };
	});
}

/** Undo of `settlePerson`: the follow-ups go back to what they were. */
export async function restoreFollowUps(
	db: KithDB,
	undo: FollowUpUndo,
	now = Date.now()
): Promise<void> {
	await write(db, ['contacts', 'interactions'], (r) =>
		applyFollowUps(r, undo.contactId, undo.before, now)
	);
}
