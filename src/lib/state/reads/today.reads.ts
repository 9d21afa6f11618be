// Today's reads: the follow-ups and give-back nudges, and what each of Today's sections shows.
// Each is its own live query so that a change to one table re-runs only the sections that read it.
// Pitches are counted with the light half of pitch scheduling: ts-fsrs never loads with Today.
import { dueList, type FollowUpItem } from '$lib/domain/cadence';
import type { Contact, IntroRequest } from '$lib/domain/contact';
import { duePeople, type PersonDue } from '$lib/domain/due-people';
import type { IsoDate } from '$lib/domain/dates';
import type { Draft } from '$lib/domain/draft';
import type { Interview } from '$lib/domain/interview';
import {
	askHowItWent,
	splitInterviews,
	thankYouOwed,
	type ThankYouOwed
} from '$lib/domain/interview-rules';
import { dueDeck, endOfDay } from '$lib/domain/pitch-card';
import { nudgeWindowStart, reciprocityNudges, type Nudge } from '$lib/domain/reciprocity';
import type { Query } from './query';

/** Give-back nudges shown at once: a gentle few, the longest waiting first. */
export const GIVE_BACK_SHOWN = 5;

/** Upcoming interviews shown on Today: the next two weeks. */
export const INTERVIEWS_AHEAD_MS = 14 * 86_400_000;

export interface TodayLists {
	followUps: FollowUpItem[];
	/** The same follow-ups, one line per person. */
	people: PersonDue[];
	giveBack: Array<Nudge & { contact: Contact }>;
}

export const NO_TODAY_LISTS: TodayLists = { followUps: [], people: [], giveBack: [] };

/**
 * Today's follow-ups and give-back nudges, from three indexed range reads (contacts' follow-ups,
 * touchpoints' follow-ups, the touchpoints of the nudge window) and the owners they name.
 */
export function todayLists(today: IsoDate): Query<TodayLists> {
	return async (r) => {
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
			if (missing.length)
				for (const [id, c] of await r.contacts.getMany(missing)) owners.set(id, c);
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
		const followUps = dueList(dueContacts, dueTouchpoints, owners, today);
		return { followUps, people: duePeople(followUps), giveBack };
	};
}

/** A capture typed earlier and not saved yet, in any tab (Capture keeps it as a 'capture' draft). */
export const unsavedCapture: Query<Draft | undefined> = async (r) =>
	(await r.drafts.ofForm('capture'))[0];

export interface TodayInterviews {
	/** Thank-yous still to send, the most pressing first. */
	owed: Array<{ interview: Interview; owed: ThankYouOwed }>;
	/** Interviews to come within the next two weeks, or not yet given a time. */
	upcoming: Interview[];
	/** Planned interviews whose time is over and that have no debrief yet, the latest first. */
	howDidItGo: Interview[];
	/** The people met, by contact id (trashed ones too: their names still show). */
	people: Map<string, Contact>;
}

export const NO_TODAY_INTERVIEWS: TodayInterviews = {
	owed: [],
	upcoming: [],
	howDidItGo: [],
	people: new Map()
};

/** Today's interviews section, as of `now`. */
export function todayInterviews(now: number): Query<TodayInterviews> {
	return async (r) => {
		const list = (await r.interviews.all()).filter((i) => i.deletedAt === undefined);
		const people = await r.contacts.getMany([...new Set(list.map((i) => i.contactId))]);
		const upcoming = splitInterviews(list, now).upcoming.filter(
			(i) => i.scheduledAt === undefined || i.scheduledAt <= now + INTERVIEWS_AHEAD_MS
		);
		const owed = list
			.flatMap((interview) => {
				const due = thankYouOwed(interview, now);
				return due ? [{ interview, owed: due }] : [];
			})
			.sort((a, b) => a.owed.dueBy - b.owed.dueBy);
		const howDidItGo = list
			.filter((i) => askHowItWent(i, now))
			.sort((a, b) => (b.scheduledAt ?? b.createdAt) - (a.scheduledAt ?? a.createdAt));
		return { owed, upcoming, howDidItGo, people };
	};
}

/** How many pitches are due by the end of the day `now` falls in. */
export function pitchesDueToday(now: number): Query<number> {
	return async (r) => dueDeck(await r.pitches.dueBy(endOfDay(now)), now).length;
}

export interface IntroAsk {
	contact: Contact;
	request: IntroRequest;
}

/** Intro requests not yet asked, the oldest first. */
export const openIntroAsks: Query<IntroAsk[]> = async (r) =>
	(await r.contacts.withOpenIntroRequests())
		.flatMap((contact) =>
			(contact.introRequests ?? [])
				.filter((request) => request.doneAt === undefined)
				.map((request) => ({ contact, request }))
		)
		.sort((a, b) => a.request.createdAt - b.request.createdAt);
