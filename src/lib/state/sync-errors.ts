// A failed sync action (turning on, joining, turning off) in the words the Sync panel shows.
import { describeSyncFailure, SyncError } from '$lib/sync/errors';

export function describeSyncError(error: unknown): string {
	const failure = describeSyncFailure(error, { online: navigator.onLine });
	// What Kith could not name is kept for whoever looks at the browser's console.
	if (!(error instanceof SyncError) && failure.kind === 'server-error') console.error(error);
	return failure.message;
}
