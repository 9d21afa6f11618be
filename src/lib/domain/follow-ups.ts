import type { Contact } from './contact';
import { daysBetween, todayIso, type IsoDate } from './dates';

export interface DueFollowUp {
	contact: Contact;
	/** Days past the follow-up date: 0 when due today. */
	overdueDays: number;
}

/** Live contacts whose next follow-up is on or before today, the longest overdue first. */
export function dueFollowUps(
	contacts: Iterable<Contact>,
	today: IsoDate = todayIso()
): DueFollowUp[] {
	const due: DueFollowUp[] = [];
	for (const contact of contacts) {
		if (contact.deletedAt !== undefined || !contact.nextFollowUpOn) continue;
		if (contact.nextFollowUpOn <= today)
			due.push({ contact, overdueDays: daysBetween(contact.nextFollowUpOn, today) });
	}
	return due.sort(
		(a, b) => b.overdueDays - a.overdueDays || a.contact.name.localeCompare(b.contact.name)
	);
}
