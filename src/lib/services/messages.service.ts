/**
 * Messages ready to send: the person's message templates (the `templates` table: their own, and
 * the built-ins they changed), and "Sent", which logs the message as a touchpoint with the contact
 * (`interactions`, through the touchpoints service) and, for a thank-you, marks the interview's
 * thank-you as sent (`interviews`), in one transaction. `messages` at the end is bound to the
 * app's database for the pages; the functions take a database so tests can pass their own.
 */
import { getDb, stampNew, touch, write, type KithDB } from '$lib/db';
import { todayIso } from '$lib/domain/dates';
import { newId } from '$lib/domain/ids';
import { builtInTemplate } from '$lib/domain/message-builtins';
import { SENT_SUMMARIES } from '$lib/domain/message-fill';
import {
	isBuiltInId,
	type MessageMedium,
	type MessageMoment,
	type MessageTemplate
} from '$lib/domain/message-template';
import {
	parseTemplateForm,
	type TemplateErrors,
	type TemplateForm
} from '$lib/domain/message-template-form';
import { SUMMARY_MAX } from '$lib/domain/touchpoint-form';
import type { Touchpoint } from '$lib/domain/touchpoint';
import { deleteTouchpoint, logTouchpoint } from './touchpoints.service';

export type TemplateSaveResult =
	| { ok: true; template: MessageTemplate }
	| { ok: false; errors: TemplateErrors; changed?: MessageTemplate };

/** The template was deleted (or a built-in's id is not one this Kith ships). */
export class TemplateGoneError extends Error {
	constructor() {
		super('This template is no longer in Kith.');
		this.name = 'TemplateGoneError';
	}
}

/**
 * Saves the editor's form: a new template of the person's own when `id` is undefined, otherwise
 * the template under `id` (a built-in is stored from its first change on). `baseVersion` is the
 * version the editor opened (undefined for a built-in never changed): when another tab saved
 * meanwhile, nothing is written and the stored template comes back to be looked at again.
 */
export async function saveTemplate(
	db: KithDB,
	id: string | undefined,
	form: TemplateForm,
	{ now = Date.now(), baseVersion }: { now?: number; baseVersion?: number } = {}
): Promise<TemplateSaveResult> {
	const parsed = parseTemplateForm(form);
	if (!parsed.ok) return parsed;
	return write(db, ['templates'], async (r): Promise<TemplateSaveResult> => {
		if (id === undefined) {
			const template = stampNew({ id: newId(), ...parsed.value }, now);
			await r.templates.add(template);
			return { ok: true, template };
		}
		const current = await r.templates.get(id);
		if (!current && !builtInTemplate(id)) throw new TemplateGoneError();
		if (current?.deletedAt !== undefined) throw new TemplateGoneError();
		if (current?.version !== baseVersion)
			return {
				ok: false,
				errors: {
					body: 'This template was changed in another tab meanwhile. Its newer wording is shown now; make your change again if you still want it.'
				},
				...(current ? { changed: current } : {})
			};
		// The form's wording replaces the whole of the old one (a subject taken away stays away).
		const template: MessageTemplate = current
			? touch(
					{
						id,
						createdAt: current.createdAt,
						updatedAt: current.updatedAt,
						version: current.version,
						...parsed.value
					},
					now,
					current
				)
			: stampNew({ id, ...parsed.value }, now);
		await r.templates.put(template);
		return { ok: true, template };
	});
}

/** Moves one of the person's own templates to the trash; a built-in is reset instead. */
export function trashTemplate(db: KithDB, id: string, now = Date.now()): Promise<MessageTemplate> {
	return write(db, ['templates'], async (r) => {
		const current = await r.templates.get(id);
		if (!current || isBuiltInId(id)) throw new TemplateGoneError();
		const trashed = touch({ ...current, deletedAt: now }, now);
		await r.templates.put(trashed);
		return trashed;
	});
}

/** Takes an own template out of the trash (the Undo of a delete). */
export function restoreTemplate(db: KithDB, id: string, now = Date.now()): Promise<void> {
	return write(db, ['templates'], async (r) => {
		const current = await r.templates.get(id);
		if (!current) throw new TemplateGoneError();
		const { deletedAt: _d, ...kept } = current;
		await r.templates.put(touch(kept, now, current));
	});
}

