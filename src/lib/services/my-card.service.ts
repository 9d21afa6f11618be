/**
 * The user's own card: what the form holds, how it becomes the `myCard` setting (or says, field by
 * field, what is wrong), and the save itself, one write. `myCard` at the end is bound to the app's
 * database for the page; the functions above it take a database so tests can pass their own.
 */
import { getDb, read, write, type KithDB } from '$lib/db';
import { NAME_MAX, normalizeLink } from '$lib/domain/contact';
import { myCardSchema, type SettingValue } from '$lib/domain/setting';
import { emailSchema, httpUrlSchema, phoneSchema } from '$lib/domain/text';

export type MyCard = SettingValue<'myCard'>;

/** The form as typed: every field a string, links one per input. */
export interface MyCardForm {
	name: string;
	headline: string;
	email: string;
	phone: string;
	links: string[];
}

/** Messages keyed by form field (`name`, `email`, `links.1`, ...). */
export type MyCardErrors = Record<string, string>;

export type MyCardResult = { ok: true; value: MyCard } | { ok: false; errors: MyCardErrors };

export function emptyMyCardForm(): MyCardForm {
	return { name: '', headline: '', email: '', phone: '', links: [''] };
}

export function myCardToForm(card: MyCard | undefined): MyCardForm {
	if (!card) return emptyMyCardForm();
	return {
		name: card.name,
		headline: card.headline ?? '',
		email: card.email ?? '',
		phone: card.phone ?? '',
		links: card.links.length ? [...card.links] : ['']
	};
}

const SHORT_MAX = 500;

/** Turns the form into a card, or says precisely what is wrong, with the capture form's words. */
export function parseMyCardForm(form: MyCardForm): MyCardResult {
	const errors: MyCardErrors = {};
	const name = form.name.trim().replace(/\s+/g, ' ');
	if (!name) errors.name = 'Add your name, so people know whose card it is.';
	else if (name.length > NAME_MAX) errors.name = `Keep the name under ${NAME_MAX} characters.`;

	const headline = form.headline.trim().replace(/\s+/g, ' ');
	if (headline.length > SHORT_MAX) errors.headline = 'This is too long; shorten it a little.';

	const email = form.email.trim();
	if (email && !emailSchema.safeParse(email).success) {
		errors.email = 'That email address does not look complete (name@example.org).';
	}
	const phone = form.phone.trim();
	if (phone && !phoneSchema.safeParse(phone).success) {
		errors.phone = 'Use digits, spaces and + ( ) - only.';
	}
	const links: string[] = [];
	form.links.forEach((raw, i) => {
		const v = raw.trim();
		if (!v) return;
		const link = normalizeLink(v);
		if (httpUrlSchema.safeParse(link).success) links.push(link);
		else errors[`links.${i}`] = 'Only web links that start with http:// or https:// can be saved.';
	});
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	// Absent, not undefined: the stored card holds only what the user filled in.
	const card: MyCard = { name, links };
	if (headline) card.headline = headline;
	if (email) card.email = email;
	if (phone) card.phone = phone;
	const checked = myCardSchema.safeParse(card);
	if (!checked.success) return { ok: false, errors: { name: 'This card could not be saved.' } };
	return { ok: true, value: checked.data };
}

export function readMyCard(db: KithDB): Promise<MyCard | undefined> {
	return read(db, ['settings'], (r) => r.settings.get('myCard'));
}

/** Saves the form as the `myCard` setting in one write, or writes nothing and returns the errors. */
export async function saveMyCard(db: KithDB, form: MyCardForm): Promise<MyCardResult> {
	const parsed = parseMyCardForm(form);
	if (!parsed.ok) return parsed;
	await write(db, ['settings'], (r) => r.settings.set('myCard', parsed.value));
	return parsed;
}

/** A file name for the card, e.g. `Ama Mensah.vcf`; what a file system refuses is left out. */
export function myCardFileName(card: Pick<MyCard, 'name'>): string {
	const base = card.name
		.replace(/[\p{Cc}\\/:*?"<>|]/gu, '')
		.replace(/\s+/g, ' ')
		.replace(/^[\s.]+|[\s.]+$/g, '')
		.slice(0, 80);
	return `${base || 'my-card'}.vcf`;
}

/** The card bound to the app's database, for the page. */
export const myCard = {
	get: () => readMyCard(getDb()),
	save: (form: MyCardForm) => saveMyCard(getDb(), form)
};
