/**
 * What the capture and edit forms hold: plain strings as typed, kept as a draft until saved. No
 * zod here, so the capture form opens without loading the schemas; contact.ts turns a form into a
 * checked contact when it is saved, and a contact back into a form. This module imports nothing of
 * contact.ts, so the two do not import each other.
 */
export interface ContactForm {
	name: string;
	circle: string;
	metAt: string;
	metOn: string;
	organization: string;
	role: string;
	field: string;
	emails: string[];
	phones: string[];
	links: string[];
	introducedById: string;
	tags: string;
	notes: string;
	nextFollowUpOn: string;
}

const TEXT_KEYS = [
	'name',
	'circle',
	'metAt',
	'metOn',
	'organization',
	'role',
	'field',
	'introducedById',
	'tags',
	'notes',
	'nextFollowUpOn'
] as const;
const LIST_KEYS = ['emails', 'phones', 'links'] as const;

/**
 * A stored draft as a form, or undefined when it is not one (written by an older release, or
 * damaged). Keys the form does not know are dropped, as contactFormSchema does.
 */
export function asContactForm(raw: unknown): ContactForm | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const r = raw as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const k of TEXT_KEYS) {
		if (typeof r[k] !== 'string') return undefined;
		out[k] = r[k];
	}
	for (const k of LIST_KEYS) {
		const list = r[k];
		if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) return undefined;
		out[k] = [...list];
	}
	return out as unknown as ContactForm;
}

export function emptyContactForm(metOn = ''): ContactForm {
	return {
		name: '',
		circle: '',
		metAt: '',
		metOn,
		organization: '',
		role: '',
		field: '',
		emails: [''],
		phones: [''],
		links: [''],
		introducedById: '',
		tags: '',
		notes: '',
		nextFollowUpOn: ''
	};
}

/** True when the user has typed anything worth keeping. */
export function isFormDirty(form: ContactForm, blank: ContactForm): boolean {
	return JSON.stringify(form) !== JSON.stringify(blank);
}
