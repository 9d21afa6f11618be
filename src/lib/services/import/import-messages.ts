/** The messages between the import page and the worker that reads and writes (import.worker.ts). */
import type { CsvMapping } from '$lib/io/import/import-parse';
import type { TextEncoding } from '$lib/io/text-encoding';
import type { ImportDecisions } from '$lib/io/import/import-plan';
import type { JobOutcome } from './import-job';
import type { ImportReceipt } from './import.service';

export type ToWorker =
	| { type: 'parse'; file: Blob; name: string; encoding?: TextEncoding }
	| { type: 'map'; mapping: CsvMapping }
	| { type: 'run'; decisions: ImportDecisions };

/** An error as it crosses to the page: its name and its causes' names (Dexie's `inner`). */
export interface WireError {
	name: string;
	message: string;
	inner?: WireError;
}

export type FromWorker =
	| { type: 'progress'; done: number; total: number }
	| { type: 'result'; outcome: JobOutcome }
	| { type: 'saved'; receipt: ImportReceipt }
	| { type: 'failed'; error: WireError };

/** Dexie's errors lose their names in a structured clone; the page needs them for its messages. */
export function toWire(error: unknown, depth = 0): WireError {
	const e = (error ?? {}) as { name?: unknown; message?: unknown; inner?: unknown };
	const wire: WireError = {
		name: typeof e.name === 'string' ? e.name : 'Error',
		message: typeof e.message === 'string' ? e.message : String(error)
	};
	if (e.inner && depth < 4) wire.inner = toWire(e.inner, depth + 1);
	return wire;
}

export function fromWire(wire: WireError): Error & { inner?: Error } {
	const error: Error & { inner?: Error } = new Error(wire.message);
	error.name = wire.name;
	if (wire.inner) error.inner = fromWire(wire.inner);
	return error;
}
