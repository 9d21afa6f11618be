/**
 * Touchpoints (a call, a message, a meeting with a contact), as the `interactions` table stores
 * them: the schema, its channels and outcomes, and their labels.
 */
import { z } from 'zod/mini';
import { isoDateSchema, timestampSchema } from './dates';
import { versionSchema } from './stamp';
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
export const touchpointSchema = z.strictObject({
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
	version: versionSchema,
	deletedAt: z.optional(timestampSchema)
});
export type Touchpoint = z.infer<typeof touchpointSchema>;
export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];

/** How a touchpoint happened, in the words of the form, the timeline and the CSV export. */
export const CHANNEL_LABELS: Record<Channel, string> = {
	'in-person': 'In person',
	call: 'Call',
	video: 'Video',
	email: 'Email',
	message: 'Message',
	social: 'Social media',
	event: 'Event'
};

/**
 * What came of a touchpoint, in the words of every screen and export. They read in a sentence
 * too: "Maya gave you an interview, resume tips".
 */
export const OUTCOME_LABELS: Record<Outcome, string> = {
	'inside-info': 'Inside information',
	'job-search-advice': 'Job-search advice',
	'resume-tips': 'Resume tips',
	'portfolio-tips': 'Portfolio tips',
	names: 'Names to contact',
	interview: 'An interview',
	'job-offer': 'A job offer',
	other: 'Something else'
};
export const channelSchema = z.enum(CHANNELS);
