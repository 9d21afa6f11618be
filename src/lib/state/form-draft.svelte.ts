/**
 * Autosaved form drafts, one per form and tab: every change is written to the `drafts` table in
 * IndexedDB under `<form>@<tab>`, and to localStorage under `kith:draft:<form>@<tab>` when the
 * database cannot take it (closed by an upgrade in another tab, or full) or when the page goes away
 * before the write has landed, so nothing typed is lost. A form opening in a tab with no draft of
 * its own takes over one left by a closed tab, never one another open tab is typing in.
 */
import { claimDraft } from '$lib/db/peek';
import { draftTab, tabDraftKey } from '$lib/domain/draft-key';
import { trackPendingWrites } from './pending-writes';
import { knownTabId, liveTabs, tabId } from './tab';

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

/** Moves a localStorage copy to this tab's key, so no other tab takes it too. */
function takeFallback(from: string, to: string): Stored | undefined {
	const stored = readFallback(from);
	if (stored && from !== to) {
		localStorage.setItem(FALLBACK + to, JSON.stringify(stored));
		localStorage.removeItem(FALLBACK + from);
	}
	return stored;
}

/** The newest localStorage copy of `form` left by a tab that is gone, by its key. */
function leftFallback(form: string, isGone: (tab: string) => boolean): string | undefined {
	let newest: { key: string; at: number } | undefined;
	for (let i = 0; i < localStorage.length; i++) {
		const name = localStorage.key(i);
		if (!name?.startsWith(FALLBACK)) continue;
		const key = name.slice(FALLBACK.length);
		const tab = draftTab(key, form);
		if (tab === undefined || (tab !== '' && !isGone(tab))) continue;
		const at = readFallback(key)?.updatedAt ?? 0;
		if (!newest || at > newest.at) newest = { key, at };
	}
	return newest?.key;
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
	/** This tab's id, once the tab holds it: writes wait for it. */
	#tab: string | undefined;
	#ready: Promise<string>;

	/** `key` names the form (`capture`, `contact:<id>`); the stored draft is this tab's copy of it. */
	constructor(
		readonly key: string,
		blank: T,
		private readonly parse: (raw: unknown) => T | undefined
	) {
		this.#blank = blank;
		this.values = structuredClone(blank);
		this.#latest = structuredClone(blank);
		this.#untrack = trackPendingWrites({ stash: () => this.#stash(), flush: () => this.flush() });
		this.#tab = knownTabId();
		this.#ready = tabId().then((id) => (this.#tab = id));
	}

	/** Where this tab's draft of the form is stored; a save removes that row with the record's write. */
	get storageKey(): string {
		return tabDraftKey(this.key, this.#tab ?? '');
	}

	get dirty(): boolean {
		return JSON.stringify($state.snapshot(this.values)) !== JSON.stringify(this.#blank);
	}

	/**
	 * Restores this tab's draft, or else one a closed tab left, unless the user has already started
	 * typing. The newer of the database's row and the localStorage copy wins.
	 */
	async load(): Promise<void> {
		let stored: Stored | undefined;
		let fallback: Stored | undefined;
		try {
			const tab = await this.#ready;
			const live = await liveTabs();
			// Where the browser cannot tell which tabs are open, any other tab's draft counts as left.
			const isGone = (other: string) => other !== tab && !live?.has(other);
			const claimed = await claimDraft(this.key, tab, isGone).catch(() => undefined);
			stored = claimed?.draft;
			const own = this.storageKey;
			fallback = readFallback(own);
			// A closed tab's stash is newer than its row: it comes along with it.
			if (!fallback && claimed && claimed.from !== own) fallback = takeFallback(claimed.from, own);
			if (!fallback && !claimed) {
				const left = leftFallback(this.key, isGone);
				if (left) fallback = takeFallback(left, own);
			}
		} catch {
			// Storage refused: the form starts blank.
		}
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

	/** True when every change is stored and the tab is known, so a save need not wait for `flush()`. */
	get settled(): boolean {
		return this.#queued === 0 && this.#tab !== undefined;
	}

	async #write(values: T, empty: boolean): Promise<void> {
		await this.#ready;
		const key = this.storageKey;
		const now = Date.now();
		try {
			const r = await repos();
			if (empty) await r.drafts.remove(key);
			else await r.drafts.save(key, values as Record<string, unknown>, now);
			// A copy kept while the page was hiding stays until the database holds the latest too.
			if (values === this.#latest) localStorage.removeItem(FALLBACK + key);
			this.status = empty ? 'idle' : 'saved';
		} catch {
			try {
				if (empty) localStorage.removeItem(FALLBACK + key);
				else localStorage.setItem(FALLBACK + key, JSON.stringify({ values, updatedAt: now }));
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
		// Before the tab is known, under an id no open tab holds: the next form to open adopts it.
		const key = this.#tab ? this.storageKey : tabDraftKey(this.key, `closed-${Date.now()}`);
		localStorage.setItem(FALLBACK + key, JSON.stringify(stored));
	}

	async flush(): Promise<void> {
		await this.#ready;
		if (this.#queued > 0) await this.#pending;
	}

	/** After the record was saved (its transaction removed the stored draft): start afresh. */
	reset(blank: T = this.#blank): void {
		this.#blank = blank;
		this.values = structuredClone(blank);
		this.#latest = structuredClone(blank);
		this.#touched = false;
		this.restored = false;
		this.status = 'idle';
		localStorage.removeItem(FALLBACK + this.storageKey);
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
