/**
 * The touchpoint form: its values as typed, checked and turned into a touchpoint row, and back
 * again for editing.
 */
import { z } from 'zod/mini';
import { isoDateSchema } from './dates';
import type { FieldKinds } from './merge3';
import {
	CHANNEL_LABELS,
	CHANNELS,
	OUTCOME_LABELS,
	OUTCOMES,
	touchpointSchema,
	type Channel,
	type Outcome,
	type Touchpoint
} from './touchpoint';

/** Summaries longer than this are refused with a message rather than slowing the timeline. */
export const SUMMARY_MAX = 5000;
export const GAVE_MAX = 2000;

/** One referral typed into the touchpoint form: a name and a line of context. */
export const referralFormSchema = z.object({
	name: z.string(),
	context: z.string(),
	/** An existing contact the user chose to link instead of creating someone new. */
	linkId: z.string()
});
export type ReferralForm = z.infer<typeof referralFormSchema>;

/** What the touchpoint form holds: strings as typed, kept as a draft until saved. */
export const touchpointFormSchema = z.object({
	on: z.string(),
	channel: z.string(),
	summary: z.string(),
	received: z.array(z.string()),
	gave: z.string(),
	followUpOn: z.string(),
	referrals: z.array(referralFormSchema)
});
export type TouchpointForm = z.infer<typeof touchpointFormSchema>;

export type TouchpointFields = Pick<
	Touchpoint,
	'on' | 'channel' | 'summary' | 'received' | 'gave' | 'followUpOn'
>;
export type TouchpointErrors = Partial<Record<string, string>>;
export type TouchpointResult =
	{ ok: true; value: TouchpointFields } | { ok: false; errors: TouchpointErrors };

/**
 * How each field merges with a save made in another tab (see merge3.ts). Suggested names are the
 * form's own (they become contacts on save), so they never differ from a stored touchpoint's.
 */
export const TOUCHPOINT_FORM_KINDS: FieldKinds<TouchpointForm> = {
	on: 'value',
	channel: 'value',
	summary: 'long',
	received: 'list',
	gave: 'long',
	followUpOn: 'value',
	referrals: 'list'
};

/** Each field as the form names it, for a conflict card. */
export const TOUCHPOINT_FORM_LABELS: Record<keyof TouchpointForm, string> = {
	on: 'When',
	channel: 'How',
	summary: 'What you talked about',
	received: 'What they gave you',
	gave: 'What you gave or offered back',
	followUpOn: 'Follow up on',
	referrals: 'Names they suggested'
};

/** A field's value in words, for a conflict card. */
export function describeTouchpointField<K extends keyof TouchpointForm>(
	field: K,
	value: TouchpointForm[K]
): string {
	if (field === 'channel') return CHANNEL_LABELS[value as Channel] ?? String(value);
	if (field === 'received')
		return (value as string[]).map((o) => OUTCOME_LABELS[o as Outcome] ?? o).join(', ');
	if (field === 'referrals') return (value as ReferralForm[]).map((r) => r.name).join(', ');
	return String(value);
}

export function emptyReferral(): ReferralForm {
	return { name: '', context: '', linkId: '' };
}

export function emptyTouchpointForm(today: string): TouchpointForm {
	return {
		on: today,
		channel: 'in-person',
		summary: '',
		received: [],
		gave: '',
		followUpOn: '',
		referrals: []
	};
}

export function touchpointToForm(t: Touchpoint): TouchpointForm {
	return {
		on: t.on,
		channel: t.channel,
		summary: t.summary,
		received: [...t.received],
		gave: t.gave ?? '',
		followUpOn: t.followUpOn ?? '',
		referrals: []
	};
}

/** Turns the form into a touchpoint's fields, or says field by field what to fix. */
export function parseTouchpointForm(form: TouchpointForm): TouchpointResult {
	const errors: TouchpointErrors = {};
	const on = form.on.trim();
	if (!isoDateSchema.safeParse(on).success) errors.on = 'Pick the day it happened.';
	const channel = form.channel as Channel;
	if (!(CHANNELS as readonly string[]).includes(channel))
		errors.channel = 'Pick how you were in touch.';
	const summary = form.summary.trim();
	if (summary.length > SUMMARY_MAX)
		errors.summary = `Keep the summary under ${SUMMARY_MAX.toLocaleString('en')} characters (it has ${summary.length.toLocaleString('en')}); put the rest in the contact's notes.`;
	const gave = form.gave.trim();
	if (gave.length > GAVE_MAX)
		errors.gave = `Keep this under ${GAVE_MAX.toLocaleString('en')} characters.`;
	const followUpOn = form.followUpOn.trim();
	if (followUpOn && !isoDateSchema.safeParse(followUpOn).success)
		errors.followUpOn = 'Pick a date from the calendar, or leave it empty.';
	const received = OUTCOMES.filter((o) => form.received.includes(o));
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const value: TouchpointFields = { on, channel, summary, received };
	if (gave) value.gave = gave;
	if (followUpOn) value.followUpOn = followUpOn;
	return { ok: true, value };
}

/** A full, valid touchpoint row, or throws: the last check before anything is written. */
export function makeTouchpoint(
	fields: TouchpointFields,
	base: Pick<Touchpoint, 'id' | 'contactId' | 'createdAt' | 'updatedAt' | 'version'> &
		Partial<Pick<Touchpoint, 'followUpDone'>>
): Touchpoint {
	return touchpointSchema.parse({ followUpDone: false, ...base, ...fields });
}
