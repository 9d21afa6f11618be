/**
 * One action at a time for a screen's buttons: while one runs, `active` is true (bind it to
 * `disabled`) and further taps are ignored, so a double tap never runs an action twice.
 */
import { attempt, type AttemptOptions, type Outcome } from './attempt';

export interface BusyAttemptOptions<T> extends AttemptOptions<T> {
	/** Runs once the action worked, still as part of it (the buttons stay disabled): a goto, say. */
	after?: (value: T) => unknown;
}

export class Busy {
	active = $state(false);

	async run<T>(action: () => Promise<T>): Promise<T | undefined> {
		if (this.active) return undefined;
		this.active = true;
		try {
			return await action();
		} finally {
			this.active = false;
		}
	}

	/**
	 * The usual one-tap action: `run` is attempted as this screen's one action (see `attempt`: a
	 * failure is told in words, a success as `options` say), then `after` with its value. Gives
	 * undefined when another action was already running and this one was ignored.
	 */
	attempt<T>(
		run: () => Promise<T>,
		{ after, ...options }: BusyAttemptOptions<T> = {}
	): Promise<Outcome<T> | undefined> {
		return this.run(async () => {
			const outcome = await attempt(run, options);
			if (outcome.ok && after) await after(outcome.value);
			return outcome;
		});
	}
}
