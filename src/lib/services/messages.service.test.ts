// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, makeInterview, testDb } from '$lib/db/testing/factories';
import { listTemplates } from '$lib/domain/message-fill';
import { emptyTemplateForm, templateToForm } from '$lib/domain/message-template-form';
import { builtInTemplate } from '$lib/domain/message-builtins';
import { messageTemplateSchema } from '$lib/domain/message-template';
import { touchpointSchema } from '$lib/domain/touchpoint';
import {
	markSent,
	resetTemplate,
	restoreTemplate,
	saveTemplate,
	trashTemplate,
	undoReset,
	undoSent
} from './messages.service';

const THANKS = 'builtin:thank-you-email';

async function seeded() {
	const db = testDb();
	const r = repos(db);
	const ada = makeContact({ name: 'Ada Lovelace', keepInTouchDays: 30 });
	await r.contacts.put(ada);
	await r.interviews.put(makeInterview({ id: 'v1', contactId: ada.id, status: 'done' }));
	return { db, r, ada };
}

describe('message templates', () => {
	it('adds an own template, edits it, trashes it and brings it back', async () => {
		const db = testDb();
		const r = repos(db);
		const form = { ...emptyTemplateForm('keep-in-touch'), name: ' Hello ', body: 'Hi {firstName}' };
		const added = await saveTemplate(db, undefined, form, { now: 10 });
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		expect(messageTemplateSchema.parse(added.template)).toMatchObject({
			name: 'Hello',
			version: 1
		});

		const edited = await saveTemplate(
			db,
			added.template.id,
			{ ...form, medium: 'message', body: 'Hey {firstName}' },
			{ now: 20, baseVersion: 1 }
		);
		expect(edited.ok && edited.template).toMatchObject({ body: 'Hey {firstName}', version: 2 });
		expect(edited.ok && edited.template.subject).toBeUndefined();

		await trashTemplate(db, added.template.id, 30);
		expect(listTemplates(await r.templates.all()).some((t) => t.name === 'Hello')).toBe(false);
		await restoreTemplate(db, added.template.id, 40);
		expect(listTemplates(await r.templates.all()).some((t) => t.name === 'Hello')).toBe(true);
	});

	it('refuses a save made on an older version, and writes nothing', async () => {
		const db = testDb();
		const form = { ...emptyTemplateForm(), name: 'Mine', body: 'Text' };
		const added = await saveTemplate(db, undefined, form);
		if (!added.ok) throw new Error('not added');
		await saveTemplate(db, added.template.id, { ...form, body: 'Tab one' }, { baseVersion: 1 });
		const late = await saveTemplate(
			db,
			added.template.id,
			{ ...form, body: 'Tab two' },
			{ baseVersion: 1 }
		);
		expect(late.ok).toBe(false);
		expect(!late.ok && late.changed?.body).toBe('Tab one');
		expect((await repos(db).templates.get(added.template.id))?.body).toBe('Tab one');
	});

	it('stores a changed built-in under its own id, and resets it to the original with undo', async () => {
		const db = testDb();
		const r = repos(db);
		const form = { ...templateToForm(builtInTemplate(THANKS)!), body: 'Thanks, {firstName}!' };
		expect((await saveTemplate(db, THANKS, form, { now: 5 })).ok).toBe(true);
		expect(listTemplates(await r.templates.all()).find((t) => t.id === THANKS)).toMatchObject({
			body: 'Thanks, {firstName}!',
			changed: true
		});

		const removed = await resetTemplate(db, THANKS);
		const original = listTemplates(await r.templates.all()).find((t) => t.id === THANKS)!;
		expect(original.changed).toBe(false);
		expect(original.body).toBe(builtInTemplate(THANKS)!.body);

		await undoReset(db, removed!);
		expect((await r.templates.get(THANKS))?.body).toBe('Thanks, {firstName}!');
		await expect(trashTemplate(db, THANKS)).rejects.toThrow();
		await expect(saveTemplate(db, 'builtin:no-such', form)).rejects.toThrow();
	});

	it('refuses a form with a word Kith cannot fill', async () => {
		const result = await saveTemplate(testDb(), undefined, {
			...emptyTemplateForm(),
			name: 'Typo',
			body: 'Hi {frstName}'
		});
		expect(!result.ok && result.errors.body).toMatch(/\{frstName\}/);
	});
});

describe('sent', () => {
	it('logs a touchpoint and marks the thank-you sent, in one go, and undoes both', async () => {
		const { db, r, ada } = await seeded();
		const receipt = await markSent(
			db,
			{
				contactId: ada.id,
				moment: 'thank-you',
				medium: 'email',
				text: 'Thank you\n\nDear Ada',
				interviewId: 'v1'
			},
			{ now: 1000, today: '2026-05-06' }
		);
		const [touchpoint] = await r.interactions.ofContact(ada.id);
		expect(touchpointSchema.parse(touchpoint)).toMatchObject({
			on: '2026-05-06',
			channel: 'email',
			summary: expect.stringMatching(/^Sent a thank-you.*\n\nThank you\n\nDear Ada$/s)
		});
		expect((await r.interviews.get('v1'))?.thankYouSentOn).toBe('2026-05-06');
		// Keep in touch moves on from the message.
		expect((await r.contacts.get(ada.id))?.nextFollowUpOn).toBe('2026-06-05');

		await undoSent(db, receipt, { now: 2000, today: '2026-05-06' });
		expect(await r.interactions.ofContact(ada.id)).toEqual([]);
		expect((await r.interviews.get('v1'))?.thankYouSentOn).toBeUndefined();
	});

	it('writes nothing when the contact is gone', async () => {
		const { db, r } = await seeded();
		await expect(
			markSent(db, {
				contactId: 'nobody',
				moment: 'thank-you',
				medium: 'email',
				text: 'x',
				interviewId: 'v1'
			})
		).rejects.toThrow(/no longer in Kith/);
		expect((await r.interviews.get('v1'))?.thankYouSentOn).toBeUndefined();
	});

	it('leaves an interview alone for any other message', async () => {
		const { db, r, ada } = await seeded();
		const receipt = await markSent(db, {
			contactId: ada.id,
			moment: 'keep-in-touch',
			medium: 'message',
			text: 'Hi',
			interviewId: 'v1'
		});
		expect(receipt.thankYouMarked).toBeUndefined();
		expect((await r.interviews.get('v1'))?.thankYouSentOn).toBeUndefined();
		expect((await r.interactions.ofContact(ada.id))[0]?.channel).toBe('message');
	});
});
