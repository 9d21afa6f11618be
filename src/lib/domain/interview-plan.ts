/** The plan form of an interview: what it holds as typed, and how it becomes interview fields. */
import { z } from 'zod/mini';
import { NAME_MAX } from './contact';
import type { Interview, InterviewMode } from './interview';
import { DEFAULT_MINUTES, fromLocalInput, MODE_LABELS, toLocalInput } from './interview-rules';
import type { FieldKinds } from './merge3';

export interface PlanForm {
	/** An existing contact, or '' when a new one is typed below. */
	contactId: string;
	newName: string;
	newOrganization: string;
	organization: string;
	/** A `datetime-local` value; '' for not decided yet. */
	scheduledAt: string;
	durationMinutes: string;
	mode: InterviewMode;
	place: string;
	goal: string;
}

/** The plan form as plain data, to check one kept with a version. */
export const planFormSchema: z.ZodMiniType<PlanForm> = z.object({
	contactId: z.string(),
	newName: z.string(),
	newOrganization: z.string(),
	organization: z.string(),
	scheduledAt: z.string(),
	durationMinutes: z.string(),
	mode: z.enum(['in-person', 'phone', 'video']),
	place: z.string(),
	goal: z.string()
});

/** How each field merges with a save made in another tab (see merge3.ts). */
export const PLAN_FORM_KINDS: FieldKinds<PlanForm> = {
	contactId: 'value',
	newName: 'text',
	newOrganization: 'text',
	organization: 'text',
	scheduledAt: 'value',
	durationMinutes: 'value',
	mode: 'value',
	place: 'text',
	goal: 'long'
};

/** Each field as the plan form names it, for a conflict card. */
export const PLAN_FORM_LABELS: Record<keyof PlanForm, string> = {
	contactId: 'Who you are meeting',
	newName: 'Their name',
	newOrganization: 'Their organisation',
	organization: 'Organisation',
	scheduledAt: 'Date and time',
	durationMinutes: 'Planned length (minutes)',
	mode: 'How',
	place: 'Place, link or number',
	goal: 'Your goal'
};

/** A field's value in words, for a conflict card. */
export function describePlanField<K extends keyof PlanForm>(field: K, value: PlanForm[K]): string {
	if (field === 'mode') return MODE_LABELS[value as InterviewMode];
	if (field === 'contactId') return value ? 'someone in your contacts' : 'nobody yet';
	if (field === 'scheduledAt') return value ? String(value).replace('T', ' at ') : '';
	return String(value);
}

export type PlanFields = Pick<
	Interview,
	'organization' | 'scheduledAt' | 'durationMinutes' | 'mode' | 'place' | 'goal'
>;

export type PlanResult =
	| {
			ok: true;
			value: PlanFields;
			/** The person: an existing contact, or one to create with the interview. */
			person: { contactId: string } | { name: string; organization?: string };
	  }
	| { ok: false; errors: Partial<Record<keyof PlanForm, string>> };

export function emptyPlanForm(): PlanForm {
	return {
		contactId: '',
		newName: '',
		newOrganization: '',
		organization: '',
		scheduledAt: '',
		durationMinutes: String(DEFAULT_MINUTES),
		mode: 'video',
		place: '',
		goal: ''
	};
}

export function planToForm(i: Interview): PlanForm {
	return {
		contactId: i.contactId,
		newName: '',
		newOrganization: '',
		organization: i.organization ?? '',
		scheduledAt: i.scheduledAt === undefined ? '' : toLocalInput(i.scheduledAt),
		durationMinutes: String(i.durationMinutes ?? DEFAULT_MINUTES),
		mode: i.mode,
		place: i.place ?? '',
		goal: i.goal ?? ''
	};
}

const clean = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Checks the plan, field by field; a date in the past is fine (logging one that happened). */
export function parsePlanForm(form: PlanForm): PlanResult {
	const errors: Partial<Record<keyof PlanForm, string>> = {};
	const name = clean(form.newName);
	if (!form.contactId && !name)
		errors.contactId = 'Choose who you are meeting, or type the name of someone new.';
	if (!form.contactId && name.length > NAME_MAX)
		errors.newName = `Keep the name under ${NAME_MAX} characters.`;
	let scheduledAt: number | undefined;
	if (form.scheduledAt.trim()) {
		scheduledAt = fromLocalInput(form.scheduledAt);
		if (scheduledAt === undefined) errors.scheduledAt = 'Pick a date and a time from the calendar.';
	}
	const minutesText = form.durationMinutes.trim();
	const minutes = minutesText ? Number(minutesText) : DEFAULT_MINUTES;
	if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
		errors.durationMinutes = 'Use whole minutes between 1 and 600.';
	const organization = clean(form.organization) || clean(form.newOrganization);
	if (organization.length > 500)
		errors.organization = 'Keep the organisation under 500 characters.';
	if (clean(form.newOrganization).length > 500)
		errors.newOrganization = 'Keep the organisation under 500 characters.';
	const place = form.place.trim();
	if (place.length > 500) errors.place = 'Keep the place or link under 500 characters.';
	if (form.goal.length > 100_000)
		errors.goal = 'That goal is too long to keep; shorten it a little.';
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const value: PlanFields = { mode: form.mode, durationMinutes: minutes };
	if (organization) value.organization = organization;
	if (scheduledAt !== undefined) value.scheduledAt = scheduledAt;
	if (place) value.place = place;
	if (form.goal.trim()) value.goal = form.goal.trim();
	const newOrg = clean(form.newOrganization) || organization;
	return {
		ok: true,
		value,
		person: form.contactId
			? { contactId: form.contactId }
			: { name, ...(newOrg ? { organization: newOrg } : {}) }
	};
}