/**
 * Puts a built-in back to the wording Kith ships: the changed copy is removed, and handed back so
 * that Undo can put it back as it was.
 */
export function resetTemplate(db: KithDB, id: string): Promise<MessageTemplate | undefined> {
	return write(db, ['templates'], async (r) => {
		if (!isBuiltInId(id)) throw new TemplateGoneError();
		const current = await r.templates.get(id);
		if (current) await r.templates.remove(id);
		return current;
	});
}

/** The Undo of a reset: the changed wording comes back, as a change after the reset. */
export function undoReset(db: KithDB, row: MessageTemplate, now = Date.now()): Promise<void> {
	return write(db, ['templates'], async (r) => {
		const current = await r.templates.get(row.id);
		await r.templates.put(touch(row, now, current ?? row));
	});
}

export interface SentMessage {
	contactId: string;
	moment: MessageMoment;
	medium: MessageMedium;
	/** The message as sent (subject and body), kept in the touchpoint's summary. */
	text: string;
	/** For a thank-you: the interview it thanks them for. */
	interviewId?: string;
}

export interface SentReceipt {
	touchpoint: Touchpoint;
	/** Set when this marked the interview's thank-you as sent, so Undo can take it back. */
	thankYouMarked?: string;
}

/** What the touchpoint says: what the message was for, then the message itself. */
export function sentSummary(moment: MessageMoment, text: string): string {
	const summary = `${SENT_SUMMARIES[moment]}\n\n${text.trim()}`;
	return summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1)}…` : summary;
}

/**
 * "Sent": logs the message as today's touchpoint with the contact (which moves their
 * keep-in-touch date on), and for a thank-you marks the interview's thank-you sent today, all in
 * one transaction.
 */
export async function markSent(
	db: KithDB,
	sent: SentMessage,
	{ now = Date.now(), today = todayIso() }: { now?: number; today?: string } = {}
): Promise<SentReceipt> {
	return write(db, ['contacts', 'interactions', 'drafts', 'interviews'], async (r) => {
		const logged = await logTouchpoint(
			db,
			sent.contactId,
			{
				on: today,
				channel: sent.medium,
				summary: sentSummary(sent.moment, sent.text),
				received: [],
				gave: '',
				followUpOn: '',
				referrals: []
			},
			{ now, today }
		);
		if (!logged.ok)
			throw new Error(Object.values(logged.errors)[0] ?? 'The message was not logged.');
		const receipt: SentReceipt = { touchpoint: logged.touchpoint };
		if (sent.moment === 'thank-you' && sent.interviewId) {
			const interview = await r.interviews.get(sent.interviewId);
			if (interview && !interview.thankYouSentOn && interview.contactId === sent.contactId) {
				await r.interviews.put(touch({ ...interview, thankYouSentOn: today }, now, interview));
				receipt.thankYouMarked = sent.interviewId;
			}
		}
		return receipt;
	});
}

/** The Undo of "Sent": the touchpoint goes, and a thank-you it marked is unmarked. */
export async function undoSent(
	db: KithDB,
	receipt: SentReceipt,
	{ now = Date.now(), today = todayIso() }: { now?: number; today?: string } = {}
): Promise<void> {
	await write(db, ['contacts', 'interactions', 'drafts', 'interviews'], async (r) => {
		await deleteTouchpoint(db, receipt.touchpoint.id, { now, today });
		if (!receipt.thankYouMarked) return;
		const interview = await r.interviews.get(receipt.thankYouMarked);
		if (!interview?.thankYouSentOn) return;
		const { thankYouSentOn: _t, ...rest } = interview;
		await r.interviews.put(touch(rest, now, interview));
	});
}

/** The services bound to the app's database, for the pages. */
export const messages = {
	save: (id: string | undefined, form: TemplateForm, baseVersion?: number) =>
		saveTemplate(getDb(), id, form, { baseVersion }),
	trash: (id: string) => trashTemplate(getDb(), id),
	restore: (id: string) => restoreTemplate(getDb(), id),
	reset: (id: string) => resetTemplate(getDb(), id),
	undoReset: (row: MessageTemplate) => undoReset(getDb(), row),
	markSent: (sent: SentMessage) => markSent(getDb(), sent),
	undoSent: (receipt: SentReceipt) => undoSent(getDb(), receipt)
};
