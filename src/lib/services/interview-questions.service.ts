/**
 * The question bank (the `questions` table): the built-in questions, stored once, and the user's
 * own, which they can edit and archive. Interviews keep their own copy of the questions they pick.
 */
import { stampNew, touch, write, type KithDB } from '$lib/db';
import { newId } from '$lib/domain/ids';
import type { Question, QuestionCategory } from '$lib/domain/interview';

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
	const question: Question = stampNew(
		{ id: newId(), category: fields.category, text: fields.text.trim(), builtIn: false },
		now
	);
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
