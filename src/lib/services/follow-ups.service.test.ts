import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { emptyTouchpointForm, type TouchpointForm } from '$lib/domain/touchpoint-form';
import { logTouchpoint } from './touchpoints.service';
import { restoreFollowUps, settlePerson } from './follow-ups.service';
import { todayLists } from '$lib/state/reads/today.reads';

const today = '2026-06-15';
const form = (fields: Partial<TouchpointForm>): TouchpointForm => ({
	...emptyTouchpointForm(today),
	...fields
});

async function setup() {
	const db = testDb();
	const r = repos(db);
	// Keeps in touch every 30 days, and was last met on June 1 with a follow-up promised.
	const maya = makeContact({ name: 'Maya', keepInTouchDays: 30, nextFollowUpOn: '2026-06-10' });
	await r.contacts.put(maya);
	const logged = await logTouchpoint(
		db,
		maya.id,
		form({ on: '2026-05-01', summary: 'Send my portfolio', followUpOn: '2026-06-12' }),
		{ today: '2026-05-01' }
	);
	if (!logged.ok) throw new Error('not saved');
	// The cadence moved it from May 1; put it back due, as it would be by now.
	await r.contacts.put({ ...(await r.contacts.get(maya.id))!, nextFollowUpOn: '2026-06-10' });
	const people = (await todayLists(today)(r)).people;
	return { db, r, maya, touchpoint: logged.touchpoint, people };
}

describe('follow-ups per person', () => {
	it('shows a cadence and a touchpoint follow-up of one person as one item', async () => {
		const { people, maya, touchpoint } = await setup();
		expect(people).toHaveLength(1);
		expect(people[0]).toMatchObject({ key: maya.id, contactDue: true, overdueDays: 5 });
		expect(people[0]!.touchpoints.map((t) => t.id)).toEqual([touchpoint.id]);
	});

	it('done settles both in one go, and Undo puts both back', async () => {
		const { db, r, maya, touchpoint, people } = await setup();
		const ref = {
			contactId: maya.id,
			contactDue: true,
			touchpointIds: people[0]!.touchpoints.map((t) => t.id)
		};
		const undo = await settlePerson(db, ref, { kind: 'done' }, { today });
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-07-15');
		expect((await r.interactions.get(touchpoint.id))?.followUpDone).toBe(true);
		expect((await todayLists(today)(r)).people).toEqual([]);
		await restoreFollowUps(db, undo!);
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-06-10');
		expect((await r.interactions.get(touchpoint.id))?.followUpDone).toBe(false);
		expect((await todayLists(today)(r)).people).toHaveLength(1);
	});

	it('a snooze moves both to the same day', async () => {
		const { db, r, maya, touchpoint } = await setup();
		const ref = { contactId: maya.id, contactDue: true, touchpointIds: [touchpoint.id] };
		await settlePerson(db, ref, { kind: 'snooze', until: '2026-06-22' }, { today });
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-06-22');
		expect(await r.interactions.get(touchpoint.id)).toMatchObject({
			followUpOn: '2026-06-22',
			followUpDone: false
		});
		expect((await todayLists(today)(r)).people).toEqual([]);
		expect((await todayLists('2026-06-22')(r)).people).toHaveLength(1);
	});

	it('logging a touchpoint clears the person from Today at once', async () => {
		const { db, r, maya, touchpoint } = await setup();
		await logTouchpoint(db, maya.id, form({ on: today, summary: 'Coffee' }), { today });
		expect((await r.interactions.get(touchpoint.id))?.followUpDone).toBe(true);
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-07-15');
		expect((await todayLists(today)(r)).people).toEqual([]);
	});

	it('logging a touchpoint clears a follow-up set by hand, without a rhythm', async () => {
		const db = testDb();
		const r = repos(db);
		const ola = makeContact({ name: 'Ola', nextFollowUpOn: '2026-06-14' });
		await r.contacts.put(ola);
		expect((await todayLists(today)(r)).people).toHaveLength(1);
		await logTouchpoint(db, ola.id, form({ on: today, summary: 'Called' }), { today });
		expect((await r.contacts.get(ola.id))?.nextFollowUpOn).toBeUndefined();
		expect((await todayLists(today)(r)).people).toEqual([]);
	});
});
