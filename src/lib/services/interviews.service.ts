/**
 * Informational interviews, from plan to thank-you: planning, the run and the calendar file.
 * Stores interviews (the `interviews` table, with their picked questions and answers inside each
 * row), and a person typed in as new (`contacts`). Every change is one unit of work (`write`).
 * The question bank is in interview-questions.service.ts, the debrief in
 * interview-debrief.service.ts.
 */
import { read, stampNew, touch, write, type KithDB } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import { newId } from '$lib/domain/ids';
import type { Interview, InterviewStatus, PrepStep } from '$lib/domain/interview';
import { checkSaveFrom, type Current } from '$lib/domain/form-version';
import {
	parsePlanForm,
	PLAN_FORM_KINDS,
	planToForm,
	type PlanForm,
	type PlanResult
} from '$lib/domain/interview-plan';
import { keepBoth, type FieldConflict } from '$lib/domain/merge3';
import { interviewItem } from '$lib/domain/calendar-items';
import { normalizeName } from '$lib/domain/interview-rules';

export type PlanSaveResult =
	| { ok: true; interview: Interview; merged?: boolean }
	| Extract<PlanResult, { ok: false }>
	| { ok: false; errors: { contactId: string } }
	| {
			ok: false;
			errors: Record<string, never>;
			/** Saved meanwhile, and changed where this form changed too: nothing was written. */
			changed: Interview;
			conflicts: FieldConflict<PlanForm>[];
	  };

/** A new contact row, with nothing but what was typed (absent keys, not undefined ones). */
function newContact(
	fields: { name: string; organization?: string; introducedById?: string },
	now: number
): Contact {
	return stampNew(
		{
			id: newId(),
			name: fields.name,
			...(fields.organization ? { organization: fields.organization } : {}),
			...(fields.introducedById ? { introducedById: fields.introducedById } : {}),
			emails: [],
			phones: [],
			links: [],
			tags: []
		},
		now
	);
}

/** Plans an interview; a person typed in as new is created in the same transaction. */
export async function planInterview(
	db: KithDB,
	form: PlanForm,
	{ now = Date.now(), draftKey }: { now?: number; draftKey?: string } = {}
): Promise<PlanSaveResult> {
	const parsed = parsePlanForm(form);
	if (!parsed.ok) return parsed;
	return write(db, ['interviews', 'contacts', 'drafts'], async (r): Promise<PlanSaveResult> => {
		let contactId: string;
		if ('contactId' in parsed.person) {
			const existing = await r.contacts.get(parsed.person.contactId);
			if (!existing)
				return {
					ok: false,
					errors: { contactId: 'That person is no longer in Kith; choose someone else.' }
				};
			contactId = existing.id;
		} else {
			const contact = newContact(parsed.person, now);
			await r.contacts.put(contact);
			contactId = contact.id;
		}
		const interview: Interview = stampNew(
			{
				id: newId(),
				contactId,
				...parsed.value,
				status: 'planned' as const,
				questions: [],
				referralIds: []
			},
			now
		);
		await r.interviews.put(interview);
		if (draftKey) await r.drafts.remove(draftKey);
		return { ok: true, interview };
	});
}

/** Reads, changes and writes one interview in a transaction; missing ones say so. */
async function change(
	db: KithDB,
	id: string,
	edit: (i: Interview) => Interview | void,
	now = Date.now()
): Promise<Interview> {
	return write(db, ['interviews'], async (r) => {
		const current = await r.interviews.get(id);
		if (!current) throw new InterviewGoneError();
		const draft = structuredClone(current);
		const next = edit(draft) ?? draft;
		const saved = touch(next, now, current);
		await r.interviews.put(saved);
		return saved;
	});
}

export class InterviewGoneError extends Error {
	constructor() {
		super('This interview is no longer in Kith.');
		this.name = 'InterviewGoneError';
	}
}

/**
 * Replaces the plan's fields; the person can change to another existing contact. Given the version
 * the form was opened on (`base`), a plan saved meanwhile elsewhere is merged field by field in the
 * same transaction, and a field changed on both sides is reported, with nothing written.
 */
export async function updatePlan(
	db: KithDB,
	id: string,
	form: PlanForm,
	now = Date.now(),
	base?: Current<PlanForm>
): Promise<PlanSaveResult> {
	const first = parsePlanForm(form);
	if (!first.ok) return first;
	return write(db, ['interviews', 'contacts'], async (r): Promise<PlanSaveResult> => {
		const current = await r.interviews.get(id);
		if (!current) return { ok: false, errors: { contactId: 'This interview was deleted.' } };
		const check = checkSaveFrom(
			form,
			base,
			{ form: planToForm(current), version: current.version },
			PLAN_FORM_KINDS
		);
		if (!check.ok) return { ok: false, errors: {}, changed: current, conflicts: check.conflicts };
		const parsed = check.merged ? parsePlanForm(check.form) : first;
		if (!parsed.ok) return parsed;
		let contactId: string;
		if ('contactId' in parsed.person) {
			contactId = parsed.person.contactId;
			if (contactId !== current.contactId && !(await r.contacts.get(contactId)))
				return {
					ok: false,
					errors: { contactId: 'That person is no longer in Kith; choose someone else.' }
				};
		} else {
			const contact = newContact(parsed.person, now);
			await r.contacts.put(contact);
			contactId = contact.id;
		}
		const { organization: _o, scheduledAt: _s, place: _p, goal: _g, ...kept } = current;
		const interview: Interview = touch({ ...kept, ...parsed.value, contactId }, now, current);
		await r.interviews.put(interview);
		return { ok: true, interview, merged: check.merged };
	});
}

