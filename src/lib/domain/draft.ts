/**
 * Unsaved form values, as the `drafts` table stores them: the schema and its type.
 */
import { z } from 'zod/mini';
import { timestampSchema } from './dates';
import { exceedsBounds, type JsonBounds } from './json-bounds';

/**
 * The most a form's unsaved values can be. The largest form (an edit of a pitch or a contact with
 * a full 100,000-character text, which keeps the text it was opened on and, in a conflict, the
 * text saved elsewhere: three copies) stays inside, and the deepest (a shared card kept aside on
 * Capture) is five levels. A draft beyond these is not something Kith writes, and would freeze the
 * form it fills.
 */
export const DRAFT_BOUNDS: JsonBounds = { maxDepth: 6, maxChars: 400_000 };

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
