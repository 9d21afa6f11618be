/** The size limit for import files, light enough for the import page to check before reading. */

/** Larger than any address book or network export a person would bring; refused unread. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function tooBigMessage(bytes: number): string {
	const mb = (bytes / (1024 * 1024)).toFixed(1);
	return `This file is ${mb} MB. Kith imports files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, so it was not opened. Export fewer contacts at a time, or check that you picked the right file.`;
}
