/**
 * Settings, as the `settings` table stores them (one row per key): the schema of each key's
 * value, and of the row.
 */
import { z } from 'zod/mini';
import { timestampSchema } from './dates';
import { idSchema } from './ids';
import { emailSchema, httpUrlSchema, phoneSchema, shortText } from './text';

/** The user's own card, shown to others as a QR code. */
export const myCardSchema = z.object({
	name: shortText,
	headline: z.optional(shortText),
	email: z.optional(emailSchema),
	phone: z.optional(phoneSchema),
	links: z.array(httpUrlSchema)
});

/**
 * Settings are one row per key so each can change on its own; the value schema depends on the key.
 */
export const settingSchemas = {
	myCard: myCardSchema,
	wordsPerMinute: z.number().check(z.gte(60), z.lte(300)),
	lastBackupAt: timestampSchema,
	sampleContactIds: z.array(idSchema),
	/** What the sample data added besides people (pitches and their rehearsals, interviews, questions). */
	sampleRecordIds: z.object({
		pitches: z.array(idSchema),
		rehearsals: z.array(idSchema),
		interviews: z.array(idSchema),
		questions: z.array(idSchema)
	}),
	persistAsked: z.boolean(),
	/** When Today's "Install Kith" suggestion was dismissed on this device. */
	installDismissedAt: timestampSchema,
	/** Give-back nudges dismissed: contact id -> the touchpoint the nudge was about. */
	giveBackDismissed: z.record(idSchema, idSchema),
	/**
	 * This device's daily notification of what is due: turned on, and when Today's offer of it was
	 * last set aside. The service worker reads it; settings never sync, so each phone decides.
	 */
	reminders: z.object({
		notify: z.boolean(),
		askDismissedAt: z.optional(timestampSchema)
	})
} as const;
export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const settingRowSchema = z.strictObject({
	key: z.enum(Object.keys(settingSchemas) as [SettingKey, ...SettingKey[]]),
	value: z.unknown()
});
export type SettingRow = z.infer<typeof settingRowSchema>;
