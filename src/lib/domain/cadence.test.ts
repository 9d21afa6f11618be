import { describe, expect, it } from 'vitest';
import {
	describeCadence,
	dueList,
	followUpAfterDone,
	followUpAfterTouch,
	nextByCadence,
	parseCadence,
	snoozeUntil
} from './cadence';
import type { Touchpoint } from './touchpoint';
import { makeContact } from './testing/factories';

const today = '2026-06-15';

describe('cadence rules', () => {
	it('moves the next follow-up from the last touchpoint', () => {
		expect(nextByCadence('2026-06-01', 30, today)).toBe('2026-07-01');
		expect(nextByCadence(undefined, 60, today)).toBe('2026-08-14');
		expect(followUpAfterTouch({ keepInTouchDays: 90 }, '2026-06-10', today)).toBe('2026-09-08');
	});

	it('leaves the follow-up alone without a cadence', () => {
		expect(followUpAfterTouch({ nextFollowUpOn: '2026-07-01' }, '2026-06-10', today)).toBe(
			'2026-07-01'
		);
		expect(followUpAfterTouch({}, '2026-06-10', today)).toBeUndefined();
	});

	it('Done starts the next round of the cadence from today, or clears the follow-up', () => {
		expect(followUpAfterDone({ keepInTouchDays: 30 }, today)).toBe('2026-07-15');
		expect(followUpAfterDone({}, today)).toBeUndefined();
	});

	it('snoozes from today, across month ends', () => {
		expect(snoozeUntil('2026-01-31', 1)).toBe('2026-02-01');
		expect(snoozeUntil('2026-12-28', 7)).toBe('2027-01-04');
	});

	it('reads custom cadences and refuses nonsense', () => {
		expect(parseCadence(' 45 ')).toEqual({ ok: true, days: 45 });
		expect(parseCadence('0').ok).toBe(false);
		expect(parseCadence('4000').ok).toBe(false);
		expect(parseCadence('soon').ok).toBe(false);
		expect(describeCadence(14)).toBe('Every 2 weeks');
		expect(describeCadence(30)).toBe('Every 30 days');
		expect(describeCadence(undefined)).toBe('No regular check-ins');
	});
});

describe('dueList', () => {
	const tp = (fields: Partial<Touchpoint>): Touchpoint => ({
		id: crypto.randomUUID(),
		contactId: 'x',
		on: '2026-06-01',
		channel: 'call',
		summary: 'Coffee',
		received: [],
		followUpDone: false,
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...fields
	});

	it('lists due and overdue contacts and touchpoints, the most overdue first', () => {
		const ana = makeContact({ name: 'Ana', nextFollowUpOn: today });
		const bo = makeContact({ name: 'Bo', nextFollowUpOn: '2026-06-01' });
		const later = makeContact({ name: 'Later', nextFollowUpOn: '2026-07-01' });
		const trashed = makeContact({ name: 'Gone', nextFollowUpOn: '2026-06-01', deletedAt: 1 });
		const cy = makeContact({ name: 'Cy' });
		const t1 = tp({ contactId: cy.id, followUpOn: '2026-06-10' });
		const done = tp({ contactId: cy.id, followUpOn: '2026-06-10', followUpDone: true });
		const orphan = tp({ contactId: 'nobody', followUpOn: '2026-06-10' });
		const ofTrashed = tp({ contactId: trashed.id, followUpOn: '2026-06-10' });
		const owners = new Map([cy, trashed].map((c) => [c.id, c]));
		const list = dueList([ana, bo, later, trashed], [t1, done, orphan, ofTrashed], owners, today);
		expect(list.map((i) => [i.kind, i.contact.name, i.overdueDays])).toEqual([
			['contact', 'Bo', 14],
			['touchpoint', 'Cy', 5],
			['contact', 'Ana', 0]
		]);
	});
});
