import { describe, expect, it } from 'vitest';
import { BACKUP_DUE_DAYS, REMINDER_SNOOZE_DAYS, backupReminderDue } from './backup-reminder';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2025, 5, 20, 12);

describe('backupReminderDue', () => {
	it('stays quiet while there is nothing to lose', () => {
		expect(backupReminderDue({ contacts: 0, now })).toBe(false);
		expect(backupReminderDue({ contacts: 0, lastBackupAt: now - 100 * DAY, now })).toBe(false);
	});

	it('asks when there are contacts and never was a backup', () => {
		expect(backupReminderDue({ contacts: 1, now })).toBe(true);
	});

	it('asks once the last backup is two weeks old, not before', () => {
		const justUnder = now - BACKUP_DUE_DAYS * DAY + 1;
		const exactly = now - BACKUP_DUE_DAYS * DAY;
		expect(backupReminderDue({ contacts: 5, lastBackupAt: now, now })).toBe(false);
		expect(backupReminderDue({ contacts: 5, lastBackupAt: justUnder, now })).toBe(false);
		expect(backupReminderDue({ contacts: 5, lastBackupAt: exactly, now })).toBe(true);
		expect(backupReminderDue({ contacts: 5, lastBackupAt: now - 60 * DAY, now })).toBe(true);
	});

	it('treats a backup time in the future as recent', () => {
		expect(backupReminderDue({ contacts: 5, lastBackupAt: now + 3 * DAY, now })).toBe(false);
	});

	it('keeps away for a week after "not now", then asks again', () => {
		const snoozed = { contacts: 3, now };
		expect(backupReminderDue({ ...snoozed, dismissedAt: now - DAY })).toBe(false);
		expect(
			backupReminderDue({ ...snoozed, dismissedAt: now - REMINDER_SNOOZE_DAYS * DAY + 1 })
		).toBe(false);
		expect(backupReminderDue({ ...snoozed, dismissedAt: now - REMINDER_SNOOZE_DAYS * DAY })).toBe(
			true
		);
	});

	it('a dismissal does not matter once a fresh backup exists', () => {
		expect(
			backupReminderDue({ contacts: 3, lastBackupAt: now - DAY, dismissedAt: now - 30 * DAY, now })
		).toBe(false);
	});
});
