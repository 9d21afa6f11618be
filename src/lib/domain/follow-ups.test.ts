import { describe, expect, it } from 'vitest';
import { makeContact } from './testing/factories';
import { addDays } from './dates';
import { dueFollowUps } from './follow-ups';

describe('dueFollowUps', () => {
	it.each(['2026-01-01', '2026-07-31'])(
		'lists live contacts due on or before %s, oldest first',
		(today) => {
			const overdue = makeContact({ name: 'Old', nextFollowUpOn: addDays(today, -10) });
			const dueToday = makeContact({ name: 'Now', nextFollowUpOn: today });
			const later = makeContact({ name: 'Later', nextFollowUpOn: addDays(today, 1) });
			const none = makeContact({ name: 'None' });
			const trashed = makeContact({ name: 'Gone', nextFollowUpOn: today, deletedAt: 5 });
			const due = dueFollowUps([later, dueToday, none, overdue, trashed], today);
			expect(due.map((d) => [d.contact.name, d.overdueDays])).toEqual([
				['Old', 10],
				['Now', 0]
			]);
		}
	);
});
