/**
 * What the Sync settings show: the state module fills a SyncView, the panel draws it. Here, not in
 * the component, so that state can build one without importing a component.
 */
import { dayMonthYear } from './day-format';
import { count } from './plural';

export type SyncPhase = 'off' | 'starting' | 'syncing' | 'idle' | 'offline' | 'problem' | 'paused';

/** Why Kith copied this device's data before a sync step. */
export type SyncBackupReason = 'first-sync' | 'mass-delete' | 'join';

export interface SyncBackup {
	id: string;
	/** When it was made, epoch ms. */
	at: number;
	reason: SyncBackupReason;
}

export interface SyncView {
	on: boolean;
	server?: string;
	username?: string;
	phase: SyncPhase;
	/** Epoch ms of the last round that finished, or null before the first. */
	lastSyncedAt: number | null;
	/** Local changes not yet on the server. */
	waiting: number;
	/** The last problem, in plain words. */
	problem: string | null;
	/** Documents held back because a newer Kith wrote them. */
	held: number;
	/** A round that would delete many records here, paused until the person answers. */
	pausedDeletes: { count: number } | null;
	backups: SyncBackup[];
	/** Whether recordings come to this device; absent means yes. */
	recordings?: boolean;
}

/** Sync as a device without it sees it: off, nothing waiting, no copies made. */
export const SYNC_OFF: SyncView = {
	on: false,
	phase: 'off',
	lastSyncedAt: null,
	waiting: 0,
	problem: null,
	held: 0,
	pausedDeletes: null,
	backups: []
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "2 minutes ago", "3 hours ago", "yesterday", "4 days ago", then "on 3 May 2025". A
 * time ahead of `now` (another device's clock, a clock put back) reads as just now, not "in 2
 * minutes".
 */
export function timeAgo(at: number, now: number): string {
	const ago = now - at;
	if (ago < MINUTE) return 'just now';
	if (ago < HOUR) return `${count(Math.floor(ago / MINUTE), 'minute', 'minutes')} ago`;
	if (ago < DAY) return `${count(Math.floor(ago / HOUR), 'hour', 'hours')} ago`;
	const days = Math.floor(ago / DAY);
	if (days === 1) return 'yesterday';
	if (days < 14) return `${days} days ago`;
	return `on ${dayMonthYear().format(at)}`;
}

/** The status line under the account: "Last synced 2 minutes ago" or "Not synced yet". */
export function lastSyncedLine(lastSyncedAt: number | null, now: number): string {
	return lastSyncedAt === null ? 'Not synced yet' : `Last synced ${timeAgo(lastSyncedAt, now)}`;
}

export const BACKUP_REASONS: Record<SyncBackupReason, string> = {
	'first-sync': 'Before the first sync on this device',
	'mass-delete': 'Before deleting records that were deleted on another device',
	join: 'Before joining the data of another device'
};
