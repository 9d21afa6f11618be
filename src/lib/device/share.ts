/**
 * The phone's share sheet (Web Share with files or text), where the browser has one, and the
 * clipboard. Callers fall back to a download, or to copying, when it is not there.
 */

/**
 * Offers the files to the share sheet. True when the sheet took them or the user closed it
 * (closing is a choice, not a failure); false when there is no sheet for files or it failed.
 */
export async function shareFiles(files: File[], title: string): Promise<boolean> {
	if (!navigator.canShare?.({ files })) return false;
	try {
		await navigator.share({ files, title });
		return true;
	} catch (error) {
		return (error as { name?: string } | null)?.name === 'AbortError';
	}
}

/** True when the browser has a share sheet for text. */
export function canShareText(): boolean {
	return typeof navigator.share === 'function';
}

/**
 * Offers a message to the share sheet. True when the sheet took it or the user closed it; false
 * when there is no sheet or it failed (the caller then offers copying).
 */
export async function shareText(text: string, title: string): Promise<boolean> {
	if (!canShareText()) return false;
	try {
		await navigator.share({ text, title });
		return true;
	} catch (error) {
		return (error as { name?: string } | null)?.name === 'AbortError';
	}
}

/** Copies text to the clipboard; false when the browser refused (no permission, no clipboard). */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
