/**
 * One action at a time for a screen's buttons: while one runs, `active` is true (bind it to
 * `disabled`) and further taps are ignored, so a double tap never runs an action twice.
 */
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
}