export function setStatus(db: KithDB, id: string, status: InterviewStatus, now = Date.now()) {
	return change(db, id, (i) => void (i.status = status), now);
}

export function setPrepared(db: KithDB, id: string, step: PrepStep, done: boolean) {
	return change(db, id, (i) => {
		const steps = new Set(i.prepared ?? []);
		if (done) steps.add(step);
		else steps.delete(step);
		i.prepared = [...steps];
	});
}

export function setPitch(db: KithDB, id: string, pitchId: string | undefined) {
	return change(db, id, (i) => {
		if (pitchId) i.pitchId = pitchId;
		else delete i.pitchId;
	});
}

/** Marks the thank-you sent on a day (today by default), or not sent when `on` is undefined. */
export function setThankYouSent(db: KithDB, id: string, on: string | undefined) {
	return change(db, id, (i) => {
		if (on) i.thankYouSentOn = on;
		else delete i.thankYouSentOn;
	});
}

/** To the trash: kept, restorable, and out of every list. */
export function trashInterview(db: KithDB, id: string, now = Date.now()) {
	return change(db, id, (i) => void (i.deletedAt = now), now);
}

export function restoreInterview(db: KithDB, id: string, now = Date.now()) {
	return change(db, id, (i) => void delete i.deletedAt, now);
}

export type PickedQuestion = Interview['questions'][number];

/** Sets an interview's questions in order; answers already written stay with their question. */
export function setQuestions(db: KithDB, id: string, picked: PickedQuestion[]) {
	return change(db, id, (i) => {
		const answers = new Map(
			i.questions.filter((q) => q.answer).map((q) => [q.questionId ?? q.text, q.answer!])
		);
		i.questions = picked.map((q) => {
			const answer = q.answer ?? answers.get(q.questionId ?? q.text);
			const { answer: _a, ...rest } = q;
			return answer ? { ...rest, answer } : rest;
		});
		if (i.currentIndex !== undefined && i.currentIndex >= i.questions.length)
			i.currentIndex = Math.max(0, i.questions.length - 1);
	});
}

// ---- Running it --------------------------------------------------------------------------------

/** Notes the start the first time the run opens; later opens resume. */
export function startRun(db: KithDB, id: string, now = Date.now()) {
	return change(db, id, (i) => {
		i.startedAt ??= now;
	});
}

/** An answer as stored by `saveAnswer`; `theirs` is set when another tab's text was kept too. */
export interface SavedAnswer {
	answer: string;
	theirs?: string;
}

/**
 * Saves one answer as typed, and where the run is, so a reload resumes right there. `base` is the
 * answer as this screen last knew it stored: when another tab (or device) has stored a different
 * one since, both texts are kept, this one first, and the result says what the other one was.
 */
export async function saveAnswer(
	db: KithDB,
	id: string,
	index: number,
	answer: string,
	base?: string
): Promise<SavedAnswer> {
	const saved: SavedAnswer = { answer };
	await change(db, id, (i) => {
		const q = i.questions[index];
		if (!q) return;
		const theirs = q.answer ?? '';
		if (base !== undefined && theirs !== base && theirs !== answer) {
			saved.answer = keepBoth(answer, theirs);
			if (saved.answer !== answer) saved.theirs = theirs;
		}
		if (saved.answer) q.answer = saved.answer;
		else delete q.answer;
		i.currentIndex = index;
	});
	return saved;
}

export function setCurrentIndex(db: KithDB, id: string, index: number) {
	return change(db, id, (i) => {
		i.currentIndex = Math.max(0, Math.min(index, Math.max(0, i.questions.length - 1)));
	});
}

// ---- Calendar ----------------------------------------------------------------------------------

export interface CalendarFile {
	text: string;
	fileName: string;
	mimeType: string;
}

/** The interview as a .ics event with a reminder an hour before; needs a time. */
export async function interviewCalendarFile(
	db: KithDB,
	id: string,
	now = Date.now()
): Promise<CalendarFile> {
	const { interview, person } = await read(db, ['interviews', 'contacts'], async (r) => {
		const interview = await r.interviews.get(id);
		return { interview, person: interview && (await r.contacts.get(interview.contactId)) };
	});
	if (!interview) throw new InterviewGoneError();
	if (interview.scheduledAt === undefined)
		throw new Error('Set a date and time first, then add it to your calendar.');
	const { writeIcs } = await import('$lib/io/ics');
	const who = person?.name ?? 'someone';
	// The same entry "All upcoming" in Settings writes, so the two update one calendar event.
	const text = writeIcs({ ...interviewItem(interview, person)!, stamp: now });
	const slug =
		normalizeName(who)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'interview';
	return { text, fileName: `interview-${slug}.ics`, mimeType: 'text/calendar;charset=utf-8' };
}
