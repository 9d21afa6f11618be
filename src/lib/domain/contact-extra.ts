/**
 * A contact's extra vCard lines, as the `contactExtras` table stores them: the schema and its type.
 */
import { z } from 'zod/mini';
import { idSchema } from './ids';
import { timestampSchema } from './dates';

/** Lines of one card at most; a real address book card has a few dozen. */
export const EXTRA_LINES_MAX = 1000;
/** One line can hold a photo as base64, so it may be long. */
export const EXTRA_LINE_MAX = 2_000_000;

/**
 * The vCard properties Kith has no field for (photo, address, birthday, ...), kept as the raw
 * unfolded lines they were imported as, so exporting the contact gives them back. One row per
 * contact, apart from the contact so large photos never slow the contact list.
 */
export const contactExtraSchema = z.strictObject({
	contactId: idSchema,
	lines: z
		.array(z.string().check(z.minLength(1), z.maxLength(EXTRA_LINE_MAX)))
		.check(z.maxLength(EXTRA_LINES_MAX)),
	updatedAt: timestampSchema
});
export type ContactExtra = z.infer<typeof contactExtraSchema>;
