// The Settings screens' own reads (the counts and dates beside them are in common.reads.ts).
import type { SettingValue } from '$lib/domain/setting';
import type { Query } from './query';

/** The user's own card, as last saved. */
export const savedMyCard: Query<SettingValue<'myCard'> | undefined> = (r) =>
	r.settings.get('myCard');

/** This device's daily notification choice. */
export const remindersSetting: Query<SettingValue<'reminders'> | undefined> = (r) =>
	r.settings.get('reminders');
