export interface Toast {
	id: number;
	message: string;
	actionLabel?: string;
	onAction?: () => void | Promise<void>;
	tone: 'info' | 'error';
}

let next = 1;
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- timer handles; nothing renders from them
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Short messages at the foot of the screen; the ones with an action (Undo) stay a little longer. */
export const toasts = $state<{ list: Toast[] }>({ list: [] });

export function dismissToast(id: number): void {
	clearTimeout(timers.get(id));
	timers.delete(id);
	toasts.list = toasts.list.filter((t) => t.id !== id);
}

export function showToast(
	message: string,
	options: Partial<Omit<Toast, 'id' | 'message'>> & { ms?: number } = {}
): number {
	const id = next++;
	const { ms = options.onAction ? 8000 : 4000, tone = 'info', ...rest } = options;
	toasts.list = [...toasts.list.slice(-2), { id, message, tone, ...rest }];
	timers.set(
		id,
		setTimeout(() => dismissToast(id), ms)
	);
	return id;
}
