// A first visit has no database yet, and a person who has not added anyone yet has no contact:
// either way Today can greet them at once instead of waiting for the database code to load (the
// greeting is the first screen's largest text).
import { peekNoContacts } from '$lib/db/peek-contacts';

/** True only when there is surely no contact yet; false when unsure or unreadable. */
export function isFirstRun(): Promise<boolean> {
	return peekNoContacts().catch(() => false);
}
