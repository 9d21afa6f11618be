import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { emptyTouchpointForm, type TouchpointForm } from '$lib/domain/touchpoint-form';
import {
	deleteTouchpoint,
	dismissGiveBack,
	logTouchpoint,
	restoreKeepInTouch,
	restoreTouchpoint,
	setKeepInTouch,
	setTouchpointFollowUp,
	touchpointDraftKey,
	updateTouchpoint
} from './touchpoints.service';
import { purgeContacts } from './contacts.service';
import { todayLists } from '$lib/state/reads/today.reads';
import type { Repos } from '$lib/db';

const readToday = (r: Repos, day: string) => todayLists(day)(r);

const today = '2026-06-15';
const form = (fields: Partial<TouchpointForm>): TouchpointForm => ({
	...emptyTouchpointForm(today),
	...fields
});

async function setup() {
	const db = testDb();
	const r = repos(db);
	const maya = makeContact({ name: 'Maya' });
	await r.contacts.put(maya);
	return { db, r, maya };
}

describe('touchpoints service', () => {
	it('logs a touchpoint, clears its draft, and lists it newest first', async () => {
		const { db, r, maya } = await setup();
		const key = touchpointDraftKey(maya.id);
		await r.drafts.save(key, { summary: 'Cof' });
		const a = await logTouchpoint(db, maya.id, form({ summary: 'Coffee', on: '2026-06-01' }), {
			draftKey: key,
			today
		});
		const b = await logTouchpoint(db, maya.id, form({ summary: 'Call', on: '2026-06-10' }), {
			today
		});
		expect(a.ok && b.ok).toBe(true);
		expect((await r.interactions.ofContact(maya.id)).map((t) => t.summary)).toEqual([
			'Call',
			'Coffee'
		]);
		expect(await r.drafts.get(key)).toBeUndefined();
	});

	it('writes nothing when the form is invalid', async () => {
		const { db, r, maya } = await setup();
		const result = await logTouchpoint(db, maya.id, form({ summary: 'x'.repeat(6000) }));
		expect(result.ok).toBe(false);
		expect(await r.interactions.count()).toBe(0);
	});

	it('adds the names it brought as contacts introduced by this person, in the same save', async () => {
		const { db, r, maya } = await setup();
		const existing = makeContact({ name: 'Zoë Park' });
		await r.contacts.put(existing);
		const result = await logTouchpoint(
			db,
			maya.id,
			form({
				received: ['names'],
				referrals: [
					{ name: 'Sam Lee', context: 'Runs the city archive', linkId: '' },
					{ name: 'sam lee', context: '', linkId: '' },
					{ name: 'Zoe Park', context: '', linkId: existing.id }
				]
			})
		);
		expect(result.ok).toBe(true);
		const introduced = await r.contacts.introducedBy(maya.id);
		expect(introduced.map((c) => c.name)).toEqual(['Sam Lee', 'Zoë Park']);
		expect(introduced[0]!.notes).toBe('Runs the city archive');
		expect(await r.contacts.countLive()).toBe(3);
	});

	it('leaves the names out when "names to contact" is not picked, and saves nothing when one is bad', async () => {
		const { db, r, maya } = await setup();
		await logTouchpoint(
			db,
			maya.id,
			form({ referrals: [{ name: 'Sam', context: '', linkId: '' }] })
		);
		expect(await r.contacts.countLive()).toBe(1);
		const bad = await logTouchpoint(
			db,
			maya.id,
			form({ received: ['names'], referrals: [{ name: '', context: 'who?', linkId: '' }] })
		);
		expect(bad).toEqual({ ok: false, errors: { 'referrals.0.name': expect.any(String) } });
		expect(await r.interactions.count()).toBe(1);
	});

	it('edits, deletes and restores a touchpoint', async () => {
		const { db, r, maya } = await setup();
		const logged = await logTouchpoint(db, maya.id, form({ summary: 'Coffee' }));
		if (!logged.ok) throw new Error('not saved');
		const id = logged.touchpoint.id;
		const edited = await updateTouchpoint(db, id, form({ summary: 'Lunch', gave: 'Paid' }));
		expect(edited.ok && edited.touchpoint).toMatchObject({ summary: 'Lunch', gave: 'Paid' });
		await r.drafts.save(touchpointDraftKey(maya.id, id), { summary: 'Lun' });
		const removed = await deleteTouchpoint(db, id);
		expect(await r.interactions.get(id)).toBeUndefined();
		expect(await r.drafts.get(touchpointDraftKey(maya.id, id))).toBeUndefined();
		await restoreTouchpoint(db, removed!);
		expect(await r.interactions.get(id)).toMatchObject({ summary: 'Lunch' });
	});

	it('moves a cadence follow-up from the latest touchpoint, and back on delete', async () => {
		const { db, r, maya } = await setup();
		const before = await setKeepInTouch(db, maya.id, 30, { today });
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-07-15');
		const logged = await logTouchpoint(db, maya.id, form({ on: '2026-06-20' }), { today });
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-07-20');
		await logTouchpoint(db, maya.id, form({ on: '2026-01-01' }), { today });
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-07-20');
		if (logged.ok) await deleteTouchpoint(db, logged.touchpoint.id, { today });
		expect((await r.contacts.get(maya.id))?.nextFollowUpOn).toBe('2026-01-31');
		await restoreKeepInTouch(db, before!);
		const back = await r.contacts.get(maya.id);
		expect(back?.keepInTouchDays).toBeUndefined();
		expect(back?.nextFollowUpOn).toBeUndefined();
	});

	it('lists due touchpoint follow-ups on Today until done or snoozed', async () => {
		const { db, r, maya } = await setup();
		const logged = await logTouchpoint(
			db,
			maya.id,
			form({ summary: 'Send my portfolio', followUpOn: '2026-06-10' })
		);
		if (!logged.ok) throw new Error('not saved');
		await r.contacts.put({ ...maya, nextFollowUpOn: today });
		let lists = await readToday(r, today);
		expect(lists.followUps.map((f) => [f.kind, f.overdueDays])).toEqual([
			['touchpoint', 5],
			['contact', 0]
		]);
		await setTouchpointFollowUp(db, logged.touchpoint.id, { on: '2026-06-10', done: true });
		lists = await readToday(r, today);
		expect(lists.followUps.map((f) => f.kind)).toEqual(['contact']);
		await setTouchpointFollowUp(db, logged.touchpoint.id, { on: '2026-06-16', done: false });
		expect((await readToday(r, '2026-06-16')).followUps).toHaveLength(2);
	});

	it('nudges to give back, and a dismissal holds until something new is received', async () => {
		const { db, r, maya } = await setup();
		await logTouchpoint(db, maya.id, form({ on: '2026-04-01', received: ['resume-tips'] }));
		let lists = await readToday(r, today);
		expect(lists.giveBack).toMatchObject([{ contactId: maya.id, contact: { name: 'Maya' } }]);
		await dismissGiveBack(db, maya.id, lists.giveBack[0]!.touchpointId);
		expect((await readToday(r, today)).giveBack).toEqual([]);
		await logTouchpoint(db, maya.id, form({ on: '2026-05-01', received: ['inside-info'] }));
		lists = await readToday(r, today);
		expect(lists.giveBack).toHaveLength(1);
		await logTouchpoint(db, maya.id, form({ on: '2026-05-02', gave: 'Sent a thank-you' }));
		expect((await readToday(r, today)).giveBack).toEqual([]);
	});

	it('purging a contact takes its touchpoints and their drafts with it, but keeps other drafts', async () => {
		const { db, r, maya } = await setup();
		const other = makeContact({ name: 'Other' });
		await r.contacts.put(other);
		await logTouchpoint(db, maya.id, form({ summary: 'Coffee' }));
		await r.drafts.save(touchpointDraftKey(maya.id), { summary: 'x' });
		await r.drafts.save(touchpointDraftKey(maya.id, 't1'), { summary: 'x' });
		await r.drafts.save(touchpointDraftKey(other.id), { summary: 'x' });
		await r.contacts.put({ ...(await r.contacts.get(maya.id))!, deletedAt: 1 });
		await purgeContacts(db, [maya.id]);
		expect(await r.interactions.count()).toBe(0);
		expect(await r.drafts.get(touchpointDraftKey(maya.id))).toBeUndefined();
		expect(await r.drafts.get(touchpointDraftKey(maya.id, 't1'))).toBeUndefined();
		expect(await r.drafts.get(touchpointDraftKey(other.id))).toBeDefined();
	});
});
