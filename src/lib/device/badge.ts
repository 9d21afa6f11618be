/**
 * The installed app's icon badge (the Badging API): a number, or none. Where the browser has no
 * badge (Firefox, Safari outside an installed app), nothing happens and nothing is said. Stores
 * nothing.
 */

interface Badging {
	setAppBadge?: (contents?: number) => Promise<void>;
	clearAppBadge?: () => Promise<void>;
}

/** Shows `n` on the app's icon, or clears it at 0. Quiet where badges are not offered. */
export async function showBadge(n: number, nav: Badging = navigator as Badging): Promise<void> {
	try {
		if (n > 0) await nav.setAppBadge?.(n);
		else await nav.clearAppBadge?.();
	} catch {
		// Refused (not installed, no permission): the badge is a nicety, Today still says it all.
	}
}
