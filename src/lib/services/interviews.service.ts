/**
 * Informational interviews, from plan to thank-you. Stores interviews (the `interviews` table,
 * with their picked questions and answers inside each row) and the question bank (`questions`);
 * a debrief also writes a touchpoint (`interactions`) and referred people (`contacts`).
 * Every change is one Dexie transaction.
 */
import { read, touch, write, type KithDB, type UnitRepos } from '$lib/db';
import { addReferrals } from './referrals.service';
import type { Contact } from '$lib/domain/contact';
import { todayIso, toIsoDate } from '$lib/domain/dates';
import { newId } from '$lib/domain/ids';
import type { Interaction, Outcome } from '$lib/domain/interaction';
import type {
	Interview,
	InterviewStatus,
	PrepStep,
	Question,
	QuestionCategory
} from '$lib/domain/interview';
import { parsePlanForm, type PlanForm, type PlanResult } from '$lib/domain/interview-plan';
import { channelForMode, endsAt, MODE_LABELS, normalizeName } from '$lib/domain/interview-rules';

export type PlanSaveResult =
	| { ok: true; interview: Interview }
	| Extract<PlanResult, { ok: false }>
	| { ok: false; errors: { contactId: string } };

/** A new contact row, with nothing but what was typed (absent keys, not undefined ones). */
function newContact(
	fields: { name: string; organization?: string; introducedById?: string },
	now: number
): Contact {
	return {
		id: newId(),
		name: fields.name,
		...(fields.organization ? { organization: fields.organization } : {}),
		...(fields.introducedById ? { introducedById: fields.introducedById } : {}),
		emails: [],
		phones: [],
		links: [],
		tags: [],
		createdAt: now,
		updatedAt: now
	};
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
		const interview: Interview = {
			id: newId(),
			contactId,
			...parsed.value,
			status: 'planned',
			questions: [],
			referralIds: [],
			createdAt: now,
			updatedAt: now
		};
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

/** Replaces the plan's fields; the person can change to another existing contact. */
export async function updatePlan(
	db: KithDB,
	id: string,
	form: PlanForm,
	now = Date.now()
): Promise<PlanSaveResult> {
	const parsed = parsePlanForm(form);
	if (!parsed.ok) return parsed;
	return write(db, ['interviews', 'contacts'], async (r): Promise<PlanSaveResult> => {
		const current = await r.interviews.get(id);
		if (!current) return { ok: false, errors: { contactId: 'This interview was deleted.' } };
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
		return { ok: true, interview };
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

// ---- The question bank -------------------------------------------------------------------------

/**
 * Stores the built-in questions that are not there yet; returns how many were added. Safe to
 * call on every visit: ids are fixed, so nothing is doubled and archived ones stay archived.
 */
export async function ensureQuestionBank(db: KithDB, now = Date.now()): Promise<number> {
	const { builtInQuestions } = await import('$lib/domain/questions-bank');
	const all = builtInQuestions(now);
	return write(db, ['questions'], async (r) => {
		const have = await r.questions.bulkGet(all.map((q) => q.id));
		const missing = all.filter((_, i) => have[i] === undefined);
		if (missing.length) await r.questions.bulkPut(missing);
		return missing.length;
	});
}

export type QuestionResult = { ok: true; question: Question } | { ok: false; error: string };

function questionError(text: string): string | undefined {
	if (!text.trim()) return 'Type the question first.';
	if (text.trim().length > 5000) return 'Keep a question under 5,000 characters.';
	return undefined;
}

export async function addQuestion(
	db: KithDB,
	fields: { category: QuestionCategory; text: string },
	now = Date.now()
): Promise<QuestionResult> {
	const error = questionError(fields.text);
	if (error) return { ok: false, error };
	const question: Question = {
		id: newId(),
		category: fields.category,
		text: fields.text.trim(),
		builtIn: false,
		createdAt: now,
		updatedAt: now
	};
	await write(db, ['questions'], (r) => r.questions.put(question));
	return { ok: true, question };
}

/** Edits one of the user's own questions (built-in ones stay as shipped). */
export async function editQuestion(
	db: KithDB,
	id: string,
	fields: { category: QuestionCategory; text: string },
	now = Date.now()
): Promise<QuestionResult> {
	const error = questionError(fields.text);
	if (error) return { ok: false, error };
	return write(db, ['questions'], async (r): Promise<QuestionResult> => {
		const q = await r.questions.get(id);
		if (!q) return { ok: false, error: 'That question is no longer in the bank.' };
		if (q.builtIn) return { ok: false, error: 'Built-in questions cannot be changed.' };
		const question = touch({ ...q, ...fields, text: fields.text.trim() }, now, q);
		await r.questions.put(question);
		return { ok: true, question };
	});
}

/** Hides a question from the bank (or brings it back); interviews keep their own copy. */
export async function archiveQuestion(
	db: KithDB,
	id: string,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	await write(db, ['questions'], async (r) => {
		const q = await r.questions.get(id);
		if (!q) return;
		const { archived: _a, ...rest } = q;
		await r.questions.put(touch({ ...rest, ...(archived ? { archived } : {}) }, now, q));
	});
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

/** Saves one answer as typed, and where the run is, so a reload resumes right there. */
export function saveAnswer(db: KithDB, id: string, index: number, answer: string) {
	return change(db, id, (i) => {
		const q = i.questions[index];
		if (!q) return;
		if (answer) q.answer = answer;
		else delete q.answer;
		i.currentIndex = index;
	});
}

export function setCurrentIndex(db: KithDB, id: string, index: number) {
	return change(db, id, (i) => {
		i.currentIndex = Math.max(0, Math.min(index, Math.max(0, i.questions.length - 1)));
	});
}

// ---- Debrief -----------------------------------------------------------------------------------

/** A name suggested in the interview: a new contact, or an existing one to link. */
export type ReferralEntry = { name: string } | { linkId: string };

export interface DebriefForm {
	summary: string;
	outcomes: Outcome[];
	/** `YYYY-MM-DD`, or '' for none. */
	followUpOn: string;
	referrals: ReferralEntry[];
}

export type DebriefResult =
	| { ok: true; interview: Interview; interaction: Interaction; referred: Contact[] }
	| { ok: false; error: string };

/** Live contacts whose name matches each suggested name (case, accents and spacing ignored). */
export async function matchNames(
	db: KithDB,
	names: string[]
): Promise<Record<string, { id: string; name: string; organization?: string }[]>> {
	const all = await read(db, ['contacts'], (r) => r.contacts.names());
	const out: Record<string, { id: string; name: string; organization?: string }[]> = {};
	for (const name of names) {
		const key = normalizeName(name);
		out[name] = all.filter((c) => normalizeName(c.name) === key);
	}
	return out;
}

/**
 * Adds the suggested names through the shared referrals service (new contacts introduced by the
 * interviewee, or links to people already in Kith) and returns everyone this interview referred:
 * someone already introduced by another person keeps that introduction, but the interview's
 * referral list still records that the interviewee suggested them.
 */
async function referPeople(
	db: KithDB,
	r: UnitRepos<'contacts'>,
	introducerId: string,
	entries: ReferralEntry[],
	now: number
): Promise<Contact[]> {
	const result = await addReferrals(
		db,
		introducerId,
		entries.map((e) =>
			'name' in e ? { name: e.name.trim().replace(/\s+/g, ' ') } : { name: '', linkId: e.linkId }
		),
		now
	);
	const out = [...result.created, ...result.linked];
	for (const entry of entries) {
		if (!('linkId' in entry) || entry.linkId === introducerId) continue;
		if (out.some((c) => c.id === entry.linkId)) continue;
		const existing = await r.contacts.get(entry.linkId);
		if (existing) out.push(existing);
	}
	return out;
}

/**
 * Records how it went, all or nothing: the interview is done, a touchpoint is logged on the
 * contact (or updated, when the debrief is redone), suggested names become contacts introduced
 * by the interviewee and join the interview's referrals, and a follow-up date is set.
 */
export async function debriefInterview(
	db: KithDB,
	id: string,
	form: DebriefForm,
	now = Date.now()
): Promise<DebriefResult> {
	if (form.summary.length > 100_000)
		return { ok: false, error: 'That summary is too long to keep; shorten it a little.' };
	if (form.followUpOn && !/^\d{4}-\d{2}-\d{2}$/.test(form.followUpOn))
		return { ok: false, error: 'Pick the follow-up date from the calendar.' };
	return write(
		db,
		['interviews', 'interactions', 'contacts'],
		async (r): Promise<DebriefResult> => {
			const current = await r.interviews.get(id);
			if (!current) return { ok: false, error: 'This interview is no longer in Kith.' };
			const person = await r.contacts.get(current.contactId);
			if (!person)
				return {
					ok: false,
					error: 'The person you met was deleted for good, so nothing can be logged on them.'
				};
			const referred = await referPeople(db, r, person.id, form.referrals, now);
			const outcomes = [...new Set(form.outcomes)];
			if (referred.length && !outcomes.includes('names')) outcomes.push('names');
			const on =
				current.scheduledAt !== undefined && current.scheduledAt <= now
					? toIsoDate(new Date(current.scheduledAt))
					: todayIso(new Date(now));
			const summary = form.summary.trim();
			const old = current.interactionId
				? await r.interactions.get(current.interactionId)
				: undefined;
			const interaction: Interaction = touch(
				{
					id: old?.id ?? newId(),
					contactId: person.id,
					on,
					channel: channelForMode(current.mode),
					summary:
						summary ||
						`Informational interview${current.organization ? ` about ${current.organization}` : ''}.`,
					received: outcomes,
					...(form.followUpOn ? { followUpOn: form.followUpOn } : {}),
					followUpDone: old?.followUpDone ?? false,
					createdAt: old?.createdAt ?? now,
					updatedAt: now
				},
				now,
				old ?? null
			);
			if (old?.gave) interaction.gave = old.gave;
			await r.interactions.put(interaction);
			const { notes: _n, followUpOn: _f, ...kept } = current;
			const interview: Interview = touch(
				{
					...kept,
					status: 'done',
					...(summary ? { notes: summary } : {}),
					...(form.followUpOn ? { followUpOn: form.followUpOn } : {}),
					outcomes,
					interactionId: interaction.id,
					referralIds: [...new Set([...current.referralIds, ...referred.map((c) => c.id)])]
				},
				now,
				current
			);
			await r.interviews.put(interview);
			if (form.followUpOn && person.deletedAt === undefined)
				await r.contacts.put(touch({ ...person, nextFollowUpOn: form.followUpOn }, now));
			return { ok: true, interview, interaction, referred };
		}
	);
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
	const place = interview.place;
	const isLink = !!place && /^https?:\/\//i.test(place);
	const description = [
		`Informational interview (${MODE_LABELS[interview.mode].toLowerCase()}).`,
		interview.goal ? `Goal: ${interview.goal}` : '',
		interview.questions.length
			? `Questions:\n${interview.questions.map((q, n) => `${n + 1}. ${q.text}`).join('\n')}`
			: ''
	]
		.filter(Boolean)
		.join('\n\n');
	const text = writeIcs({
		uid: `${interview.id}@kith.interviews`,
		start: interview.scheduledAt,
		end: endsAt(interview)!,
		summary: `Informational interview with ${who}${interview.organization ? ` (${interview.organization})` : ''}`,
		description,
		...(place ? { location: place } : {}),
		...(isLink ? { url: place } : {}),
		stamp: now,
		alarmMinutesBefore: 60
	});
	const slug =
		normalizeName(who)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'interview';
	return { text, fileName: `interview-${slug}.ics`, mimeType: 'text/calendar;charset=utf-8' };
}
