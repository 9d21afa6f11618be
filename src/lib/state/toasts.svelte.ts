/**
 * The toasts on screen (messages with an optional Undo), held in memory for this tab only, with
 * timers that pause while a pointer or the keyboard focus rests on one.
 */
export interface Toast {
	id: number;
	message: string;
	actionLabel?: string;
	onAction?: () => void | Promise<void>;
	tone: 'info' | 'error';
}

/** Why a toast is held on screen: the pointer rests on it, or keyboard focus is inside it. */
export type ToastHold = 'pointer' | 'focus';

type Hold = ToastHold | 'hidden';

interface Timer {
	/** Pending timeout while running; undefined while held. */
	handle?: ReturnType<typeof setTimeout>;
	/** When the running timer fires (ms since epoch). */
	endsAt: number;
	/** Time left when the toast was last held. */
	remaining: number;
	holds: Set<Hold>;
}

/** After the user lets go of a toast, it stays at least this long so it does not vanish at once. */
const MIN_AFTER_RESUME = 2000;

let next = 1;
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- timer bookkeeping; nothing renders from it
const timers = new Map<number, Timer>();

/** Short messages at the foot of the screen; the ones with an action (Undo) stay a little longer. */
export const toasts = $state<{ list: Toast[] }>({ list: [] });

function run(id: number, timer: Timer, ms: number): void {
	timer.endsAt = Date.now() + ms;
	timer.handle = setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
	clearTimeout(timers.get(id)?.handle);
	timers.delete(id);
	toasts.list = toasts.list.filter((t) => t.id !== id);
}

export function showToast(
	message: string,
	options: Partial<Omit<Toast, 'id' | 'message'>> & { ms?: number } = {}
): number {
	const id = next++;
	const { ms = options.onAction ? 8000 : 4000, tone = 'info', ...rest } = options;
	const kept = toasts.list.slice(-2);
	// Toasts pushed off the stack take their timers with them.
	for (const old of toasts.list) {
		if (!kept.includes(old)) {
			clearTimeout(timers.get(old.id)?.handle);
			timers.delete(old.id);
		}
	}
	toasts.list = [...kept, { id, message, tone, ...rest }];
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain bookkeeping, not rendered
	const timer: Timer = { endsAt: 0, remaining: ms, holds: new Set() };
	timers.set(id, timer);
	run(id, timer, ms);
	return id;
}

/**
 * Holds a toast on screen (it will not time out) while the user is reading or reaching for it.
 * Holds are counted by reason, so leaving with the pointer does not resume a toast that still has
 * keyboard focus.
 */
export function pauseToast(id: number, reason: Hold = 'pointer'): void {
	const timer = timers.get(id);
	if (!timer) return;
	if (timer.holds.size === 0) {
		clearTimeout(timer.handle);
		timer.handle = undefined;
		timer.remaining = Math.max(0, timer.endsAt - Date.now());
	}
	timer.holds.add(reason);
}

/** Lets a held toast count down again, with what it had left (and never less than two seconds). */
export function resumeToast(id: number, reason: Hold = 'pointer'): void {
	const timer = timers.get(id);
	if (!timer || !timer.holds.delete(reason) || timer.holds.size > 0) return;
	run(id, timer, Math.max(timer.remaining, MIN_AFTER_RESUME));
}

// A toast does not run out while the app is in the background (the user switched apps to check
// something): its Undo is still there when they come back.
if (typeof document !== 'undefined') {
	document.addEventListener('visibilitychange', () => {
		for (const id of timers.keys()) {
			if (document.visibilityState === 'hidden') pauseToast(id, 'hidden');
			else resumeToast(id, 'hidden');
		}
	});
}
