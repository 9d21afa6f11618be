/**
 * Unsaved form values, as the `drafts` table stores them: the schema and its type.
 */
import { z } from 'zod/mini';
import { timestampSchema } from './dates';
import { exceedsBounds, type JsonBounds } from './json-bounds';

/**
 * The most a form's unsaved values can be. The largest form (a contact with a full 100,000-character
 * note, or a debrief) stays well inside, and the deepest (a shared card kept aside on Capture) is
 * five levels. A draft beyond these is not something Kith writes, and would freeze the form it fills.
 */
export const DRAFT_BOUNDS: JsonBounds = { maxDepth: 6, maxChars: 300_000 };

/** An unsaved form, kept on every change so that nothing typed is lost. */
export const draftSchema = z.strictObject({
	key: z.string().check(z.minLength(1), z.maxLength(200)),
	values: z.record(z.string(), z.unknown()).check(
		z.refine(
			(v) => exceedsBounds(v, DRAFT_BOUNDS) !== 'depth',
			`is nested more deeply than any form’s unsaved values (more than ${DRAFT_BOUNDS.maxDepth} levels)`
		),
		z.refine(
			(v) => exceedsBounds(v, DRAFT_BOUNDS) !== 'size',
			`is larger than any form’s unsaved values can be (more than ${DRAFT_BOUNDS.maxChars.toLocaleString('en')} characters)`
		)
	),
	updatedAt: timestampSchema
});
export type Draft = z.infer<typeof draftSchema>;

/**
 * A form's draft is stored per tab, as `<form>@<tab>`: two tabs on the same form never write over
 * each other's typing. A row under the bare form key predates this and belongs to no tab.
 */
export function tabDraftKey(form: string, tab: string): string {
	return `${form}@${tab}`;
}

/**
 * The tab a stored draft of `form` belongs to: '' for a row under the bare form key, undefined
 * when the row is another form's (`capture:shared@…` is not a `capture` draft).
 */
export function draftTab(key: string, form: string): string | undefined {
	if (key === form) return '';
	return key.startsWith(`${form}@`) ? key.slice(form.length + 1) : undefined;
}
