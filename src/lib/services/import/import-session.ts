/**
 * The page's side of an import: one session per file picked, run by a worker where the browser
 * has module workers (every browser Kith supports), in the page itself otherwise (unit tests).
 */
import { forgetOpenSearches, getDb } from '$lib/db';
import type { CsvMapping, Progress } from '$lib/io/import/import-parse';
import type { ImportDecisions } from '$lib/io/import/import-plan';
import type { TextEncoding } from '$lib/io/text-encoding';
import type { ImportJob, JobOutcome } from './import-job';
import { fromWire, type FromWorker, type ToWorker } from './import-messages';
import type { ImportReceipt } from './import.service';

export type { JobOutcome };

export interface ImportSession {
	/** Reads a file; `encoding` is the text encoding the person chose, if they chose one. */
	read(file: Blob, name: string, progress: Progress, encoding?: TextEncoding): Promise<JobOutcome>;
	map(mapping: CsvMapping, progress: Progress): Promise<JobOutcome>;
	run(decisions: ImportDecisions, progress: Progress): Promise<ImportReceipt>;
	close(): void;
}

/** A plain Map: the page's reactive one would not survive the trip to the worker as it is. */
const portable = (d: ImportDecisions): ImportDecisions => ({ ...d, choices: new Map(d.choices) });

class WorkerSession implements ImportSession {
	#worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

	#ask<T>(message: ToWorker, progress: Progress, pick: (data: FromWorker) => T | undefined) {
		return new Promise<T>((resolve, reject) => {
			this.#worker.onmessage = (event: MessageEvent<FromWorker>) => {
				const data = event.data;
				if (data.type === 'progress') progress(data.done, data.total);
				else if (data.type === 'failed') reject(fromWire(data.error));
				else {
					const value = pick(data);
					if (value !== undefined) resolve(value);
				}
			};
			this.#worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The import stopped. Choose the file again.'));
			};
			this.#worker.postMessage(message);
		});
	}

	#outcome = (data: FromWorker) => (data.type === 'result' ? data.outcome : undefined);

	read(file: Blob, name: string, progress: Progress, encoding?: TextEncoding) {
		const message: ToWorker = encoding
			? { type: 'parse', file, name, encoding }
			: { type: 'parse', file, name };
		return this.#ask(message, progress, this.#outcome);
	}

	map(mapping: CsvMapping, progress: Progress) {
		return this.#ask({ type: 'map', mapping }, progress, this.#outcome);
	}

	async run(decisions: ImportDecisions, progress: Progress) {
		const receipt = await this.#ask(
			{ type: 'run', decisions: portable(decisions) },
			progress,
			(d) => (d.type === 'saved' ? d.receipt : undefined)
		);
		forgetOpenSearches();
		return receipt;
	}

	close() {
		this.#worker.terminate();
	}
}

class InlineSession implements ImportSession {
	#job: Promise<ImportJob> | undefined;

	#get() {
		this.#job ??= import('./import-job').then(({ ImportJob }) => new ImportJob(getDb()));
		return this.#job;
	}

	async read(file: Blob, name: string, progress: Progress, encoding?: TextEncoding) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		return (await this.#get()).read(bytes, name, progress, encoding);
	}

	async map(mapping: CsvMapping, progress: Progress) {
		return (await this.#get()).map(mapping, progress);
	}

	async run(decisions: ImportDecisions, progress: Progress) {
		return (await this.#get()).run(decisions, progress);
	}

	close() {
		this.#job = undefined;
	}
}

export function importSession(): ImportSession {
	return typeof Worker === 'undefined' ? new InlineSession() : new WorkerSession();
}
