/**
 * Saving a file the browser's way: handed to its downloads, as a link with `download` would.
 * Nothing is stored by Kith; the file is the user's from here.
 */

/** Hands `text` to the browser's downloads as `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has taken the file by now; a moment later the memory can go.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
