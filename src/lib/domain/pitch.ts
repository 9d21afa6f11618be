/**
 * Pitches, their rehearsals and recordings, as the `pitches`, `rehearsals` and `recordings` tables
 * store them: the schemas, with each pitch's spaced-repetition card.
 */
import { z } from 'zod/mini';
import { timestampSchema } from './dates';
import { versionSchema } from './stamp';
import { idSchema } from './ids';
import { longText, shortText } from './text';

/** Spaced-repetition state of a pitch card, as ts-fsrs keeps it (dates as epoch ms). */
export const cardStateSchema = z.object({
	due: timestampSchema,
	stability: z.number(),
	difficulty: z.number(),
	elapsedDays: z.number(),
	scheduledDays: z.number(),
	learningSteps: z.number(),
	reps: z.int(),
	lapses: z.int(),
	state: z.int(),
	lastReview: z.optional(timestampSchema)
});

/**
 * What "Fill in the gaps" hides: the cues' words, every fifth word, or words the user picks. Kept
 * on the pitch once chosen; a pitch without it gets the default of `gapModeOf` (pitch-gaps.ts),
 * worked out when read rather than written in at parse time, so a row from an older device or
 * backup stays exactly as it came.
 */
export const GAP_MODES = ['cues', 'fifth', 'pick'] as const;
export const gapModeSchema = z.enum(GAP_MODES);
export type GapMode = z.infer<typeof gapModeSchema>;

/** A prepared self-introduction, rehearsed as a flashcard. */
export const pitchSchema = z.strictObject({
	id: idSchema,
	title: z.string().check(z.minLength(1), z.maxLength(200)),
	targetSeconds: z.int().check(z.gte(5), z.lte(600)),
	audience: z.optional(shortText),
	text: longText,
	cues: z.array(shortText),
	card: z.optional(cardStateSchema),
	/** Added after version 4 shipped: optional, so older rows, backups and devices stay valid. */
	gaps: z.optional(gapModeSchema),
	createdAt: timestampSchema,
	updatedAt: timestampSchema,
	version: versionSchema,
	deletedAt: z.optional(timestampSchema)
});
export type Pitch = z.infer<typeof pitchSchema>;

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;

/** One timed practice run of a pitch. */
export const rehearsalSchema = z.strictObject({
	id: idSchema,
	pitchId: idSchema,
	at: timestampSchema,
	seconds: z.number().check(z.gte(0)),
	rating: z.enum(RATINGS),
	/** Words in the pitch's text at the time, so the speaking rate can be worked out later. */
	words: z.optional(z.int().check(z.gte(0))),
	recordingId: z.optional(idSchema)
});
export type Rehearsal = z.infer<typeof rehearsalSchema>;

/** Optional audio of a rehearsal, kept as a Blob in IndexedDB. */
export const recordingSchema = z.strictObject({
	id: idSchema,
	pitchId: idSchema,
	blob: z.instanceof(Blob),
	mimeType: z.string().check(z.maxLength(200)),
	durationMs: z.number().check(z.gte(0)),
	createdAt: timestampSchema
});
export type Recording = z.infer<typeof recordingSchema>;
