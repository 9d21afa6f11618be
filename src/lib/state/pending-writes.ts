/**
 * Every write still waiting (a form's draft on its way to IndexedDB, an interview note waiting for
 * typing to pause), and what happens to them when the page goes away: on `pagehide` and on
 * `visibilitychange` to hidden each is kept in localStorage at once and written out.
 */

export interface PendingWrites {
	/**
	 * Keeps what is not stored yet in localStorage, synchronously: an IndexedDB write begun while
	 * the page is closing may never commit, and the next page load reads this copy instead.
	 */
	stash(): void;
	/** Writes what is waiting now. */
	flush(): Promise<void>;
}

const writers = new Set<PendingWrites>();
let listening = false;

function hide(): void {
	for (const w of writers) {
		try {
			w.stash();
		} catch {
			// Storage full or refused: the write below may still land.
		}
		void w.flush().catch(() => {});
	}
}

function listen(): void {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	// pagehide is the last event a closing, reloading or navigating-away page reliably gets;
	// a phone may kill a hidden app without one, so hidden counts as closing too.
	window.addEventListener('pagehide', hide);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') hide();
	});
}

/** Registers a writer until the returned function is called. */
export function trackPendingWrites(writer: PendingWrites): () => void {
	writers.add(writer);
	listen();
	return () => writers.delete(writer);
}

/** Waits until everything waiting is stored (before leaving a page, or an update's reload). */
export async function flushPendingWrites(): Promise<void> {
	await Promise.all([...writers].map((w) => w.flush().catch(() => {})));
}
