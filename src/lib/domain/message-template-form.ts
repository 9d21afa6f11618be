/**
 * The template editor's form: its values as typed, checked into a template's wording (or said,
 * field by field, what to fix), and a template turned back into the form.
 */
import { findGaps } from './message-fill';
import {
	MESSAGE_MEDIA,
	MESSAGE_MOMENTS,
	TEMPLATE_BODY_MAX,
	TEMPLATE_NAME_MAX,
	TEMPLATE_SUBJECT_MAX,
	type MessageMedium,
	type MessageMoment,
	type TemplateText
} from './message-template';

export interface TemplateForm {
	name: string;
	moment: string;
	medium: string;
	subject: string;
	body: string;
}

export type TemplateErrors = Partial<Record<keyof TemplateForm, string>>;
export type TemplateFormResult =
	{ ok: true; value: TemplateText } | { ok: false; errors: TemplateErrors };

export function emptyTemplateForm(moment: MessageMoment = 'keep-in-touch'): TemplateForm {
	return { name: '', moment, medium: 'email', subject: '', body: '' };
}

export function templateToForm(t: TemplateText): TemplateForm {
	return {
		name: t.name,
		moment: t.moment,
		medium: t.medium,
		subject: t.subject ?? '',
		body: t.body
	};
}

/** Words in braces that Kith does not know, so the person hears of a typo before it is sent. */
function unknownWords(text: string): string[] {
	const known = new Set<string>(findGaps(text));
	return [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!).filter((w) => !known.has(w));
}

export function parseTemplateForm(form: TemplateForm): TemplateFormResult {
	const errors: TemplateErrors = {};
	const name = form.name.trim().replace(/\s+/g, ' ');
	if (!name) errors.name = 'Give the template a name, so you can find it in the list.';
	else if (name.length > TEMPLATE_NAME_MAX)
		errors.name = `Keep the name under ${TEMPLATE_NAME_MAX} characters.`;
	if (!(MESSAGE_MOMENTS as readonly string[]).includes(form.moment))
		errors.moment = 'Choose when this message is for.';
	if (!(MESSAGE_MEDIA as readonly string[]).includes(form.medium))
		errors.medium = 'Choose how it is sent.';
	const subject = form.subject.trim();
	if (subject.length > TEMPLATE_SUBJECT_MAX)
		errors.subject = `Keep the subject under ${TEMPLATE_SUBJECT_MAX} characters.`;
	const body = form.body.replace(/\s+$/, '');
	if (!body.trim()) errors.body = 'Write the message itself.';
	else if (body.length > TEMPLATE_BODY_MAX)
		errors.body = `Keep the message under ${TEMPLATE_BODY_MAX.toLocaleString('en')} characters.`;
	const unknown = [...new Set([...unknownWords(subject), ...unknownWords(body)])];
	if (unknown.length && !errors.body)
		errors.body = `Kith cannot fill ${unknown.map((w) => `{${w}}`).join(', ')}: check the spelling against the list below, or take the braces away.`;
	if (Object.keys(errors).length) return { ok: false, errors };
	const medium = form.medium as MessageMedium;
	return {
		ok: true,
		value: {
			name,
			moment: form.moment as MessageMoment,
			medium,
			...(medium === 'email' && subject ? { subject } : {}),
			body
		}
	};
}
