/**
 * The steps of an import: pick a file; say which column holds what when the file does not say;
 * look at what will happen and choose what to do with people already kept; see what was saved,
 * and take it back if it was a mistake. Nothing is written before the person says Import, and a
 * failure at any step says why and that nothing was imported. Holds the flow's state in memory
 * only; the rows themselves stay in the import session (a worker), not here.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Contact } from '$lib/domain/contact';
import type { MergePreference } from '$lib/domain/duplicates';
import { MAX_IMPORT_BYTES, tooBigMessage } from '$lib/io/import/import-limits';
import type { CsvMapping, CsvRow } from '$lib/io/import/import-parse';
import {
	countImport,
	type DuplicateChoice,
	type ImportCounts,
	type ImportDecisions,
	type ImportKind,
	type ImportProblem,
	type PlanDigest
} from '$lib/io/import/import-plan';
import type { EncodingNote, TextEncoding } from '$lib/io/text-encoding';
import { describeActionError } from '$lib/services/errors';
import type { ImportSession, JobOutcome } from '$lib/services/import/import-session';
import type { ImportReceipt } from '$lib/services/import/import.service';
import { attempt } from './attempt';

export type ImportStep = 'pick' | 'reading' | 'mapping' | 'preview' | 'saving' | 'done' | 'undone';

export interface MappingStep {
	headers: string[];
	sample: CsvRow[];
	rowCount: number;
	mapping: CsvMapping;
}

export interface ImportServices {
	/** A new session for one file; the flow closes it when done with it. */
	open(): ImportSession;
	undo(receipt: ImportReceipt): Promise<{ removed: number; restored: number }>;
}

export const IMPORT_SOURCES: Record<ImportKind, string> = {
	linkedin: 'LinkedIn connections',
	google: 'Google Contacts',
	vcard: 'contact cards (vCard)',
	generic: 'spreadsheet'
};

const num = (n: number) => n.toLocaleString('en');

/** The toast after a save, in the words the done step shows. */
export function importSummary(c: ImportCounts): string {
	const parts = [`${num(c.added)} added`, `${num(c.updated)} updated`, `${num(c.skipped)} skipped`];
	return `Import done: ${parts.join(', ')}.`;
}

export class ImportFlow {
	step = $state<ImportStep>('pick');
	/** Why the last step did not work; nothing was imported. */
	error = $state<string>();
	fileName = $state('');
	progress = $state({ label: '', done: 0, total: 0 });
	mapping = $state.raw<MappingStep>();
	kind = $state<ImportKind>('generic');
	problems = $state.raw<ImportProblem[]>([]);
	plan = $state.raw<PlanDigest>();
	/** The kept contacts the duplicates point at, to count the import before writing. */
	// Replaced whole with each file, never changed in place, so a plain Map is enough.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	targets = $state.raw<ReadonlyMap<string, Contact>>(new Map());
	/** Per-duplicate choices; a duplicate not in here follows `all`. */
	readonly choices = new SvelteMap<number, DuplicateChoice>();
	all = $state<DuplicateChoice>('merge');
	prefer = $state<MergePreference>('existing');
	receipt = $state.raw<ImportReceipt>();
	undone = $state.raw<{ removed: number; restored: number }>();
	/** The text encoding Kith assumed (no byte order mark, not UTF-8) or the person chose. */
	encoding = $state.raw<EncodingNote>();
	/** Rows Google had starred; the person may have them tagged "favourite" (off by default). */
	starred = $state(0);
	favourite = $state(false);

	readonly decisions = $derived<ImportDecisions>({
		choices: this.choices,
		all: this.all,
		prefer: this.prefer,
		...(this.kind === 'linkedin' ? { tag: 'LinkedIn' } : {}),
		...(this.favourite && this.starred ? { favourite: true } : {})
	});
	// The same rules the import writes with, so the counts shown are the counts written.
	readonly counts = $derived<ImportCounts | undefined>(
		this.plan && countImport(this.plan, this.decisions, this.targets)
	);

	#session: ImportSession | undefined;
	/** The picked file, to read it again in another text encoding. */
	#file: File | undefined;
	#spare: ImportSession | undefined;
	#closed = false;

	constructor(private readonly services: ImportServices) {}

	/**
	 * Starts a session before a file is picked: a worker takes a moment to start on a slow phone,
	 * and it opens the database meanwhile.
	 */
	warm(): void {
		this.#spare ??= this.services.open();
	}

	/** The page is going away. A save under way finishes in its worker (and says so in a toast). */
	close(): void {
		this.#closed = true;
		// Stopping the worker now would quietly take the whole import back.
		if (this.step !== 'saving') this.#session?.close();
		this.#spare?.close();
		this.#spare = undefined;
	}

