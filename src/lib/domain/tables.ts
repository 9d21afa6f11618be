/**
 * Kith's tables as the domain sees them: their names, the record type and schema of each, and its
 * primary key. The database, the backup file and the upgrade checks all follow this one list.
 */
import type { z } from 'zod/mini';
import { contactSchema, type Contact } from './contact';
import { contactExtraSchema, type ContactExtra } from './contact-extra';
import { draftSchema, type Draft } from './draft';
import { touchpointSchema, type Touchpoint } from './touchpoint';
import { interviewSchema, questionSchema, type Interview, type Question } from './interview';
import {
	pitchSchema,
	recordingSchema,
	rehearsalSchema,
	type Pitch,
	type Recording,
	type Rehearsal
} from './pitch';
import { settingRowSchema, type SettingRow } from './setting';
import { messageTemplateSchema, type MessageTemplate } from './message-template';

/**
 * Every table, in the order a snapshot or a backup is read and written. Touchpoints are stored as
 * `interactions`: the IndexedDB store and the backup's key kept their first name, since renaming
 * them would take a database version and a backup format of their own.
 */
export const TABLES = [
	'contacts',
	'interactions',
	'pitches',
	'rehearsals',
	'recordings',
	'interviews',
	'questions',
	'drafts',
	'settings',
	'contactExtras',
	'templates'
] as const;
export type TableName = (typeof TABLES)[number];

/** The records of every table (contacts without their derived search words). */
export interface Tables {
	contacts: Contact[];
	interactions: Touchpoint[];
	pitches: Pitch[];
	rehearsals: Rehearsal[];
	recordings: Recording[];
	interviews: Interview[];
	questions: Question[];
	drafts: Draft[];
	settings: SettingRow[];
	contactExtras: ContactExtra[];
	templates: MessageTemplate[];
}

/** The schema every row of each table must satisfy, the single source of truth for its shape. */
export const TABLE_SCHEMAS: Record<TableName, z.ZodMiniType> = {
	contacts: contactSchema,
	interactions: touchpointSchema,
	pitches: pitchSchema,
	rehearsals: rehearsalSchema,
	recordings: recordingSchema,
	interviews: interviewSchema,
	questions: questionSchema,
	drafts: draftSchema,
	settings: settingRowSchema,
	contactExtras: contactExtraSchema,
	templates: messageTemplateSchema
};

export const PRIMARY_KEYS: Record<TableName, 'id' | 'key' | 'contactId'> = {
	contacts: 'id',
	interactions: 'id',
	pitches: 'id',
	rehearsals: 'id',
	recordings: 'id',
	interviews: 'id',
	questions: 'id',
	drafts: 'key',
	settings: 'key',
	contactExtras: 'contactId',
	templates: 'id'
};
