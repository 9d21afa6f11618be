/**
 * Autosaved form drafts: every change is written to the `drafts` table in IndexedDB, and to
 * localStorage under `kith:draft:<key>` when the database cannot take it (closed by an upgrade in
 * another tab, or full) or when the page goes away before the write has landed, so nothing typed
 * is lost.
 */
import { peekDraft } from '$lib/db/peek';
import { trackPendingWrites } from './pending-writes';

/**
 * The database code (Dexie) loads on the first change, not with the form: until then a stored
 * draft is read with plain IndexedDB, so a form opens and takes input sooner.
 */
let database: typeof import('$lib/db') | undefined;
const repos = async () => (database ??= await import('$lib/db')).getRepos();

const FALLBACK = 'kith:draft:';

interface Stored {
	values: unknown;
	updatedAt: number;
}

function readFallback(key: string): Stored | undefined {
	try {
		const raw = localStorage.getItem(FALLBACK + key);
		return raw ? (JSON.parse(raw) as Stored) : undefined;
	} catch {
		return undefined;
	}
}

export class FormDraft<T extends object> {
	values = $state() as T;
	/** 'saved' once the latest change is stored; 'error' when it could not be stored anywhere. */
	status = $state<'idle' | 'saved' | 'error'>('idle');
	/** The form was refilled from an earlier, unsaved session. */
	restored = $state(false);
	#pending: Promise<void> = Promise.resolve();
	/** Writes queued or running; while none are, `flush` has nothing to wait for. */
	#queued = 0;
	#touched = false;
	#blank: T;
	/** `values` as plain data, taken when they last changed: saving needs no copy of its own. */
	#latest: T;
	readonly #untrack: () => void;

	constructor(
		readonly key: string,
		blank: T,
		private readonly parse: (raw: unknown) => T | undefined
	) {
		this.#blank = blank;
		this.values = structuredClone(blank);
		this.#latest = structuredClone(blank);
		this.#untrack = trackPendingWrites({ stash: () => this.#stash(), flush: () => this.flush() });
	}

	get dirty(): boolean {
		return JSON.stringify($state.snapshot(this.values)) !== JSON.stringify(this.#blank);
	}

	/** Restores a saved draft unless the user has already started typing. */
	async load(): Promise<void> {
		let stored: Stored | undefined;
		try {
			stored = database
				? await database.getRepos().drafts.get(this.key)
				: await peekDraft(this.key);
		} catch {
			stored = undefined;
		}
		const fallback = readFallback(this.key);
		if (fallback && (!stored || fallback.updatedAt > stored.updatedAt)) stored = fallback;
		const values = stored ? this.parse(stored.values) : undefined;
		if (values && !this.#touched) {
			this.values = values;
			this.#latest = $state.snapshot(this.values) as T;
			this.restored = JSON.stringify(values) !== JSON.stringify(this.#blank);
		}
	}

	/** Records a change and stores it; writes are queued so the last one always wins. */
	change(values: T): void {
		this.values = values;
		this.#touched = true;
		const snapshot = $state.snapshot(this.values) as T;
		this.#latest = snapshot;
		const empty = !this.dirty;
		this.#queued++;
		this.#pending = this.#pending
			.then(() => this.#write(snapshot, empty))
			.then(() => {
				this.#queued--;
			});
	}

	/**
	 * The values as plain data (not to be changed). Every change goes through `change`, `load` or
	 * `reset`, which keep this copy, so reading it costs nothing at the moment of saving.
	 */
	get latest(): T {
		return this.#latest;
	}

	/** True when every change is stored, so a save need not wait for `flush()`. */
	get settled(): boolean {
		return this.#queued === 0;
	}

	async #write(values: T, empty: boolean): Promise<void> {
		const now = Date.now();
		try {
			const r = await repos();
			if (empty) await r.drafts.remove(this.key);
			else await r.drafts.save(this.key, values as Record<string, unknown>, now);
			// A copy kept while the page was hiding stays until the database holds the latest too.
			if (values === this.#latest) localStorage.removeItem(FALLBACK + this.key);
			this.status = empty ? 'idle' : 'saved';
		} catch {
			try {
				if (empty) localStorage.removeItem(FALLBACK + this.key);
				else localStorage.setItem(FALLBACK + this.key, JSON.stringify({ values, updatedAt: now }));
				this.status = empty ? 'idle' : 'saved';
			} catch {
				this.status = 'error';
			}
		}
	}

	/** The page is going away with writes still queued: the latest values go to localStorage now. */
	#stash(): void {
		if (this.#queued === 0) return;
		const stored: Stored = { values: this.#latest, updatedAt: Date.now() };
		localStorage.setItem(FALLBACK + this.key, JSON.stringify(stored));
	}

	flush(): Promise<void> {
		return this.#queued === 0 ? Promise.resolve() : this.#pending;
	}

	/** After the record was saved (its transaction removed the stored draft): start afresh. */
	reset(blank: T = this.#blank): void {
		this.#blank = blank;
		this.values = structuredClone(blank);
		this.#latest = structuredClone(blank);
		this.#touched = false;
		this.restored = false;
		this.status = 'idle';
		localStorage.removeItem(FALLBACK + this.key);
	}

	/** Throws the draft away on the user's word. */
	async discard(): Promise<void> {
		this.change(structuredClone(this.#blank));
		await this.flush();
		this.reset();
	}

	dispose(): void {
		// Writes still queued keep their stash until they land.
		void this.flush().finally(this.#untrack);
	}
}