	reset(): void {
		this.#session?.close();
		this.#session = undefined;
		if (!this.#closed) this.warm();
		this.step = 'pick';
		this.error = undefined;
		this.mapping = undefined;
		this.plan = undefined;
		this.problems = [];
		this.receipt = undefined;
		this.undone = undefined;
		this.choices.clear();
		this.all = 'merge';
		this.prefer = 'existing';
		this.#file = undefined;
		this.encoding = undefined;
		this.starred = 0;
		this.favourite = false;
	}

	async choose(file: File): Promise<void> {
		this.reset();
		this.fileName = file.name;
		// Checked before reading a byte: a huge file would stall the phone for nothing.
		if (file.size > MAX_IMPORT_BYTES) {
			this.error = tooBigMessage(file.size);
			return;
		}
		this.#file = file;
		const session = this.#spare ?? this.services.open();
		this.#session = session;
		this.#spare = undefined;
		await this.#read(session, file);
	}

	/**
	 * Reads the file again in the text encoding the person chose, back at the step it leads to;
	 * nothing has been saved yet, so nothing is lost but the choices made on the old reading.
	 */
	async chooseEncoding(encoding: TextEncoding): Promise<void> {
		const session = this.#session;
		const file = this.#file;
		if (!session || !file || (this.step !== 'mapping' && this.step !== 'preview')) return;
		this.mapping = undefined;
		this.plan = undefined;
		this.problems = [];
		this.choices.clear();
		await this.#read(session, file, encoding);
	}

	async #read(session: ImportSession, file: File, encoding?: TextEncoding): Promise<void> {
		const label = `Reading ${file.name}…`;
		this.step = 'reading';
		this.progress = { label, done: 0, total: 1 };
		try {
			const outcome = await session.read(file, file.name, this.#onProgress(label), encoding);
			this.encoding = outcome.kind === 'error' ? undefined : outcome.encoding;
			this.#handle(outcome);
		} catch (e) {
			this.#fail(e);
		}
	}

	async applyMapping(mapping: CsvMapping): Promise<void> {
		const session = this.#session;
		if (!session) return;
		const label = 'Reading the rows…';
		this.step = 'reading';
		this.progress = { label, done: 0, total: 1 };
		try {
			this.#handle(await session.map(mapping, this.#onProgress(label)));
		} catch (e) {
			this.#fail(e);
		}
	}

	chooseAll(choice: DuplicateChoice): void {
		this.choices.clear();
		this.all = choice;
	}

	choiceOf(index: number): DuplicateChoice {
		return this.choices.get(index) ?? this.all;
	}

	/** Saves as decided. True once saved; a failure is told in a toast and keeps the preview. */
	async run(): Promise<boolean> {
		const session = this.#session;
		if (!this.plan || !session || this.step !== 'preview') return false;
		const label = 'Saving your contacts…';
		this.step = 'saving';
		this.progress = { label, done: 0, total: 0 };
		const done = await attempt(() => session.run(this.decisions, this.#onProgress(label)), {
			success: (r) => importSummary(r.counts),
			action: { label: 'Undo', run: (r) => this.undo(r) }
		});
		if (!done.ok) {
			this.step = 'preview';
			if (this.#closed) this.#session?.close();
			return false;
		}
		this.receipt = done.value;
		this.#session?.close();
		this.#session = undefined;
		this.step = 'done';
		return true;
	}

	/** Takes back the import just saved (the toast's Undo passes its receipt). */
	async undo(receipt: ImportReceipt | undefined = this.receipt): Promise<void> {
		if (!receipt || this.step === 'undone') return;
		const result = await attempt(() => this.services.undo(receipt), {
			success: 'The import was taken back.'
		});
		if (result.ok) {
			this.undone = result.value;
			this.step = 'undone';
		}
	}

	#onProgress(label: string) {
		return (done: number, total: number) => (this.progress = { label, done, total });
	}

	#fail(e: unknown): void {
		this.step = 'pick';
		// Kith's own messages are plain errors; a database's failure gets the app's usual words.
		const own = e instanceof Error && e.name === 'Error' && e.message;
		this.error = `${own || describeActionError(e)} Nothing was imported.`;
	}

	#handle(outcome: JobOutcome): void {
		if (outcome.kind === 'error') {
			this.step = 'pick';
			this.error = `${outcome.message} Nothing was imported.`;
			return;
		}
		if (outcome.kind === 'mapping') {
			this.mapping = outcome;
			this.problems = outcome.problems;
			this.step = 'mapping';
			return;
		}
		this.kind = outcome.kind;
		const problems = (this.problems = outcome.problems);
		if (outcome.digest.total === 0) {
			this.step = 'pick';
			this.error = `No row of this file could be read as a contact${problems[0] ? ` (line ${problems[0].line}: ${problems[0].reason})` : ''}. Nothing was imported.`;
			return;
		}
		this.plan = outcome.digest;
		this.targets = outcome.targets;
		this.starred = outcome.starred ?? 0;
		this.step = 'preview';
	}
}
