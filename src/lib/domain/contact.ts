/**
 * Contacts, as the `contacts` table stores them (with the derived fields the db adds): the schema,
 * the edit form's schema, and the conversions between a contact and its form.
 */
import { z } from 'zod/mini';
import { circleLabel, circleSchema } from './circles';
import { isoDateSchema, timestampSchema } from './dates';
import { versionSchema } from './stamp';
import { idSchema } from './ids';
import { NAME_MAX } from './text-length';
import { emailSchema, httpUrlSchema, longText, phoneSchema, shortText, tagSchema } from './text';
import type { ContactForm } from './contact-form';
import { parseTags } from './tag-text';
import type { FieldKinds } from './merge3';

export { NAME_MAX };

/** Someone the user hopes this contact will introduce them to; kept until marked done. */
export const introRequestSchema = z.strictObject({
	id: idSchema,
	who: z.string().check(z.minLength(1), z.maxLength(NAME_MAX)),
	createdAt: timestampSchema,
	doneAt: z.optional(timestampSchema)
});
export type IntroRequest = z.infer<typeof introRequestSchema>;

/** A person in the user's network. Only the name is required. */
export const contactSchema = z.strictObject({
	id: idSchema,
	name: z.string().check(z.minLength(1), z.maxLength(NAME_MAX)),
	circle: z.optional(circleSchema),
	metAt: z.optional(shortText),
	metOn: z.optional(isoDateSchema),
	organization: z.optional(shortText),
	role: z.optional(shortText),
	field: z.optional(shortText),
	emails: z.array(emailSchema),
	phones: z.array(phoneSchema),
	links: z.array(httpUrlSchema),
	introducedById: z.optional(idSchema),
	tags: z.array(tagSchema),
	notes: z.optional(longText),
	nextFollowUpOn: z.optional(isoDateSchema),
	/** Keep in touch every this many days: each touchpoint moves `nextFollowUpOn` on. */
	keepInTouchDays: z.optional(z.int().check(z.gte(1), z.lte(3650))),
	createdAt: timestampSchema,
	updatedAt: timestampSchema,
	version: versionSchema,
	deletedAt: z.optional(timestampSchema),
	/** Set on a contact merged into another: it waits in the trash, and the survivor holds its links. */
	mergedIntoId: z.optional(idSchema),
	introRequests: z.optional(z.array(introRequestSchema))
});
export type Contact = z.infer<typeof contactSchema>;

/** What the capture and edit forms hold: plain strings as typed, kept as a draft until saved. */
export const contactFormSchema: z.ZodMiniType<ContactForm> = z.object({
	name: z.string(),
	circle: z.string(),
	metAt: z.string(),
	metOn: z.string(),
	organization: z.string(),
	role: z.string(),
	field: z.string(),
	emails: z.array(z.string()),
	phones: z.array(z.string()),
	links: z.array(z.string()),
	introducedById: z.string(),
	tags: z.string(),
	notes: z.string(),
	nextFollowUpOn: z.string()
});
// The form's type and helpers live in contact-form.ts, without zod, for the first screen.
export { asContactForm, emptyContactForm, isFormDirty, type ContactForm } from './contact-form';
export { parseTags } from './tag-text';

/** How each field merges with a save made elsewhere (see merge3.ts). */
export const CONTACT_FORM_KINDS: FieldKinds<ContactForm> = {
	name: 'text',
	circle: 'value',
	metAt: 'text',
	metOn: 'value',
	organization: 'text',
	role: 'text',
	field: 'text',
	emails: 'list',
	phones: 'list',
	links: 'list',
	introducedById: 'value',
	tags: 'text',
	notes: 'long',
	nextFollowUpOn: 'value'
};

/** Each field as the edit form names it, for a conflict card. */
export const CONTACT_FORM_LABELS: Record<keyof ContactForm, string> = {
	name: 'Name',
	circle: 'Circle',
	metAt: 'Where or how you met',
	metOn: 'Met on',
	organization: 'Organisation',
	role: 'Role',
	field: 'Field of interest',
	emails: 'Email',
	phones: 'Phone',
	links: 'Link',
	introducedById: 'Introduced by',
	tags: 'Tags',
	notes: 'Notes',
	nextFollowUpOn: 'Follow up on'
};

/** A field's value in words, for a conflict card. */
export function describeContactField<K extends keyof ContactForm>(
	field: K,
	value: ContactForm[K]
): string {
	if (field === 'introducedById') return value ? 'someone in your contacts' : 'nobody';
	if (field === 'circle') return circleLabel(String(value));
	return Array.isArray(value) ? value.filter((v) => v.trim()).join(', ') : String(value);
}

