/**
 * The browser's storage figures (used, quota, whether Kith's data is kept for good) and the request
 * to keep it. Reads only what the browser reports; stores nothing.
 */
export interface StorageStatus {
	usedBytes?: number;
	quotaBytes?: number;
	persisted?: boolean;
	/** False where the browser has no Storage API (the figures above are then unknown). */
	supported: boolean;
}

export async function storageStatus(): Promise<StorageStatus> {
	const storage = navigator.storage;
	if (!storage?.estimate) return { supported: false };
	const [estimate, persisted] = await Promise.all([
		storage.estimate(),
		storage.persisted ? storage.persisted() : Promise.resolve(undefined)
	]);
	return { supported: true, usedBytes: estimate.usage, quotaBytes: estimate.quota, persisted };
}

/** Asks the browser not to clear Kith's storage under pressure; true when granted. */
export async function requestPersistence(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export function formatBytes(bytes: number | undefined): string {
	if (bytes === undefined) return 'unknown';
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let n = bytes / 1024;
	let i = 0;
	while (n >= 1024 && i < units.length - 1) {
		n /= 1024;
		i++;
	}
	return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[i]}`;
}
