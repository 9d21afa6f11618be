/**
 * Keeping in touch: a contact's cadence moves their next follow-up from the last touchpoint, and
 * Today's follow-up list gathers contacts and touchpoints that are due or overdue.
 */
import type { Contact } from './contact';
// day, not dates: dates brings zod, and the service worker's daily check runs these rules.
import { addDays, daysBetween, type IsoDate } from './day';
import type { Touchpoint } from './touchpoint';

export const CADENCE_CHOICES = [30, 60, 90] as const;
export const CADENCE_MAX = 3650;

/** The day a cadence asks for after the last touchpoint (or, with none yet, after today). */
export function nextByCadence(
	lastTouchOn: IsoDate | undefined,
	cadenceDays: number,
	today: IsoDate
): IsoDate {
	return addDays(lastTouchOn ?? today, cadenceDays);
}

/**
 * The contact's next follow-up after a touchpoint on `on`: moved by the cadence when the contact
 * has one and this is their latest touchpoint; left alone otherwise.
 */
export function followUpAfterTouch(
	contact: Pick<Contact, 'keepInTouchDays' | 'nextFollowUpOn'>,
	lastTouchOn: IsoDate | undefined,
	today: IsoDate
): IsoDate | undefined {
	if (!contact.keepInTouchDays) return contact.nextFollowUpOn;
	return nextByCadence(lastTouchOn, contact.keepInTouchDays, today);
}

/** After "Done" on a contact's follow-up: the next round of the cadence, or nothing. */
export function followUpAfterDone(
	contact: Pick<Contact, 'keepInTouchDays'>,
	today: IsoDate
): IsoDate | undefined {
	return contact.keepInTouchDays ? addDays(today, contact.keepInTouchDays) : undefined;
}

/** Snoozing always counts from today, however overdue the follow-up was. */
export function snoozeUntil(today: IsoDate, days: number): IsoDate {
	return addDays(today, days);
}

/** Reads a custom cadence as typed: whole days from 1 to CADENCE_MAX, or an error message. */
export function parseCadence(
	text: string
): { ok: true; days: number } | { ok: false; error: string } {
	const t = text.trim();
	if (!/^\d+$/.test(t)) return { ok: false, error: 'Type a number of days, such as 45.' };
	const days = Number(t);
	if (days < 1 || days > CADENCE_MAX)
		return { ok: false, error: `Pick between 1 and ${CADENCE_MAX} days.` };
	return { ok: true, days };
}

export function describeCadence(days: number | undefined): string {
	if (!days) return 'No regular check-ins';
	if (days % 7 === 0 && days < 28) return days === 7 ? 'Every week' : `Every ${days / 7} weeks`;
	return days === 1 ? 'Every day' : `Every ${days} days`;
}

export type FollowUpItem =
	| { kind: 'contact'; key: string; contact: Contact; on: IsoDate; overdueDays: number }
	| {
			kind: 'touchpoint';
			key: string;
			contact: Contact;
			touchpoint: Touchpoint;
			on: IsoDate;
			overdueDays: number;
	  };

/**
 * Everything due on or before today: contacts' next follow-ups and touchpoints' open follow-ups
 * (of live contacts), the longest overdue first.
 */
export function dueList(
	contacts: Iterable<Contact>,
	touchpoints: Iterable<Touchpoint>,
	owners: ReadonlyMap<string, Contact>,
	today: IsoDate
): FollowUpItem[] {
	const out: FollowUpItem[] = [];
	for (const contact of contacts) {
		const on = contact.nextFollowUpOn;
		if (contact.deletedAt !== undefined || !on || on > today) continue;
		out.push({
			kind: 'contact',
			key: `c:${contact.id}`,
			contact,
			on,
			overdueDays: daysBetween(on, today)
		});
	}
	for (const touchpoint of touchpoints) {
		const on = touchpoint.followUpOn;
		if (touchpoint.followUpDone || touchpoint.deletedAt !== undefined || !on || on > today)
			continue;
		const contact = owners.get(touchpoint.contactId);
		if (!contact || contact.deletedAt !== undefined) continue;
		out.push({
			kind: 'touchpoint',
			key: `t:${touchpoint.id}`,
			contact,
			touchpoint,
			on,
			overdueDays: daysBetween(on, today)
		});
	}
	return out.sort(
		(a, b) =>
			b.overdueDays - a.overdueDays ||
			a.contact.name.localeCompare(b.contact.name) ||
			a.key.localeCompare(b.key)
	);
}
