/**
 * Message templates, as the `templates` table stores them: the moments a message is for, how it
 * is sent, and the schema of a stored template. A built-in template lives in code
 * (message-builtins.ts) and is stored only once the person changes it, under its own id; a
 * template of their own is stored from the start under a random id.
 */
import { z } from 'zod/mini';
import { timestampSchema } from './dates';
import { idSchema } from './ids';
import { versionSchema } from './stamp';

/** The moments the seeds describe, in the order the screens list them. */
export const MESSAGE_MOMENTS = [
	'ask-interview',
	'thank-you',
	'referral',
	'ask-intro',
	'keep-in-touch',
	'tell-helper'
] as const;
export type MessageMoment = (typeof MESSAGE_MOMENTS)[number];

export const MOMENT_LABELS: Record<MessageMoment, string> = {
	'ask-interview': 'Ask for an informational interview',
	'thank-you': 'Thank them after an interview',
	referral: 'Follow up on a referral',
	'ask-intro': 'Ask for an introduction',
	'keep-in-touch': 'Keep in touch',
	'tell-helper': 'Tell them what came of their help'
};

/** How a message goes out: an email (with a subject), a text message, or a script for a call. */
export const MESSAGE_MEDIA = ['email', 'message', 'call'] as const;
export type MessageMedium = (typeof MESSAGE_MEDIA)[number];

export const MEDIUM_LABELS: Record<MessageMedium, string> = {
	email: 'Email',
	message: 'Text message',
	call: 'Phone script'
};

export const TEMPLATE_NAME_MAX = 120;
export const TEMPLATE_SUBJECT_MAX = 300;
export const TEMPLATE_BODY_MAX = 10_000;

export const messageTemplateSchema = z.strictObject({
	id: idSchema,
	moment: z.enum(MESSAGE_MOMENTS),
	medium: z.enum(MESSAGE_MEDIA),
	name: z.string().check(z.minLength(1), z.maxLength(TEMPLATE_NAME_MAX)),
	subject: z.optional(z.string().check(z.maxLength(TEMPLATE_SUBJECT_MAX))),
	body: z.string().check(z.minLength(1), z.maxLength(TEMPLATE_BODY_MAX)),
	createdAt: timestampSchema,
	updatedAt: timestampSchema,
	version: versionSchema,
	/** An own template in the trash, so a delete can be undone. */
	deletedAt: z.optional(timestampSchema)
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/** A template's wording, stored or built in, without its stamps. */
export type TemplateText = Pick<MessageTemplate, 'moment' | 'medium' | 'name' | 'subject' | 'body'>;

/** The ids of built-in templates start with this, so a stored one is known as a changed built-in. */
export const BUILT_IN_PREFIX = 'builtin:';

export function isBuiltInId(id: string): boolean {
	return id.startsWith(BUILT_IN_PREFIX);
}

/**
 * A message being written, as its draft keeps it: the template it started from, and its words
 * once the person has edited them (until then the page shows the template freshly filled).
 */
export const messageDraftSchema = z.object({
	templateId: z.string(),
	subject: z.string(),
	body: z.string(),
	edited: z.boolean()
});
export type MessageDraft = z.infer<typeof messageDraftSchema>;

export const BLANK_MESSAGE: MessageDraft = { templateId: '', subject: '', body: '', edited: false };

/** The draft key of a message: one per contact, moment and interview. */
export function messageDraftKey(contactId: string, moment: string, interviewId?: string): string {
	return `message:${contactId}:${moment}${interviewId ? `:${interviewId}` : ''}`;
}
