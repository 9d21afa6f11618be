import type { z } from 'zod/mini';
import { contactSchema } from '$lib/domain/contact';
import { draftSchema } from '$lib/domain/draft';
import { interactionSchema } from '$lib/domain/interaction';
import { interviewSchema, questionSchema } from '$lib/domain/interview';
import { pitchSchema, recordingSchema, rehearsalSchema } from '$lib/domain/pitch';
import { settingRowSchema } from '$lib/domain/setting';
import type { KithDB } from './database';

/** The schema every row of each table must satisfy, the single source of truth for its shape. */
export const TABLE_SCHEMAS: Record<string, z.ZodMiniType> = {
	contacts: contactSchema,
	interactions: interactionSchema,
	pitches: pitchSchema,
	rehearsals: rehearsalSchema,
	recordings: recordingSchema,
	interviews: interviewSchema,
	questions: questionSchema,
	drafts: draftSchema,
	settings: settingRowSchema
};

export interface InvalidRow {
	table: string;
	key: unknown;
	problem: string;
}

/** Checks every stored row against its schema (after an upgrade, or before trusting a restore). */
export async function findInvalidRows(db: KithDB): Promise<InvalidRow[]> {
	const invalid: InvalidRow[] = [];
	for (const table of db.tables) {
		const schema = TABLE_SCHEMAS[table.name];
		if (!schema) {
			invalid.push({ table: table.name, key: undefined, problem: 'table has no schema' });
			continue;
		}
		await table.each((row: Record<string, unknown>) => {
			// Derived index fields are the database's own, not part of the record.
			const { words: _words, ...record } = row;
			const result = schema.safeParse(table.name === 'contacts' ? record : row);
			if (!result.success)
				invalid.push({
					table: table.name,
					key: row[table.schema.primKey.keyPath as string],
					problem: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
				});
		});
	}
	return invalid;
}
