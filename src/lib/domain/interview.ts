/**
 * Informational interviews and the question bank, as the `interviews` and `questions` tables store
 * them: the schemas every write and restore is checked against, and their types.
 */
import { z } from 'zod/mini';
import { isoDateSchema, timestampSchema } from './dates';
import { versionSchema } from './stamp';
import { idSchema } from './ids';
import { OUTCOMES } from './touchpoint';
import { longText, shortText } from './text';

export const QUESTION_CATEGORIES = [
	'path',
	'job',
	'field',
	'organization',
	'skills',
	'advice',
	'referrals'
] as const;
export const questionCategorySchema = z.enum(QUESTION_CATEGORIES);

/** A question in the bank: built-in ones ship with the app, the user's own can be archived. */
export const questionSchema = z.strictObject({
	id: idSchema,
	category: questionCategorySchema,
	text: z.string().check(z.minLength(1), z.maxLength(5000)),
	builtIn: z.boolean(),
	archived: z.optional(z.boolean()),
	createdAt: timestampSchema,
	updatedAt: timestampSchema,
	version: versionSchema
});
export type Question = z.infer<typeof questionSchema>;

/** An informational interview, from plan to thank-you. */
export const interviewSchema = z.strictObject({
	id: idSchema,
	contactId: idSchema,
	organization: z.optional(shortText),
	scheduledAt: z.optional(timestampSchema),
	durationMinutes: z.optional(z.int().check(z.gte(1), z.lte(600))),
	mode: z.enum(['in-person', 'phone', 'video']),
	place: z.optional(shortText),
	goal: z.optional(longText),
	status: z.enum(['planned', 'done', 'cancelled']),
	questions: z.array(
		z.object({
			questionId: z.optional(idSchema),
			text: z.string().check(z.maxLength(5000)),
			category: z.optional(questionCategorySchema),
			answer: z.optional(longText)
		})
	),
	notes: z.optional(longText),
	thankYouSentOn: z.optional(isoDateSchema),
	followUpOn: z.optional(isoDateSchema),
	referralIds: z.array(idSchema),
	// Added after version 1 shipped: all optional, so older rows and backups stay valid.
	/** Preparation steps ticked off (the thank-you step is `thankYouSentOn`). */
	prepared: z.optional(z.array(z.enum(['research', 'pitch', 'questions']))),
	/** The one-minute commercial to rehearse before going. */
	pitchId: z.optional(idSchema),
	/** Where a run stopped, so it resumes on that question. */
	currentIndex: z.optional(z.int().check(z.gte(0))),
	/** When the run first started, for the elapsed time against the planned length. */
	startedAt: z.optional(timestampSchema),
	/** What came of it, as on touchpoints; set by the debrief. */
	outcomes: z.optional(z.array(z.enum(OUTCOMES))),
	/** The touchpoint the debrief logged on the contact, updated when the debrief is redone. */
	interactionId: z.optional(idSchema),
	createdAt: timestampSchema,
	updatedAt: timestampSchema,
	version: versionSchema,
	deletedAt: z.optional(timestampSchema)
});
export type Interview = z.infer<typeof interviewSchema>;
export type InterviewMode = Interview['mode'];
export type InterviewStatus = Interview['status'];
export type PrepStep = NonNullable<Interview['prepared']>[number];
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];
