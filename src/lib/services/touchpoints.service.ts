/**
 * Touchpoints (the interactions table): logging, editing, deleting with undo, their follow-ups,
 * the keep-in-touch cadence they move on (contacts table), and dismissed give-back nudges
 * (settings table, `giveBackDismissed`).
 */
import { stampNew, touch, write, type KithDB, type UnitRepos } from '$lib/db';
import { followUpAfterTouch, nextByCadence } from '$lib/domain/cadence';
import { checkSaveFrom, type Current } from '$lib/domain/form-version';
import type { FieldConflict } from '$lib/domain/merge3';
import type { Contact } from '$lib/domain/contact';
import { todayIso } from '$lib/domain/dates';
import { newId } from '$lib/domain/ids';
import type { Touchpoint } from '$lib/domain/touchpoint';
import { parseReferrals } from '$lib/domain/referrals';
import {
	makeTouchpoint,
	parseTouchpointForm,
	TOUCHPOINT_FORM_KINDS,
	touchpointToForm,
	type TouchpointErrors,
	type TouchpointFields,
	type TouchpointForm
} from '$lib/domain/touchpoint-form';
import { addReferrals, type ReferralsResult } from './referrals.service';
import { settledByTouchpoint } from '$lib/domain/due-people';
import { applyFollowUps } from './follow-ups.service';

export type TouchpointSaveResult =
	| { ok: true; touchpoint: Touchpoint; referrals?: ReferralsResult; merged?: boolean }
	| {
			ok: false;
			errors: TouchpointErrors;
			/** Saved meanwhile, and changed where this form changed too: nothing was written. */
			changed?: Touchpoint;
			conflicts?: FieldConflict<TouchpointForm>[];
	  };

interface Options {
	draftKey?: string;
	/** A new touchpoint settles the follow-ups it answers (see settledByTouchpoint). */
	settles?: boolean;
	now?: number;
	today?: string;
}

interface UpdateOptions extends Options {
	/** The touchpoint as the form was opened on it: a newer save is merged, not overwritten. */
	base?: Current<TouchpointForm>;
}

/** The draft key of the touchpoint form: a new one for a contact, or an edit. */
export function touchpointDraftKey(contactId: string, touchpointId?: string): string {
	return touchpointId ? `touchpoint:${contactId}:${touchpointId}` : `touchpoint:${contactId}`;
}

/** Moves a cadence contact's next follow-up from their latest touchpoint. Inside a unit of work. */
async function refreshCadence(
	r: UnitRepos<'contacts' | 'interactions'>,
	contactId: string,
	now: number,
	today: string
) {
	const contact = await r.contacts.get(contactId);
	if (!contact?.keepInTouchDays) return;
	const next = followUpAfterTouch(contact, await r.interactions.lastOn(contactId), today);
	if (next === contact.nextFollowUpOn) return;
	await r.contacts.put(touch({ ...contact, ...(next ? { nextFollowUpOn: next } : {}) }, now));
}

type TouchpointBase = Parameters<typeof makeTouchpoint>[1];

/** The form, checked: its fields and the names it brought. */
function checkForm(form: TouchpointForm) {
	const parsed = parseTouchpointForm(form);
	const names = parsed.ok && parsed.value.received.includes('names');
	const refs = names ? parseReferrals(form.referrals) : undefined;
	if (!parsed.ok || (refs && !refs.ok))
		return {
			ok: false as const,
			errors: { ...(parsed.ok ? {} : parsed.errors), ...(refs && !refs.ok ? refs.errors : {}) }
		};
	return { ok: true as const, value: parsed.value, refs };
}

/** Where `place` puts the form: a row to write it on, the form it writes (merged), or a refusal. */
type Placed =
	| { base: TouchpointBase; form?: TouchpointForm }
	| string
	| { changed: Touchpoint; conflicts: FieldConflict<TouchpointForm>[] };

/**
 * Checks the form (and the names it brought), then in one transaction writes the touchpoint on the
 * row `place` finds, adds the names, moves the cadence and clears the draft: all or nothing.
 */
async function saveTouchpoint(
	db: KithDB,
	form: TouchpointForm,
	{ draftKey, settles = false, now = Date.now(), today = todayIso() }: Options,
	place: (r: UnitRepos<'contacts' | 'interactions'>, value: TouchpointFields) => Promise<Placed>
): Promise<TouchpointSaveResult> {
	const first = checkForm(form);
	if (!first.ok) return first;
	return write(
		db,
		['contacts', 'interactions', 'drafts'],
		async (r): Promise<TouchpointSaveResult> => {
			const placed = await place(r, first.value);
			if (typeof placed === 'string') return { ok: false, errors: { summary: placed } };
			if ('changed' in placed) return { ok: false, errors: {}, ...placed };
			const merged = placed.form !== undefined;
			const checked = placed.form ? checkForm(placed.form) : first;
			if (!checked.ok) return checked;
			const { base } = placed;
			const { refs } = checked;
			const touchpoint = makeTouchpoint(checked.value, base);
			await r.interactions.put(touchpoint);
			const referrals =
				refs?.ok && refs.entries.length
					? await addReferrals(db, base.contactId, refs.entries, now)
					: undefined;
			if (settles) {
				const contact = await r.contacts.get(base.contactId);
				if (contact)
					await applyFollowUps(
						r,
						base.contactId,
						settledByTouchpoint(
							contact,
							await r.interactions.ofContact(base.contactId),
							touchpoint,
							today
						),
						now
					);
			}
			await refreshCadence(r, base.contactId, now, today);
			if (draftKey) await r.drafts.remove(draftKey);
			return { ok: true, touchpoint, referrals, merged };
		}
	);
}

