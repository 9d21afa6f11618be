/**
 * Words and small browser chores for backing up and restoring: what a backup file holds, what a
 * restore changed, what went wrong, and the Today reminder's "not now" (kept in localStorage under
 * `kith.backupReminderDismissedAt`). Saving the file is device/download.
 * Types only from the backup code, which loads when a backup or restore is asked for.
 */
import type { ParsedBackup, RestoreCounts } from '$lib/services/backup.service';
import { describeActionError } from '$lib/services/errors';
import { BackupError } from '$lib/io/backup-errors';
import { count } from '$lib/domain/plural';

type TableName = keyof RestoreCounts;

const TABLE_LABELS: Record<TableName, [one: string, many: string]> = {
	contacts: ['contact', 'contacts'],
	interactions: ['touchpoint', 'touchpoints'],
	pitches: ['pitch', 'pitches'],
	rehearsals: ['rehearsal', 'rehearsals'],
	recordings: ['recording', 'recordings'],
	interviews: ['interview', 'interviews'],
	questions: ['question', 'questions'],
	drafts: ['unsaved form', 'unsaved forms'],
	settings: ['setting', 'settings'],
	contactExtras: ['contact’s extra vCard details', 'contacts’ extra vCard details'],
	templates: ['message template', 'message templates']
};

export function countOf(n: number, table: TableName): string {
	const [one, many] = TABLE_LABELS[table];
	return count(n, one, many);
}

export interface BackupPreview {
	/** Contacts in the list, and those in the trash, as the file holds them. */
	contacts: number;
	trashed: number;
	/** "4 touchpoints", "2 pitches", ... for the other tables that hold anything. */
	others: string[];
	exportedAt?: string;
	appVersion?: string;
	encrypted: boolean;
}

export function previewBackup(parsed: ParsedBackup): BackupPreview {
	const { tables } = parsed;
	const trashed = tables.contacts.filter((c) => c.deletedAt !== undefined).length;
	const others = (Object.keys(TABLE_LABELS) as TableName[])
		.filter((t) => t !== 'contacts' && t !== 'settings' && tables[t].length > 0)
		.map((t) => countOf(tables[t].length, t));
	return {
		contacts: tables.contacts.length - trashed,
		trashed,
		others,
		exportedAt: parsed.exportedAt,
		appVersion: parsed.appVersion,
		encrypted: parsed.encrypted
	};
}

/** "12 June 2025, 14:05", or the raw text when it is not a date. */
export function formatWhen(when: string | number): string {
	const date = new Date(when);
	if (Number.isNaN(date.getTime())) return String(when);
	return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * One line per table a restore touched: "Contacts: 30 added, 2 updated, 1 kept yours (the
 * backup’s copy was older), 4 already here".
 */
export function describeCounts(counts: RestoreCounts): string[] {
	return (Object.keys(TABLE_LABELS) as TableName[]).flatMap((t) => {
		const c = counts[t];
		if (!c) return [];
		const parts = [
			c.added && `${c.added} added`,
			c.updated && `${c.updated} updated`,
			c.kept &&
				`${c.kept} kept yours (the backup’s ${c.kept === 1 ? 'copy was' : 'copies were'} older)`,
			c.unchanged && `${c.unchanged} already here`,
			c.removed && `${c.removed} removed`
		].filter(Boolean);
		if (parts.length === 0) return [];
		const label = TABLE_LABELS[t][1];
		return [`${label.charAt(0).toUpperCase()}${label.slice(1)}: ${parts.join(', ')}`];
	});
}

/** A message for a backup or restore that failed; every failure left the data as it was. */
export function describeBackupError(error: unknown): string {
	if (error instanceof BackupError) return error.message;
	return describeActionError(error);
}

/** The same for a file that could not be restored, saying that the phone's data is untouched. */
export function describeRestoreError(error: unknown): string {
	if (error instanceof BackupError && error.code !== 'wrong-passphrase')
		return `${error.message} Nothing on this phone changed.`;
	return describeBackupError(error);
}

export function isNeedsPassphrase(error: unknown): boolean {
	return error instanceof BackupError && error.code === 'needs-passphrase';
}

const DISMISS_KEY = 'kith.backupReminderDismissedAt';

/** When the Today reminder was last put off, if ever; storage that cannot be read counts as never. */
export function reminderDismissedAt(): number | undefined {
	try {
		const raw = localStorage.getItem(DISMISS_KEY);
		const at = raw === null ? NaN : Number(raw);
		return Number.isFinite(at) ? at : undefined;
	} catch {
		return undefined;
	}
}

export function dismissReminder(now = Date.now()): void {
	try {
		localStorage.setItem(DISMISS_KEY, String(now));
	} catch {
		// Without storage the reminder comes back on the next visit; that is all.
	}
}
