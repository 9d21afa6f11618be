/**
 * The rehearsal timer: wall-clock time between Start and Stop (Date.now, so a tab in the
 * background still measures right), with a display that ticks a few times a second.
 */
export class Stopwatch {
	running = $state(false);
	elapsedMs = $state(0);
	#startedAt = 0;
	#tick: ReturnType<typeof setInterval> | undefined;

	start(): void {
		if (this.running) return;
		this.#startedAt = Date.now();
		this.elapsedMs = 0;
		this.running = true;
		this.#tick = setInterval(() => {
			this.elapsedMs = Date.now() - this.#startedAt;
		}, 200);
	}

	/** Stops and returns the measured milliseconds. */
	stop(): number {
		if (!this.running) return this.elapsedMs;
		clearInterval(this.#tick);
		this.elapsedMs = Date.now() - this.#startedAt;
		this.running = false;
		return this.elapsedMs;
	}

	reset(): void {
		clearInterval(this.#tick);
		this.running = false;
		this.elapsedMs = 0;
	}

	dispose(): void {
		clearInterval(this.#tick);
	}
}
