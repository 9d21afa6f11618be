/**
 * What the open database tells the shell (another tab upgraded it, an upgrade waits for other
 * tabs). Kept apart from Dexie so the shell can listen before the database code has loaded.
 */
export type DbEvent = 'versionchange' | 'blocked' | 'ready';
const listeners = new Set<(event: DbEvent) => void>();

export function onDbEvent(listener: (event: DbEvent) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function emitDbEvent(event: DbEvent): void {
	for (const l of listeners) l(event);
}
