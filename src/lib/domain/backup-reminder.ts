/**
 * When Today asks the user to back up: only once there is something to lose (at least one
 * contact), when the last backup is two weeks old or there never was one, and not within a week
 * of the user saying "not now".
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** A backup older than this is worth renewing. */
export const BACKUP_DUE_DAYS = 14;
/** "Not now" keeps the reminder away this long. */
export const REMINDER_SNOOZE_DAYS = 7;

export interface BackupReminderInput {
	/** Contacts in the list (not in the trash). */
	contacts: number;
	/** When the last backup was made, if ever (ms since the epoch). */
	lastBackupAt?: number;
	/** When the reminder was last dismissed, if ever. */
	dismissedAt?: number;
	now: number;
}

export function backupReminderDue({
	contacts,
	lastBackupAt,
	dismissedAt,
	now
}: BackupReminderInput): boolean {
	if (contacts < 1) return false;
	// A time in the future (a clock that was wrong) counts as recent, never as overdue forever.
	if (lastBackupAt !== undefined && now - lastBackupAt < BACKUP_DUE_DAYS * DAY_MS) return false;
	if (dismissedAt !== undefined && now - dismissedAt < REMINDER_SNOOZE_DAYS * DAY_MS) return false;
	return true;
}
