/**
 * One import from a picked file to the written contacts: reads the file, finds the likely
 * duplicates among the kept contacts, and writes the rows as the person decided. It keeps the
 * rows itself between those steps and hands the page only what the preview shows, so in the
 * worker (import.worker.ts) thousands of rows never cross to the page and the page stays free.
 */
import type { KithDB } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import type { SniffedCsv } from '$lib/io/import/csv-import';
import {
	mapRows,
	parseImport,
	type CsvMapping,
	type ParseOutcome,
	type Progress
} from '$lib/io/import/import-parse';
import {
	digestPlan,
	type ImportDecisions,
	type ImportKind,
	type ImportPlan,
	type ImportProblem,
	type PlanDigest
} from '$lib/io/import/import-plan';
import type { EncodingNote, TextEncoding } from '$lib/io/text-encoding';
import { previewImport, runImport, type ImportReceipt } from './import.service';

/** What the page is told after reading a file, or after the columns were mapped. */
export type JobOutcome =
	| Exclude<ParseOutcome, { drafts: unknown }>
	| {
			kind: ImportKind;
			problems: ImportProblem[];
			digest: PlanDigest;
			/** Rows in Google's "starred" group, which may be tagged "favourite" if the person asks. */
			starred?: number;
			encoding?: EncodingNote;
			/** The kept contacts the duplicates point at, to count the import before writing. */
			targets: Map<string, Contact>;
	  };

export const FORGOTTEN = 'Choose the file again: Kith no longer holds its rows.';

export class ImportJob {
	#csv: SniffedCsv | undefined;
	#plan: ImportPlan | undefined;

	constructor(private readonly db: KithDB) {}

	/** Reads a file; `encoding` reads it again in the text encoding the person chose. */
	read(
		bytes: Uint8Array,
		name: string,
		progress: Progress,
		encoding?: TextEncoding
	): Promise<JobOutcome> {
		this.#plan = undefined;
		const { outcome, csv } = parseImport(bytes, name, progress, encoding);
		this.#csv = csv;
		return this.#preview(outcome);
	}

	map(mapping: CsvMapping, progress: Progress): Promise<JobOutcome> {
		if (!this.#csv) return Promise.reject(new Error(FORGOTTEN));
		this.#plan = undefined;
		return this.#preview(mapRows(this.#csv, mapping, progress));
	}

	async run(decisions: ImportDecisions, progress: Progress): Promise<ImportReceipt> {
		if (!this.#plan) throw new Error(FORGOTTEN);
		const receipt = await runImport(this.db, this.#plan, decisions, Date.now(), progress);
		this.#plan = undefined;
		this.#csv = undefined;
		return receipt;
	}

	async #preview(outcome: ParseOutcome): Promise<JobOutcome> {
		if (!('drafts' in outcome)) return outcome;
		const { kind, problems, drafts, encoding } = outcome;
		const said = {
			kind,
			problems,
			starred: drafts.filter((d) => d.starred).length,
			...(encoding ? { encoding } : {})
		};
		if (drafts.length === 0)
			return { ...said, digest: digestPlan({ drafts, duplicates: [] }), targets: new Map() };
		const { plan, targets } = await previewImport(this.db, drafts);
		this.#plan = plan;
		return { ...said, digest: digestPlan(plan), targets };
	}
}
