import { describe, expect, it } from 'vitest';
import { dueList } from './cadence';
import { duePeople, settledByTouchpoint, settleFollowUps } from './due-people';
import type { Touchpoint } from './touchpoint';
import { makeContact } from './testing/factories';

const today = '2026-06-15';

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

describe('duePeople', () => {
	it('makes one item per person from a cadence follow-up and touchpoint follow-ups', () => {
		const ana = makeContact({ name: 'Ana', nextFollowUpOn: '2026-06-12', keepInTouchDays: 30 });
		const bo = makeContact({ name: 'Bo', nextFollowUpOn: today });
		const cy = makeContact({ name: 'Cy' });
		const anaLate = tp({ contactId: ana.id, followUpOn: '2026-06-05' });
		const anaSoon = tp({ contactId: ana.id, followUpOn: '2026-06-14' });
		const cyOne = tp({ contactId: cy.id, followUpOn: '2026-06-13' });
		const owners = new Map([ana, cy].map((c) => [c.id, c]));
		const people = duePeople(dueList([ana, bo], [anaSoon, anaLate, cyOne], owners, today));
		expect(people.map((p) => [p.contact.name, p.overdueDays, p.on, p.contactDue])).toEqual([
			['Ana', 10, '2026-06-05', true],
			['Cy', 2, '2026-06-13', false],
			['Bo', 0, today, true]
		]);
		expect(people[0]!.touchpoints.map((t) => t.id)).toEqual([anaLate.id, anaSoon.id]);
		expect(people.map((p) => p.key)).toEqual([ana.id, cy.id, bo.id]);
	});

	it('orders people equally overdue by name', () => {
		const zed = makeContact({ name: 'Zed', nextFollowUpOn: today });
		const amy = makeContact({ name: 'Amy', nextFollowUpOn: today });
		expect(duePeople(dueList([zed, amy], [], new Map(), today)).map((p) => p.contact.name)).toEqual(
			['Amy', 'Zed']
		);
	});
});

describe('settleFollowUps', () => {
	const t1 = tp({ followUpOn: '2026-06-10' });
	const t2 = tp({ followUpOn: '2026-06-14' });

	it('done clears a follow-up set by hand and marks each touchpoint done', () => {
		expect(
			settleFollowUps({ nextFollowUpOn: '2026-06-10' }, [t1, t2], { kind: 'done' }, today)
		).toEqual({
			contact: { nextFollowUpOn: undefined },
			touchpoints: [
				{ id: t1.id, followUpOn: '2026-06-10', followUpDone: true },
				{ id: t2.id, followUpOn: '2026-06-14', followUpDone: true }
			]
		});
	});

	it('done starts the next round of a keep-in-touch rhythm from today', () => {
		const state = settleFollowUps(
			{ nextFollowUpOn: '2026-06-01', keepInTouchDays: 30 },
			[],
			{ kind: 'done' },
			today
		);
		expect(state).toEqual({ contact: { nextFollowUpOn: '2026-07-15' }, touchpoints: [] });
	});

	it('a snooze moves the contact and every touchpoint to the same day, still open', () => {
		const state = settleFollowUps(
			{ nextFollowUpOn: '2026-06-01', keepInTouchDays: 30 },
			[t1],
			{ kind: 'snooze', until: '2026-06-22' },
			today
		);
		expect(state).toEqual({
			contact: { nextFollowUpOn: '2026-06-22' },
			touchpoints: [{ id: t1.id, followUpOn: '2026-06-22', followUpDone: false }]
		});
	});

	it('leaves the contact alone when only touchpoints were due', () => {
		expect(settleFollowUps(undefined, [t1], { kind: 'done' }, today).contact).toBeUndefined();
	});
});

describe('settledByTouchpoint', () => {
	it('settles due follow-ups of earlier touchpoints and a due follow-up set by hand', () => {
		const earlier = tp({ on: '2026-06-01', followUpOn: '2026-06-10' });
		const ahead = tp({ on: '2026-06-01', followUpOn: '2026-06-20' });
		const closed = tp({ on: '2026-06-01', followUpOn: '2026-06-10', followUpDone: true });
		const trashed = tp({ on: '2026-06-01', followUpOn: '2026-06-10', deletedAt: 5 });
		const logged = tp({ on: today, followUpOn: '2026-06-15' });
		const state = settledByTouchpoint(
			{ nextFollowUpOn: '2026-06-12' },
			[earlier, ahead, closed, trashed, logged],
			logged,
			today
		);
		expect(state).toEqual({
			contact: { nextFollowUpOn: undefined },
			touchpoints: [{ id: earlier.id, followUpOn: '2026-06-10', followUpDone: true }]
		});
	});

	it('a touchpoint dated before a later one settles neither the contact nor the later follow-up', () => {
		const later = tp({ on: '2026-06-08', followUpOn: '2026-06-12' });
		const backdated = tp({ on: '2026-05-01' });
		const state = settledByTouchpoint(
			{ nextFollowUpOn: '2026-06-12' },
			[later, backdated],
			backdated,
			today
		);
		expect(state).toEqual({ touchpoints: [] });
	});

	it('leaves a keep-in-touch rhythm and a follow-up not yet due to themselves', () => {
		const logged = tp({ on: today });
		expect(
			settledByTouchpoint({ nextFollowUpOn: '2026-06-12', keepInTouchDays: 30 }, [], logged, today)
		).toEqual({ touchpoints: [] });
		expect(settledByTouchpoint({ nextFollowUpOn: '2026-06-20' }, [], logged, today)).toEqual({
			touchpoints: []
		});
	});
});