/** Enough of a contact to name it in a list or a picker. */
export type ContactRef = Pick<Contact, 'id' | 'name' | 'organization'>;

export type ContactFields = Omit<
	Contact,
	| 'id'
	| 'createdAt'
	| 'updatedAt'
	| 'version'
	| 'deletedAt'
	| 'keepInTouchDays'
	| 'mergedIntoId'
	| 'introRequests'
>;
export type FieldErrors = Partial<Record<string, string>>;
export type FormResult = { ok: true; value: ContactFields } | { ok: false; errors: FieldErrors };

function opt(text: string): string | undefined {
	const t = text.trim();
	return t ? t : undefined;
}

function list(values: string[]): string[] {
	return values.map((v) => v.trim()).filter(Boolean);
}

/** Coerces a URL typed without a scheme ("linkedin.com/in/x") to https; leaves other schemes alone. */
export function normalizeLink(text: string): string {
	const t = text.trim();
	if (!t) return t;
	if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/^[^:/]+\.[^:/]+:\d/.test(t)) return t;
	return `https://${t}`;
}

/** A stored contact as the edit form shows it; empty lists get one empty input to type into. */
export function contactToForm(c: Contact): ContactForm {
	const orEmpty = (list: string[]) => (list.length ? [...list] : ['']);
	return {
		name: c.name,
		circle: c.circle ?? '',
		metAt: c.metAt ?? '',
		metOn: c.metOn ?? '',
		organization: c.organization ?? '',
		role: c.role ?? '',
		field: c.field ?? '',
		emails: orEmpty(c.emails),
		phones: orEmpty(c.phones),
		links: orEmpty(c.links),
		introducedById: c.introducedById ?? '',
		tags: c.tags.join(', '),
		notes: c.notes ?? '',
		nextFollowUpOn: c.nextFollowUpOn ?? ''
	};
}

/**
 * Turns what the user typed into contact fields, or says precisely what is wrong, field by field.
 * Errors are keyed by the form field (`emails.0`, `links.1`, ...).
 */
export function parseContactForm(form: ContactForm): FormResult {
	const errors: FieldErrors = {};
	const name = form.name.trim().replace(/\s+/g, ' ');
	if (!name) errors.name = 'Add a name, even just a first name.';
	else if (name.length > NAME_MAX) errors.name = `Keep the name under ${NAME_MAX} characters.`;

	const candidate = {
		name,
		circle: opt(form.circle),
		metAt: opt(form.metAt),
		metOn: opt(form.metOn),
		organization: opt(form.organization),
		role: opt(form.role),
		field: opt(form.field),
		emails: list(form.emails),
		phones: list(form.phones),
		links: list(form.links).map(normalizeLink),
		introducedById: opt(form.introducedById),
		tags: parseTags(form.tags),
		notes: opt(form.notes),
		nextFollowUpOn: opt(form.nextFollowUpOn)
	};

	form.emails.forEach((raw, i) => {
		const v = raw.trim();
		if (v && !emailSchema.safeParse(v).success)
			errors[`emails.${i}`] = 'That email address does not look complete (name@example.org).';
	});
	form.phones.forEach((raw, i) => {
		const v = raw.trim();
		if (v && !phoneSchema.safeParse(v).success)
			errors[`phones.${i}`] = 'Use digits, spaces and + ( ) - only.';
	});
	form.links.forEach((raw, i) => {
		const v = raw.trim();
		if (v && !httpUrlSchema.safeParse(normalizeLink(v)).success)
			errors[`links.${i}`] = 'Only web links that start with http:// or https:// can be saved.';
	});

	const fields = contactSchema.safeParse({
		...candidate,
		id: 'x',
		createdAt: 0,
		updatedAt: 0,
		version: 1
	});
	if (!fields.success) {
		for (const issue of fields.error.issues) {
			const key = issue.path.join('.');
			if (errors[key] || errors[String(issue.path[0])]) continue;
			errors[key] = messageFor(String(issue.path[0]));
		}
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	// Absent, not undefined: a stored row holds only the fields the user filled in, so exports
	// and backups do not carry empty keys around.
	const value = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
	return { ok: true, value: value as ContactFields };
}

function messageFor(field: string): string {
	switch (field) {
		case 'metOn':
		case 'nextFollowUpOn':
			return 'Pick a date from the calendar.';
		case 'circle':
			return 'Pick one of the circles.';
		case 'notes':
			return 'This note is too long to keep on the phone; split it up.';
		default:
			return 'This is too long; shorten it a little.';
	}
}
