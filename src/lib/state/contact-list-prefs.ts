/**
 * The Contacts list's sort, remembered on this device in localStorage under `kith:contacts-sort`:
 * a way of looking at the list, not data, so it neither syncs nor goes into backups. The address
 * (?sort=) still wins, so a shared or reloaded link shows the list as it was.
 */
import { parseSort, type ContactSort } from '$lib/domain/contact-list';

const KEY = 'kith:contacts-sort';

/** The sort last chosen on this device, most recent first until one is chosen. */
export function rememberedSort(): ContactSort {
	try {
		return parseSort(localStorage.getItem(KEY), 'recent');
	} catch {
		// Storage can be off (a locked-down browser): the list still sorts, it just forgets.
		return 'recent';
	}
}

export function rememberSort(sort: ContactSort): void {
	try {
		localStorage.setItem(KEY, sort);
	} catch {
		// As above: nothing to keep it in.
	}
}
