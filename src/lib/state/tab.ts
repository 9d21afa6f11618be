/**
 * This tab's identity, for drafts that belong to one tab: an id kept in sessionStorage (so it
 * survives a reload, not a closed tab) and a Web Lock named after it, held while the page lives, so
 * another tab can tell a draft whose tab is gone (free to adopt) from one still being typed in.
 */

const SESSION_KEY = 'kith:tab';
const LOCK_PREFIX = 'kith:tab:';
/**
 * How long a tab waits for its own id's lock before taking a new id. A reload gets the lock as soon
 * as the old page has let go; a duplicated tab (which copies sessionStorage) never does.
 */
const RELOAD_GRACE_MS = 1500;

function newId(): string {
	return crypto.randomUUID().slice(0, 13);
}

/** Holds the lock until the page goes away; resolves whether it was granted. */
function hold(id: string, wait: boolean): Promise<boolean> {
	return new Promise((granted, failed) => {
		const options: LockOptions = wait
			? { signal: AbortSignal.timeout(RELOAD_GRACE_MS) }
			: { ifAvailable: true };
		navigator.locks
			.request(LOCK_PREFIX + id, options, (lock) => {
				granted(lock !== null);
				// Never released: the browser frees it when the page is gone.
				return lock ? new Promise<never>(() => {}) : undefined;
			})
			.catch((e: unknown) => {
				if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'))
					granted(false);
				else failed(e);
			});
	});
}

async function claim(): Promise<string> {
	let stored: string | null = null;
	try {
		stored = sessionStorage.getItem(SESSION_KEY);
	} catch {
		// No sessionStorage: this page gets an id of its own.
	}
	let id = stored ?? newId();
	if (typeof navigator !== 'undefined' && navigator.locks) {
		try {
			const mine = (await hold(id, false)) || (stored !== null && (await hold(id, true)));
			if (!mine) {
				id = newId();
				await hold(id, false);
			}
		} catch {
			// Locks refused: the id still keeps this tab's drafts apart.
		}
	}
	try {
		sessionStorage.setItem(SESSION_KEY, id);
	} catch {
		// Kept for this page only.
	}
	return id;
}

let claiming: Promise<string> | undefined;
let known: string | undefined;

/** This tab's id, once the tab holds it. */
export function tabId(): Promise<string> {
	return (claiming ??= claim().then((id) => (known = id)));
}

/** This tab's id if it is settled already (every form after the first), without waiting. */
export function knownTabId(): string | undefined {
	return known;
}

/**
 * The ids of the tabs open now (each holds its lock), or undefined where the browser cannot say:
 * then no other tab's draft counts as left behind.
 */
export async function liveTabs(): Promise<Set<string> | undefined> {
	if (typeof navigator === 'undefined' || !navigator.locks) return undefined;
	try {
		const { held = [] } = await navigator.locks.query();
		return new Set(
			held.flatMap((l) =>
				l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : []
			)
		);
	} catch {
		return undefined;
	}
}
