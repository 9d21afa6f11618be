import type { Repos } from '$lib/db';
import { dueList, type FollowUpItem } from '$lib/domain/cadence';
import type { Contact } from '$lib/domain/contact';
import type { IsoDate } from '$lib/domain/dates';
import { nudgeWindowStart, reciprocityNudges, type Nudge } from '$lib/domain/reciprocity';

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
	const missing = new Set<string>();
	for (const t of dueTouchpoints) if (!owners.has(t.contactId)) missing.add(t.contactId);
	for (const n of nudges) if (!owners.has(n.contactId)) missing.add(n.contactId);
	if (missing.size) for (const [id, c] of await r.contacts.getMany([...missing])) owners.set(id, c);
	const giveBack: TodayLists['giveBack'] = [];
	for (const n of nudges) {
		const contact = owners.get(n.contactId);
		if (contact && contact.deletedAt === undefined) giveBack.push({ ...n, contact });
	}
	return { followUps: dueList(dueContacts, dueTouchpoints, owners, today), giveBack };
}
