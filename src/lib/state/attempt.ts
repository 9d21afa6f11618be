/**
 * One way to run a one-tap action from a page: it either works (and may say so, with an Undo) or
 * the user is told, in words they can act on, that it did not. No action fails silently.
 */
import { describeActionError } from '$lib/services/errors';
import { showToast } from './toasts.svelte';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface AttemptOptions<T> {
	/** Shown once the action worked. */
	success?: string | ((value: T) => string);
	/** A button on the success message, such as Undo; what it runs is attempted too. */
	action?: { label: string; run: (value: T) => Promise<unknown> };
}

export async function attempt<T>(
	run: () => Promise<T>,
	{ success, action }: AttemptOptions<T> = {}
): Promise<Outcome<T>> {
	let value: T;
	try {
		value = await run();
	} catch (error) {
		showToast(describeActionError(error), { tone: 'error' });
		return { ok: false, error };
	}
	if (success) {
		const message = typeof success === 'function' ? success(value) : success;
		showToast(
			message,
			action
				? {
						actionLabel: action.label,
						onAction: async () => {
							await attempt(() => action.run(value));
						}
					}
				: {}
		);
	}
	return { ok: true, value };
}
