/** The messages between the import page and the worker that reads files (import.worker.ts). */
import type { CsvMapping, ParseOutcome } from './import-parse';

export type ToWorker =
	{ type: 'parse'; file: Blob; name: string } | { type: 'map'; mapping: CsvMapping };

export type FromWorker =
	| { type: 'progress'; done: number; total: number }
	| { type: 'result'; outcome: ParseOutcome }
	| { type: 'failed'; message: string };
