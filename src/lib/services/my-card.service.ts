/**
 * Saving the user's own card: the form (parsed by domain/my-card) becomes the `myCard` setting in
 * one write. `myCard` at the end is bound to the app's database for the page; the functions above
 * it take a database so tests can pass their own.
 */
import { getDb, read, write, type KithDB } from '$lib/db';
import {
	parseMyCardForm,
	type MyCard,
	type MyCardForm,
	type MyCardResult
} from '$lib/domain/my-card';

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

/** The card bound to the app's database, for the page. */
export const myCard = {
	get: () => readMyCard(getDb()),
	save: (form: MyCardForm) => saveMyCard(getDb(), form)
};