/** Logs a touchpoint with a contact (see saveTouchpoint for what else it writes). */
export async function logTouchpoint(
	db: KithDB,
	contactId: string,
	form: TouchpointForm,
	options: Options = {}
): Promise<TouchpointSaveResult> {
	const now = options.now ?? Date.now();
	return saveTouchpoint(db, form, { ...options, now, settles: true }, async (r) => {
		if (!(await r.contacts.get(contactId))) return 'This contact is no longer in Kith.';
		return { base: stampNew({ id: newId(), contactId }, now) };
	});
}

/**
 * Replaces a touchpoint's fields; its follow-up stays done only if its date did not change. Given
 * the version the form was opened on (`base`), a touchpoint saved meanwhile elsewhere is merged
 * field by field in the same transaction, and a field changed on both sides is reported instead.
 */
export async function updateTouchpoint(
	db: KithDB,
	id: string,
	form: TouchpointForm,
	{ base, ...options }: UpdateOptions = {}
): Promise<TouchpointSaveResult> {
	const now = options.now ?? Date.now();
	return saveTouchpoint(db, form, { ...options, now }, async (r) => {
		const existing = await r.interactions.get(id);
		if (!existing) return 'This touchpoint was deleted.';
		const check = checkSaveFrom(
			form,
			base,
			{ form: touchpointToForm(existing), version: existing.version },
			TOUCHPOINT_FORM_KINDS
		);
		if (!check.ok) return { changed: existing, conflicts: check.conflicts };
		const written = check.form;
		const { updatedAt, version } = touch(existing, now);
		const followUpOn = written.followUpOn.trim() || undefined;
		return {
			base: {
				id,
				contactId: existing.contactId,
				createdAt: existing.createdAt,
				updatedAt,
				version,
				followUpDone: existing.followUpDone && existing.followUpOn === followUpOn
			},
			...(written === form ? {} : { form: written })
		};
	});
}

/** Deletes a touchpoint and returns it, so an Undo can put it back as it was. */
export async function deleteTouchpoint(
	db: KithDB,
	id: string,
	{ now = Date.now(), today = todayIso() }: Options = {}
): Promise<Touchpoint | undefined> {
	return write(db, ['contacts', 'interactions', 'drafts'], async (r) => {
		const existing = await r.interactions.get(id);
		if (!existing) return undefined;
		await Promise.all([
			r.interactions.remove(id),
			r.drafts.removeForms([touchpointDraftKey(existing.contactId, id)])
		]);
		await refreshCadence(r, existing.contactId, now, today);
		return existing;
	});
}

/** Puts a deleted touchpoint back (the Undo of a delete). */
export async function restoreTouchpoint(
	db: KithDB,
	touchpoint: Touchpoint,
	{ now = Date.now(), today = todayIso() }: Options = {}
): Promise<void> {
	await write(db, ['contacts', 'interactions'], async (r) => {
		await r.interactions.put(touchpoint);
		await refreshCadence(r, touchpoint.contactId, now, today);
	});
}

/** Marks a touchpoint's follow-up done, or moves it (snooze), or puts back what it was (undo). */
export async function setTouchpointFollowUp(
	db: KithDB,
	id: string,
	followUp: { on: string | undefined; done: boolean },
	now = Date.now()
): Promise<void> {
	await write(db, ['interactions'], async (r) => {
		const t = await r.interactions.get(id);
		if (!t) return;
		const { followUpOn: _old, ...rest } = t;
		await r.interactions.put(
			touch(
				{
					...rest,
					...(followUp.on ? { followUpOn: followUp.on } : {}),
					followUpDone: followUp.done
				},
				now
			)
		);
	});
}

/**
 * Sets (or clears, with undefined) how often to keep in touch; with one, the next follow-up moves
 * to that many days after the latest touchpoint. Returns the contact as it was, for an Undo.
 */
export async function setKeepInTouch(
	db: KithDB,
	contactId: string,
	days: number | undefined,
	{ now = Date.now(), today = todayIso() }: Options = {}
): Promise<Contact | undefined> {
	return write(db, ['contacts', 'interactions'], async (r) => {
		const contact = await r.contacts.get(contactId);
		if (!contact) return undefined;
		const { keepInTouchDays: _k, ...rest } = contact;
		const next: Contact = touch(rest, now);
		if (days) {
			next.keepInTouchDays = days;
			next.nextFollowUpOn = nextByCadence(await r.interactions.lastOn(contactId), days, today);
		}
		await r.contacts.put(next);
		return contact;
	});
}

/** Puts a contact's cadence and next follow-up back as they were (the Undo of setKeepInTouch). */
export async function restoreKeepInTouch(db: KithDB, before: Contact, now = Date.now()) {
	await write(db, ['contacts'], async (r) => {
		const current = await r.contacts.get(before.id);
		if (!current) return;
		const { keepInTouchDays: _k, nextFollowUpOn: _n, ...rest } = current;
		await r.contacts.put(
			touch(
				{
					...rest,
					...(before.keepInTouchDays ? { keepInTouchDays: before.keepInTouchDays } : {}),
					...(before.nextFollowUpOn ? { nextFollowUpOn: before.nextFollowUpOn } : {})
				},
				now
			)
		);
	});
}

/** Hides a give-back nudge until that contact gives something new (or, with undefined, shows it again). */
export async function dismissGiveBack(
	db: KithDB,
	contactId: string,
	touchpointId: string | undefined
): Promise<void> {
	await write(db, ['settings'], async (r) => {
		const current = { ...((await r.settings.get('giveBackDismissed')) ?? {}) };
		if (touchpointId) current[contactId] = touchpointId;
		else delete current[contactId];
		await r.settings.set('giveBackDismissed', current);
	});
}
