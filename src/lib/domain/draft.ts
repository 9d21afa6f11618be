/**
 * Unsaved form values, as the `drafts` table stores them: the schema and its type.
 */
import { z } from 'zod/mini';
import { timestampSchema } from './dates';

/** An unsaved form, kept on every change so that nothing typed is lost. */
export const draftSchema = z.strictObject({
	key: z.string().check(z.minLength(1), z.maxLength(200)),
	values: z.record(z.string(), z.unknown()),
	updatedAt: timestampSchema
});
export type Draft = z.infer<typeof draftSchema>;
