/**
 * Merging two contacts that are the same person. The user picks, field by field, which value the
 * merged contact keeps (lists are joined by default); everything that pointed at either contact
 * (touchpoints, interviews, introductions) ends up pointing at the one that stays. Planning is
 * pure: the service reads the rows, asks for a plan, and writes it in one transaction.
 */
import type { Contact } from './contact';
import type { Touchpoint } from './touchpoint';
import type { Interview } from './interview';
import { stampChange } from './stamp';
import { cutText } from './text-length';

export const SCALAR_FIELDS = [
	'name',
	'circle',
	'organization',
	'role',
	'field',
	'metAt',
	'metOn',
	'introducedById',
	'nextFollowUpOn',
	'notes'
] as const;
export const LIST_FIELDS = ['emails', 'phones', 'links', 'tags'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type MergeField = ScalarField | ListField;

/** Which value wins: the contact that stays ("keep"), the other one, or both (lists, notes). */
export type Side = 'keep' | 'other' | 'both';
export type MergeChoices = Record<MergeField, Side>;

export const FIELD_LABELS: Record<MergeField, string> = {
	name: 'Name',
	circle: 'Circle',
	organization: 'Organisation',
	role: 'Role',
	field: 'Field of interest',
	metAt: 'Where you met',
	metOn: 'Met on',
	introducedById: 'Introduced by',
	nextFollowUpOn: 'Next follow-up',
	notes: 'Notes',
	emails: 'Emails',
	phones: 'Phones',
	links: 'Links',
	tags: 'Tags'
};

export function canJoin(field: MergeField): boolean {
	return field === 'notes' || (LIST_FIELDS as readonly string[]).includes(field);
}

function isSet(value: unknown): boolean {
	return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
}

/** True when the two contacts disagree on a field, so the user has a choice to make. */
export function differs(keep: Contact, other: Contact, field: MergeField): boolean {
	return JSON.stringify(keep[field] ?? null) !== JSON.stringify(other[field] ?? null);
}

/** What a merge keeps when the user changes nothing: the staying contact's values, gaps filled in. */
export function defaultChoices(keep: Contact, other: Contact): MergeChoices {
	const choices = {} as MergeChoices;
	for (const f of SCALAR_FIELDS) choices[f] = !isSet(keep[f]) && isSet(other[f]) ? 'other' : 'keep';
	if (isSet(keep.notes) && isSet(other.notes) && differs(keep, other, 'notes'))
		choices.notes = 'both';
	for (const f of LIST_FIELDS) choices[f] = 'both';
	return choices;
}

/** Both lists, each value once (emails and tags compared without case). */
function union(field: ListField, a: string[], b: string[]): string[] {
	const fold = field === 'emails' || field === 'tags';
	const seen = new Set<string>();
	const out: string[] = [];
	for (const v of [...a, ...b]) {
		const key = fold ? v.toLocaleLowerCase() : v;
		if (!seen.has(key)) {
			seen.add(key);
			out.push(v);
		}
	}
	return out;
}

/** As long as a stored note may be (`longText`). */
const NOTES_MAX = 100_000;

/**
 * The contact that stays, with the chosen values. An introducer that is either of the two (A
 * introduced B, and A and B are merged) is dropped: nobody introduces themselves.
 */
export function mergedContact(
	keep: Contact,
	other: Contact,
	choices: MergeChoices,
	now: number
): Contact {
	const out: Record<string, unknown> = { ...keep };
	for (const f of SCALAR_FIELDS) {
		const side = choices[f];
		if (f === 'notes' && side === 'both') {
			const joined = [keep.notes, other.notes].filter(isSet).join('\n\n');
			out.notes = cutText(joined, NOTES_MAX) || undefined;
		} else out[f] = side === 'other' ? other[f] : keep[f];
	}
	for (const f of LIST_FIELDS) {
		const side = choices[f];
		out[f] =
			side === 'both'
				? union(f, keep[f], other[f])
				: side === 'other'
					? [...other[f]]
					: [...keep[f]];
	}
	if (out.introducedById === keep.id || out.introducedById === other.id)
		out.introducedById = undefined;
	const requests = [...(keep.introRequests ?? []), ...(other.introRequests ?? [])];
	out.introRequests = requests.length ? requests : undefined;
	// A keep-in-touch rhythm set on either one is worth keeping; the staying contact's wins.
	out.keepInTouchDays = keep.keepInTouchDays ?? other.keepInTouchDays;
	const { updatedAt, version } = stampChange(keep, now);
	out.updatedAt = updatedAt;
	out.version = version;
	// Absent, not undefined, like every stored contact.
	for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
	return out as Contact;
}

export interface MergeInput {
	keep: Contact;
	other: Contact;
	choices: MergeChoices;
	/** The other contact's touchpoints. */
	interactions: Touchpoint[];
	/** Interviews with either contact, or naming either among their referrals. */
	interviews: Interview[];
	/** Contacts introduced by the other one. */
	introduced: Contact[];
	/**
	 * The chosen introducer's own chain up (ids, nearest first). When it passes through either
	 * contact, keeping that introducer would close a loop, so it is dropped.
	 */
	introducerChain: string[];
	now: number;
}

export interface MergePlan {
	survivor: Contact;
	/** The other contact, in the trash and marked as merged into the survivor. */
	merged: Contact;
	interactions: Touchpoint[];
	interviews: Interview[];
	introduced: Contact[];
}

export function planMerge(input: MergeInput): MergePlan {
	const { keep, other, choices, now } = input;
	if (keep.id === other.id) throw new Error('A contact cannot be merged with itself.');
	const survivor = mergedContact(keep, other, choices, now);
	if (
		survivor.introducedById &&
		input.introducerChain.some((id) => id === keep.id || id === other.id)
	)
		delete survivor.introducedById;
	const merged: Contact = stampChange({ ...other, deletedAt: now, mergedIntoId: keep.id }, now);
	const interactions = input.interactions
		.filter((i) => i.contactId === other.id)
		.map((i) => stampChange({ ...i, contactId: keep.id }, now));
	const interviews: Interview[] = [];
	for (const v of input.interviews) {
		const contactId = v.contactId === other.id ? keep.id : v.contactId;
		// A referral to the person interviewed (they suggested their own duplicate) means nothing.
		const referralIds = [
			...new Set(v.referralIds.map((id) => (id === other.id ? keep.id : id)))
		].filter((id) => id !== contactId);
		if (contactId === v.contactId && referralIds.join() === v.referralIds.join()) continue;
		interviews.push(stampChange({ ...v, contactId, referralIds }, now));
	}
	const introduced = input.introduced
		.filter((c) => c.introducedById === other.id && c.id !== keep.id && c.id !== other.id)
		.map((c) => stampChange({ ...c, introducedById: keep.id }, now));
	return { survivor, merged, interactions, interviews, introduced };
}
