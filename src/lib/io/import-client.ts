/**
 * The page's side of reading an import file: in a worker where the browser has them (every
 * browser Kith supports), in the page itself otherwise (unit tests). One reader per file picked.
 */
import type { FromWorker, ToWorker } from './import-messages';
import type { CsvMapping, ParseOutcome, Progress } from './import-parse';
import type { SniffedCsv } from './csv-import';

export interface ImportReader {
	read(file: Blob, name: string, progress: Progress): Promise<ParseOutcome>;
	map(mapping: CsvMapping, progress: Progress): Promise<ParseOutcome>;
	close(): void;
}

class WorkerReader implements ImportReader {
	#worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

	#ask(message: ToWorker, progress: Progress): Promise<ParseOutcome> {
		return new Promise((resolve, reject) => {
			this.#worker.onmessage = (event: MessageEvent<FromWorker>) => {
				const data = event.data;
				if (data.type === 'progress') progress(data.done, data.total);
				else if (data.type === 'result') resolve(data.outcome);
				else reject(new Error(data.message));
			};
			this.#worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The file reader stopped.'));
			};
			this.#worker.postMessage(message);
		});
	}

	read(file: Blob, name: string, progress: Progress) {
		return this.#ask({ type: 'parse', file, name }, progress);
	}

	map(mapping: CsvMapping, progress: Progress) {
		return this.#ask({ type: 'map', mapping }, progress);
	}

	close() {
		this.#worker.terminate();
	}
}

class InlineReader implements ImportReader {
	#csv: SniffedCsv | undefined;

	async read(file: Blob, name: string, progress: Progress) {
		const { parseImport } = await import('./import-parse');
		const { outcome, csv } = parseImport(new Uint8Array(await file.arrayBuffer()), name, progress);
		this.#csv = csv;
		return outcome;
	}

	async map(mapping: CsvMapping, progress: Progress) {
		const { mapRows } = await import('./import-parse');
		if (!this.#csv) throw new Error('Choose the file again: Kith no longer holds its rows.');
		return mapRows(this.#csv, mapping, progress);
	}

	close() {
		this.#csv = undefined;
	}
}

export function importReader(): ImportReader {
	return typeof Worker === 'undefined' ? new InlineReader() : new WorkerReader();
}
