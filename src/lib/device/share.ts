/**
 * The phone's share sheet (Web Share with files), where the browser has one. Callers fall back
 * to a download when it is not there.
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
