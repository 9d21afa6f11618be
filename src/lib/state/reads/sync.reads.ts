// What the sync settings and Today show of sync: its state on this device, read from the sync
// tables (the engine writes its status there, so every tab sees it).
import type { SyncConfig, SyncStatus } from '$lib/sync/config';
import type { SyncView } from '$lib/domain/sync-view';
import type { Query } from './query';

export const syncView: Query<SyncView> = async (r) => {
	const config = await r.syncState.read<SyncConfig>('config');
	const status = await r.syncState.read<SyncStatus>('status');
	const backups = (await r.syncBackups.newest()).map(({ id, at, reason }) => ({ id, at, reason }));
	if (!config)
		return {
			on: false,
			phase: 'off',
			lastSyncedAt: null,
			waiting: 0,
			problem: null,
			held: 0,
			pausedDeletes: null,
			backups
		};
	return {
		on: true,
		server: config.server,
		username: config.username,
		phase: status?.phase ?? 'starting',
		lastSyncedAt: status?.lastSyncedAt ?? null,
		waiting: await r.syncOutbox.count(),
		problem: status?.problem ?? null,
		held: await r.syncHeld.count(),
		pausedDeletes: status?.pausedDeletes ?? null,
		backups
	};
};

/** What Today points out about sync: only what needs the person. */
export interface SyncNeeds {
	conflicts: number;
	pausedDeletes: number;
	held: number;
}

export const syncNeeds: Query<SyncNeeds> = async (r) => {
	const status = await r.syncState.read<SyncStatus>('status');
	return {
		conflicts: await r.conflicts.count(),
		pausedDeletes: status?.pausedDeletes?.count ?? 0,
		held: await r.syncHeld.count()
	};
};
