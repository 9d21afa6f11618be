/**
 * A "Changed on two devices" card: one field of one record that two devices changed differently
 * before either saw the other's change. The record already holds one value everywhere (`kept`);
 * the card keeps the other (`other`) until the person picks. Its id names the record and field, so
 * two devices that settle the same clash make the same card, not two.
 */
import { z } from 'zod/mini';
import { idSchema } from './ids';
import { timestampSchema } from './dates';

export const syncConflictSchema = z.strictObject({
	id: z.string().check(z.minLength(1), z.maxLength(400)),
	table: z.enum([
		'contacts',
		'interactions',
		'pitches',
		'interviews',
		'questions',
		'contactExtras'
	]),
	rowId: idSchema,
	field: z.string().check(z.minLength(1), z.maxLength(100)),
	/** How the choice is offered: long text can also keep both. */
	kind: z.enum(['text', 'long', 'list', 'value']),
	kept: z.unknown(),
	other: z.unknown(),
	at: timestampSchema,
	/** Set when the other device deleted a record that this one had edited: the edit won. */
	revived: z.optional(z.boolean())
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;
export type ConflictTable = SyncConflict['table'];

export function conflictId(table: ConflictTable, rowId: string, field: string): string {
	return `${table}/${rowId}/${field}`;
}
