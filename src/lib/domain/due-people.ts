/**
 * Today's follow-ups, one line per person: a contact's own follow-up (set by hand or by their
 * keep-in-touch rhythm) and every touchpoint follow-up due for them make one item, and settling
 * that item (done, or snoozed to a day) settles all of them together.
 */
import { followUpAfterDone, type FollowUpItem } from './cadence';
import type { Contact } from './contact';
import type { IsoDate } from './dates';
import type { Touchpoint } from './touchpoint';

export interface PersonDue {
	/** The contact's id: a person appears once. */
	key: string;
	contact: Contact;
	/** The earliest of the follow-ups due. */
	on: IsoDate;
	/** How many days the earliest one is overdue (0: due today). */
	overdueDays: number;
	/** The contact's own next follow-up is due (by hand, or by their keep-in-touch rhythm). */
	contactDue: boolean;
	/** Touchpoints whose follow-up is due, the earliest first. */
	touchpoints: Touchpoint[];
}

/**
 * Merges due items per person: the most overdue person first, then by name. Items are expected
 * from `dueList` (live contacts, open follow-ups due by today).
 */
export function duePeople(items: Iterable<FollowUpItem>): PersonDue[] {
	const byId = new Map<string, PersonDue>();
	for (const item of items) {
		const id = item.contact.id;
		let person = byId.get(id);
		if (!person) {
			person = {
				key: id,
				contact: item.contact,
				on: item.on,
				overdueDays: item.overdueDays,
				contactDue: false,
				touchpoints: []
			};
			byId.set(id, person);
		}
		if (item.on < person.on) person.on = item.on;
		person.overdueDays = Math.max(person.overdueDays, item.overdueDays);
		if (item.kind === 'contact') person.contactDue = true;
		else person.touchpoints.push(item.touchpoint);
	}
	const out = [...byId.values()];
	for (const p of out)
		p.touchpoints.sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''));
	return out.sort(
		(a, b) =>
			b.overdueDays - a.overdueDays ||
			a.contact.name.localeCompare(b.contact.name) ||
			a.key.localeCompare(b.key)
	);
}

/** What Today does with a person's item: done, or put off until a day. */
export type SettleAction = { kind: 'done' } | { kind: 'snooze'; until: IsoDate };

/** A contact's and touchpoints' follow-up fields as they are to be written (or as they were). */
export interface FollowUpState {
	/** Present when the contact's next follow-up is to change: its new value (undefined: none). */
	contact?: { nextFollowUpOn: IsoDate | undefined };
	touchpoints: Array<{ id: string; followUpOn: IsoDate | undefined; followUpDone: boolean }>;
}

/**
 * The writes that settle a person's due follow-ups. Done clears the contact's follow-up, or with a
 * keep-in-touch rhythm starts its next round from today, and marks each touchpoint's done; a snooze
 * moves every one of them to the same day. Only the ones given (those Today showed) are touched.
 */
export function settleFollowUps(
	contact: Pick<Contact, 'keepInTouchDays' | 'nextFollowUpOn'> | undefined,
	touchpoints: ReadonlyArray<Pick<Touchpoint, 'id' | 'followUpOn' | 'followUpDone'>>,
	action: SettleAction,
	today: IsoDate
): FollowUpState {
	const done = action.kind === 'done';
	return {
		...(contact
			? {
					contact: {
						nextFollowUpOn: done ? followUpAfterDone(contact, today) : action.until
					}
				}
			: {}),
		touchpoints: touchpoints.map((t) => ({
			id: t.id,
			followUpOn: done ? t.followUpOn : action.until,
			followUpDone: done
		}))
	};
}

/**
 * What logging `logged` settles for its contact, as of `today`: the open follow-ups already due
 * from touchpoints dated on or before it, and the contact's own follow-up when it is due, set by
 * hand (a keep-in-touch rhythm moves on by itself) and `logged` is their latest touchpoint. A
 * touchpoint's own follow-up, or one still ahead, stays.
 */
export function settledByTouchpoint(
	contact: Pick<Contact, 'keepInTouchDays' | 'nextFollowUpOn'>,
	others: ReadonlyArray<
		Pick<Touchpoint, 'id' | 'on' | 'followUpOn' | 'followUpDone' | 'deletedAt'>
	>,
	logged: Pick<Touchpoint, 'id' | 'on'>,
	today: IsoDate
): FollowUpState {
	const live = others.filter((t) => t.id !== logged.id && t.deletedAt === undefined);
	const latest = live.every((t) => t.on <= logged.on);
	const due = contact.nextFollowUpOn !== undefined && contact.nextFollowUpOn <= today;
	return {
		...(due && !contact.keepInTouchDays && latest
			? { contact: { nextFollowUpOn: undefined } }
			: {}),
		touchpoints: live
			.filter(
				(t) =>
					!t.followUpDone &&
					t.followUpOn !== undefined &&
					t.followUpOn <= today &&
					t.on <= logged.on
			)
			.map((t) => ({ id: t.id, followUpOn: t.followUpOn, followUpDone: true }))
	};
}
