/**
 * The running interview on screen: the answers as typed and the question shown. Each answer is
 * written (debounced) into the interview's row in IndexedDB through the interviews service, with
 * the question's index, so a reload or a closed tab resumes on the same question with every word.
 */

export interface RunWrites {
	saveAnswer: (index: number, answer: string) => Promise<unknown>;
	setIndex: (index: number) => Promise<unknown>;
}

export class InterviewRun {
	answers = $state<string[]>([]);
	index = $state(0);
	/** 'saved' once everything typed is stored; 'error' when a write failed (it is retried on the next change). */
	status = $state<'idle' | 'pending' | 'saved' | 'error'>('idle');
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- timers only; nothing renders from it
	#timers = new Map<number, ReturnType<typeof setTimeout>>();
	#chain: Promise<void> = Promise.resolve();

	constructor(
		private readonly writes: RunWrites,
		answers: string[],
		index: number,
		private readonly delay = 400
	) {
		this.answers = answers;
		this.index = Math.max(0, Math.min(index, Math.max(0, answers.length - 1)));
	}

	get count(): number {
		return this.answers.length;
	}

	/** Keeps what was typed and stores it shortly after typing pauses. */
	type(text: string): void {
		const index = this.index;
		this.answers[index] = text;
		this.status = 'pending';
		clearTimeout(this.#timers.get(index));
		this.#timers.set(
			index,
			setTimeout(() => void this.#write(index), this.delay)
		);
	}

	#write(index: number): Promise<void> {
		clearTimeout(this.#timers.get(index));
		this.#timers.delete(index);
		const answer = this.answers[index] ?? '';
		// Writes go one after another, so an older answer never lands over a newer one.
		this.#chain = this.#chain.then(() =>
			this.writes.saveAnswer(index, answer).then(
				() => {
					if (this.#timers.size === 0) this.status = 'saved';
				},
				() => {
					this.status = 'error';
				}
			)
		);
		return this.#chain;
	}

	/** Stores anything still waiting for its pause. */
	async flush(): Promise<void> {
		await Promise.all([...this.#timers.keys()].map((i) => this.#write(i)));
		await this.#chain;
	}

	/** Shows another question, after storing the current answer, and remembers where the run is. */
	async go(index: number): Promise<void> {
		if (index < 0 || index >= this.count || index === this.index) return;
		this.index = index;
		await this.flush();
		this.#chain = this.#chain.then(() =>
			this.writes.setIndex(index).then(
				() => undefined,
				() => {
					this.status = 'error';
				}
			)
		);
		await this.#chain;
	}
}
