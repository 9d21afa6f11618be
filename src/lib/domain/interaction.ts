import { z } from 'zod/mini';
import { isoDateSchema, timestampSchema } from './dates';
import { idSchema } from './ids';
import { longText } from './text';

export const CHANNELS = [
	'in-person',
	'call',
	'video',
	'email',
	'message',
	'social',
	'event'
] as const;
export const OUTCOMES = [
	'inside-info',
	'job-search-advice',
	'resume-tips',
	'portfolio-tips',
	'names',
	'interview',
	'job-offer',
	'other'
] as const;

/** One touchpoint with a contact: what happened, what came of it, what was offered back. */
export const interactionSchema = z.strictObject({
	id: idSchema,
	contactId: idSchema,
	on: isoDateSchema,
	channel: z.enum(CHANNELS),
	summary: longText,
	received: z.array(z.enum(OUTCOMES)),
	gave: z.optional(longText),
	followUpOn: z.optional(isoDateSchema),
	followUpDone: z.boolean(),
	createdAt: timestampSchema,
	updatedAt: timestampSchema,
	deletedAt: z.optional(timestampSchema)
});
export type Interaction = z.infer<typeof interactionSchema>;
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export const channelSchema = z.enum(CHANNELS);
