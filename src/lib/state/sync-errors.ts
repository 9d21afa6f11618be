// A failed sync action (turning on, joining, turning off) in the words the Sync panel shows.
import { describeSyncFailure } from '$lib/sync/errors';

export function describeSyncError(error: unknown): string {
	return describeSyncFailure(error, { online: navigator.onLine }).message;
}
