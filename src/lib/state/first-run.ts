// A first visit has no database yet: Today can greet the person at once instead of waiting for the
// database code to load and create it (the greeting is the first screen's largest text).
import { peekNoDatabase } from '$lib/db/peek';

/** True only when there is surely no data yet; false when unsure or unreadable. */
export function isFirstRun(): Promise<boolean> {
	return peekNoDatabase().catch(() => false);
}
