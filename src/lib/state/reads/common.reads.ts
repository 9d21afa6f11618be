// Small reads that several screens share (Today, Contacts, Settings, the contact and pitch pages).
import type { Query } from './query';

/** Contacts not in the trash. */
export const contactCount: Query<number> = (r) => r.contacts.countLive();

/** Whether the sample contacts are on the device (their ids are kept in the settings). */
export const sampleDataPresent: Query<boolean> = async (r) =>
	((await r.settings.get('sampleContactIds'))?.length ?? 0) > 0;

/** When the last sound backup file was written, if ever. */
export const lastBackupAt: Query<number | undefined> = (r) => r.settings.get('lastBackupAt');

/** Every tag in use, for tag suggestions, in alphabetical order. */
export const tagsInUse: Query<string[]> = (r) => r.contacts.allTags();

/** The speaking rate the user calibrated, if they did. */
export const wordsPerMinute: Query<number | undefined> = (r) => r.settings.get('wordsPerMinute');
