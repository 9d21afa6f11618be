import type { Repos } from '$lib/db';
import { dueList, type FollowUpItem } from '$lib/domain/cadence';
import type { Contact } from '$lib/domain/contact';
import type { IsoDate } from '$lib/domain/dates';
import { nudgeWindowStart, reciprocityNudges, type Nudge } from '$lib/domain/reciprocity';

/** Give-back nudges shown at once: a gentle few, the longest waiting first. */
export const GIVE_BACK_SHOWN = 5;

export interface TodayLists {
	followUps: FollowUpItem[];
	giveBack: Array<Nudge & { contact: Contact }>;
}

/**
 * Today's follow-ups and give-back nudges, from three indexed range reads (contacts' follow-ups,
 * touchpoints' follow-ups, the touchpoints of the nudge window) and the owners they name.
 */
export async function readToday(r: Repos, today: IsoDate): Promise<TodayLists> {
	const [dueContacts, dueTouchpoints, recent, dismissed] = await Promise.all([
		r.contacts.followUpsUpTo(today),
		r.interactions.followUpsUpTo(today),
		r.interactions.since(nudgeWindowStart(today)),
		r.settings.get('giveBackDismissed')
	]);
	const nudges = reciprocityNudges(recent, today, dismissed ?? {});
	const owners = new Map(dueContacts.map((c) => [c.id, c]));
	const fetchOwners = async (ids: Iterable<string>) => {
		const missing = [...new Set(ids)].filter((id) => !owners.has(id));
		if (missing.length) for (const [id, c] of await r.contacts.getMany(missing)) owners.set(id, c);
	};
	// Only the owners of the nudges shown are read; a few spare cover people in the trash.
	let shown = 2 * GIVE_BACK_SHOWN;
	await fetchOwners([
		...dueTouchpoints.map((t) => t.contactId),
		...nudges.slice(0, shown).map((n) => n.contactId)
	]);
	const giveBack: TodayLists['giveBack'] = [];
	for (let i = 0; i < nudges.length && giveBack.length < GIVE_BACK_SHOWN; i++) {
		if (i === shown) {
			shown *= 2;
			await fetchOwners(nudges.slice(i, shown).map((n) => n.contactId));
		}
		const n = nudges[i]!;
		const contact = owners.get(n.contactId);
		if (contact && contact.deletedAt === undefined) giveBack.push({ ...n, contact });
	}
	return { followUps: dueList(dueContacts, dueTouchpoints, owners, today), giveBack };
}
