/**
 * The running interview on screen: the answers as typed and the question shown. Each answer is
 * written (debounced) into the interview's row in IndexedDB through the interviews service, with
 * the question's index, so a reload or a closed tab resumes on the same question with every word.
 * An answer not stored yet when the page goes away is kept in localStorage (`kith:run:<id>`) and
 * written by the next run of the same interview.
 */
import { keepBoth } from '$lib/domain/merge3';
import { trackPendingWrites } from './pending-writes';

export interface RunWrites {
	/**
	 * Stores an answer; `base` is the answer as this run last knew it stored. The result is the
	 * answer as stored, with `theirs` when another tab had changed it meanwhile and both were kept.
	 */
	saveAnswer: (
		index: number,
		answer: string,
		base: string
	) => Promise<{ answer: string; theirs?: string } | void>;
	setIndex: (index: number) => Promise<unknown>;
}

export interface RunOptions {
	/** Milliseconds of quiet before an answer is written. */
	delay?: number;
	/** Where answers not stored yet wait in localStorage when the page goes away. */
	backupKey?: string;
}

interface Backup {
	answers: Record<number, string>;
}

function readBackup(key: string): Backup | undefined {
	try {
		const raw = localStorage.getItem(key);
		const parsed = raw ? (JSON.parse(raw) as Backup) : undefined;
		return parsed && typeof parsed.answers === 'object' ? parsed : undefined;
	} catch {
		return undefined;
	}
}

export class InterviewRun {
	answers = $state<string[]>([]);
	index = $state(0);
	/** 'saved' once everything typed is stored; 'error' when a write failed (it is retried on the next change). */
	status = $state<'idle' | 'pending' | 'saved' | 'error'>('idle');
	/** Questions whose answer another tab changed at the same time: both texts are on screen. */
	merged = $state<number[]>([]);
	/** Each answer as this run last knew it stored, to tell another tab's change from its own. */
	#stored: string[];
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- timers only; nothing renders from it
	#timers = new Map<number, ReturnType<typeof setTimeout>>();
	/** Answers typed and not known to be stored, by question: what a closing page must keep. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping only; nothing renders from it
	#unsaved = new Map<number, string>();
	#chain: Promise<void> = Promise.resolve();
	readonly #delay: number;
	readonly #backupKey: string | undefined;
	readonly #untrack: () => void;

	constructor(
		private readonly writes: RunWrites,
		answers: string[],
		index: number,
		{ delay = 400, backupKey }: RunOptions = {}
	) {
		this.#delay = delay;
		this.#backupKey = backupKey;
		this.answers = answers;
		this.#stored = [...answers];
		this.index = Math.max(0, Math.min(index, Math.max(0, answers.length - 1)));
		this.#untrack = trackPendingWrites({ stash: () => this.#stash(), flush: () => this.flush() });
		// What an earlier page typed and could not store before it closed is newer than the row.
		const backup = backupKey ? readBackup(backupKey) : undefined;
		for (const [key, text] of Object.entries(backup?.answers ?? {})) {
			const i = Number(key);
			if (!Number.isInteger(i) || i < 0 || i >= answers.length || typeof text !== 'string')
				continue;
			this.answers[i] = text;
			this.#unsaved.set(i, text);
			void this.#write(i);
		}
		if (backup && this.#unsaved.size === 0) this.#clearBackup();
	}

	get count(): number {
		return this.answers.length;
	}

	/** Keeps what was typed and stores it shortly after typing pauses. */
	type(text: string, index = this.index): void {
		this.answers[index] = text;
		this.#unsaved.set(index, text);
		// Kept at once as well, not only when the page goes away: a browser closed outright may not
		// say so (no pagehide) before the pause has passed.
		this.#stash();
		this.status = 'pending';
		clearTimeout(this.#timers.get(index));
		this.#timers.set(
			index,
			setTimeout(() => void this.#write(index), this.#delay)
		);
	}

	#write(index: number): Promise<void> {
		clearTimeout(this.#timers.get(index));
		this.#timers.delete(index);
		const answer = this.answers[index] ?? '';
		// Writes go one after another, so an older answer never lands over a newer one.
		this.#chain = this.#chain.then(() =>
			this.writes.saveAnswer(index, answer, this.#stored[index] ?? '').then(
				(saved) => {
					if (saved) this.#settle(index, answer, saved);
					if (this.#unsaved.get(index) === answer) this.#unsaved.delete(index);
					if (this.#unsaved.size === 0) this.#clearBackup();
					if (this.#timers.size === 0) this.status = 'saved';
				},
				() => {
					this.status = 'error';
				}
			)
		);
		return this.#chain;
	}

	/** Takes in what was stored; another tab's text, kept beside this one, is shown here too. */
	#settle(index: number, sent: string, saved: { answer: string; theirs?: string }): void {
		this.#stored[index] = saved.answer;
		if (saved.theirs === undefined) return;
		const now = this.answers[index] ?? '';
		this.answers[index] = now === sent ? saved.answer : keepBoth(now, saved.theirs);
		if (!this.merged.includes(index)) this.merged.push(index);
		// Typed since the write: what is on screen now holds both and still has to be stored.
		if (this.answers[index] !== saved.answer) this.type(this.answers[index]!, index);
	}

	#stash(): void {
		if (!this.#backupKey || this.#unsaved.size === 0) return;
		const backup: Backup = { answers: Object.fromEntries(this.#unsaved) };
		try {
			localStorage.setItem(this.#backupKey, JSON.stringify(backup));
		} catch {
			// Storage full or refused: the database write on its way is still the main copy.
		}
	}

	#clearBackup(): void {
		try {
			if (this.#backupKey) localStorage.removeItem(this.#backupKey);
		} catch {
			// Nothing to clear where storage is refused.
		}
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

	/** Leaving the run: what is waiting is written, and the page no longer answers for it. */
	dispose(): Promise<void> {
		return this.flush().finally(this.#untrack);
	}
}
