// @vitest-environment node
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { repos } from '$lib/db/repos';
import { makeContact, testDb } from '$lib/db/testing/factories';
import { interviewSchema, questionSchema } from '$lib/domain/interview';
import { touchpointSchema } from '$lib/domain/touchpoint';
import { contactSchema } from '$lib/domain/contact';
import { emptyPlanForm } from '$lib/domain/interview-plan';
import { debriefInterview, matchNames } from './interview-debrief.service';
import {
	addQuestion,
	archiveQuestion,
	editQuestion,
	ensureQuestionBank
} from './interview-questions.service';
import {
	interviewCalendarFile,
	planInterview,
	saveAnswer,
	setQuestions,
	setThankYouSent,
	startRun
} from './interviews.service';

const plan = (fields: Partial<ReturnType<typeof emptyPlanForm>>) => ({
	...emptyPlanForm(),
	scheduledAt: '2026-05-04T10:00',
	...fields
});

describe('interviews service', () => {
	it('plans an interview with a new contact in one transaction', async () => {
		const db = testDb();
		const r = repos(db);
		await r.drafts.save('interview:new', { x: 1 });
		const result = await planInterview(
			db,
			plan({ newName: '  Ana   Lee ', newOrganization: 'City Library', mode: 'phone' }),
			{ now: 1000, draftKey: 'interview:new' }
		);
		expect(result.ok).toBe(true);
		if (!result.ok || !('interview' in result)) return;
		const contact = await r.contacts.get(result.interview.contactId);
		expect(contact).toMatchObject({ name: 'Ana Lee', organization: 'City Library' });
		expect(contactSchema.safeParse(contact).success).toBe(true);
		// The new contact is searchable: its row carries the derived search words.
		expect((await r.contacts.search({ query: 'ana' })).contacts.map((c) => c.id)).toEqual([
			contact!.id
		]);
		const stored = await r.interviews.get(result.interview.id);
		expect(interviewSchema.safeParse(stored).success).toBe(true);
		expect(stored).toMatchObject({
			status: 'planned',
			mode: 'phone',
			durationMinutes: 30,
			organization: 'City Library'
		});
		expect(await r.drafts.get('interview:new')).toBeUndefined();
	});

	it('writes nothing when the plan is invalid or the chosen contact is gone', async () => {
		const db = testDb();
		const r = repos(db);
		expect((await planInterview(db, plan({}))).ok).toBe(false);
		expect((await planInterview(db, plan({ contactId: 'nobody' }))).ok).toBe(false);
		expect(await r.interviews.count()).toBe(0);
		expect(await r.contacts.countLive()).toBe(0);
	});

	it('seeds the question bank once: a second run adds nothing and keeps archived ones archived', async () => {
		const db = testDb();
		const r = repos(db);
		const added = await ensureQuestionBank(db, 5);
		expect(added).toBeGreaterThanOrEqual(38);
		const first = await r.questions.all();
		for (const q of first) expect(questionSchema.safeParse(q).success).toBe(true);
		await archiveQuestion(db, first[0]!.id, true, 10);
		expect(await ensureQuestionBank(db, 20)).toBe(0);
		const again = await r.questions.all();
		expect(again.length).toBe(first.length);
		expect((await r.questions.get(first[0]!.id))?.archived).toBe(true);
	});

	it('adds and edits own questions (2,000 characters fine), refuses empty ones and built-in edits', async () => {
		const db = testDb();
		await ensureQuestionBank(db);
		const long = 'a'.repeat(2000);
		const added = await addQuestion(db, { category: 'field', text: long });
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		expect((await addQuestion(db, { category: 'field', text: '  ' })).ok).toBe(false);
		const edited = await editQuestion(db, added.question.id, { category: 'job', text: 'New?' });
		expect(edited).toMatchObject({ ok: true, question: { category: 'job', text: 'New?' } });
		expect((await editQuestion(db, 'builtin-path-1', { category: 'job', text: 'x' })).ok).toBe(
			false
		);
	});

	it('keeps answers with their question when questions are reordered, and resumes where it stopped', async () => {
		const db = testDb();
		const r = repos(db);
		const c = makeContact({ name: 'Bo' });
		await r.contacts.put(c);
		const planned = await planInterview(db, plan({ contactId: c.id }));
		if (!planned.ok || !('interview' in planned)) throw new Error('not planned');
		const id = planned.interview.id;
		const qa = { questionId: 'q1', text: 'One?', category: 'job' as const };
		const qb = { questionId: 'q2', text: 'Two?', category: 'job' as const };
		await setQuestions(db, id, [qa, qb]);
		await startRun(db, id, 500);
		await startRun(db, id, 900);
		await saveAnswer(db, id, 1, 'Answer two');
		await setQuestions(db, id, [qb, qa]);
		const stored = await r.interviews.get(id);
		expect(stored?.startedAt).toBe(500);
		expect(stored?.questions).toEqual([{ ...qb, answer: 'Answer two' }, qa]);
		expect(stored?.currentIndex).toBe(1);
	});

	it('an answer saved over one another tab changed keeps both texts, and says what the other was', async () => {
		const db = testDb();
		const r = repos(db);
		const c = makeContact({ name: 'Ava' });
		await r.contacts.put(c);
		const planned = await planInterview(db, plan({ contactId: c.id }));
		if (!planned.ok || !('interview' in planned)) throw new Error('not planned');
		const id = planned.interview.id;
		await setQuestions(db, id, [{ questionId: 'q1', text: 'One?', category: 'job' as const }]);
		expect(await saveAnswer(db, id, 0, 'Tab A', '')).toEqual({ answer: 'Tab A' });
		// Tab B opened before A stored anything: its base is still empty.
		expect(await saveAnswer(db, id, 0, 'Tab B', '')).toEqual({
			answer: 'Tab B\n\nTab A',
			theirs: 'Tab A'
		});
		// A knows what it stored: its next change, made on that, simply replaces it.
		expect(await saveAnswer(db, id, 0, 'Tab B, tidied', 'Tab B\n\nTab A')).toEqual({
			answer: 'Tab B, tidied'
		});
		const stored = await r.interviews.get(id);
		expect(stored?.questions[0]?.answer).toBe('Tab B, tidied');
		expect(stored?.version).toBeGreaterThan(planned.interview.version);
	});

	it('debrief logs a touchpoint and creates referral contacts introduced by the interviewee, all at once', async () => {
		const db = testDb();
		const r = repos(db);
		const person = makeContact({ name: 'Cleo Park' });
		const known = makeContact({ name: 'Dana Ruiz' });
		await r.contacts.bulkPut([person, known]);
		const planned = await planInterview(db, plan({ contactId: person.id, mode: 'phone' }));
		if (!planned.ok || !('interview' in planned)) throw new Error('not planned');
		const id = planned.interview.id;
		const matches = await matchNames(db, ['dana  ruíz', 'Eli Fox']);
		expect(matches['dana  ruíz']!.map((m) => m.id)).toEqual([known.id]);
		expect(matches['Eli Fox']).toEqual([]);

		const result = await debriefInterview(
			db,
			id,
			{
				summary: 'Talked about archives, and hiring.',
				outcomes: ['inside-info'],
				followUpOn: '2026-06-01',
				referrals: [{ name: 'Eli Fox' }, { name: 'Gia Moss' }, { linkId: known.id }]
			},
			Date.UTC(2026, 4, 5)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const introduced = await r.contacts.introducedBy(person.id);
		expect(introduced.map((c) => c.name)).toEqual(['Dana Ruiz', 'Eli Fox', 'Gia Moss']);
		for (const c of introduced) expect(contactSchema.safeParse(c).success).toBe(true);
		const interview = await r.interviews.get(id);
		expect(interview?.status).toBe('done');
		expect(interview?.referralIds.sort()).toEqual(introduced.map((c) => c.id).sort());
		const touch = await r.interactions.get(interview!.interactionId!);
		expect(touchpointSchema.safeParse(touch).success).toBe(true);
		expect(touch).toMatchObject({
			contactId: person.id,
			channel: 'call',
			received: ['inside-info', 'names'],
			followUpOn: '2026-06-01',
			on: '2026-05-04'
		});
		expect((await r.contacts.get(person.id))?.nextFollowUpOn).toBe('2026-06-01');

		// Redoing the debrief updates the same touchpoint rather than logging another.
		await debriefInterview(db, id, {
			summary: 'Edited',
			outcomes: [],
			followUpOn: '',
			referrals: []
		});
		expect(await r.interactions.count()).toBe(1);
		expect((await r.interactions.get(interview!.interactionId!))?.summary).toBe('Edited');
	});

	it('a failing debrief writes nothing: no touchpoint, no referral contacts', async () => {
		const db = testDb();
		const r = repos(db);
		const person = makeContact({ name: 'Hal' });
		await r.contacts.put(person);
		const planned = await planInterview(db, plan({ contactId: person.id }));
		if (!planned.ok || !('interview' in planned)) throw new Error('not planned');
		const put = db.interviews.put.bind(db.interviews);
		db.interviews.put = () => Promise.reject(new Error('disk full')) as never;
		await expect(
			debriefInterview(db, planned.interview.id, {
				summary: 'x',
				outcomes: [],
				followUpOn: '',
				referrals: [{ name: 'Ivy' }]
			})
		).rejects.toThrow();
		db.interviews.put = put;
		expect(await r.interactions.count()).toBe(0);
		expect(await r.contacts.countLive()).toBe(1);
	});

	it('keeps an interview whose contact was deleted, and thank-yous can be marked sent', async () => {
		const db = testDb();
		const r = repos(db);
		const person = makeContact({ name: 'Jo' });
		await r.contacts.put(person);
		const planned = await planInterview(db, plan({ contactId: person.id }));
		if (!planned.ok || !('interview' in planned)) throw new Error('not planned');
		await r.contacts.remove(person.id);
		await setThankYouSent(db, planned.interview.id, '2026-05-05');
		expect(await r.interviews.get(planned.interview.id)).toMatchObject({
			thankYouSentOn: '2026-05-05'
		});
	});

	it('writes a calendar file ical.js reads, with the interview id as UID', async () => {
		const db = testDb();
		const r = repos(db);
		const person = makeContact({ name: 'Kim, Lee; Jr' });
		await r.contacts.put(person);
		const planned = await planInterview(
			db,
			plan({ contactId: person.id, place: 'https://meet.example.org/abc', durationMinutes: '45' })
		);
		if (!planned.ok || !('interview' in planned)) throw new Error('not planned');
		const file = await interviewCalendarFile(db, planned.interview.id, 1);
		const event = new ICAL.Event(
			new ICAL.Component(ICAL.parse(file.text)).getFirstSubcomponent('vevent')!
		);
		expect(event.uid).toBe(`${planned.interview.id}@kith.interviews`);
		expect(event.summary).toBe('Informational interview with Kim, Lee; Jr');
		expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
			45 * 60_000
		);
		expect(file.fileName).toBe('interview-kim-lee-jr.ics');
	});
});
