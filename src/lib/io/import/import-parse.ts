/**
 * Reads a file picked for import into contact drafts: vCard (.vcf) or CSV (LinkedIn, Google, or
 * any other CSV, which waits for the person to say what each column holds). Runs in a worker for
 * big files (services/import/import.worker.ts) and says how far it has got; nothing here touches the database.
 */
import { contactSchema, type ContactFields } from '$lib/domain/contact';
import { EXTRA_LINE_MAX, EXTRA_LINES_MAX } from '$lib/domain/contact-extra';
import {
	applyMapping,
	CsvError,
	googleDrafts,
	guessMapping,
	linkedInDrafts,
	sniffCsv,
	type CsvField,
	type CsvMapping,
	type CsvRow,
	type SniffedCsv
} from './csv-import';
import type { ImportDraft, ImportKind, ImportProblem } from './import-plan';
import { MAX_IMPORT_BYTES, tooBigMessage } from './import-limits';
import type { EncodingNote, TextEncoding } from '../text-encoding';
import { parseVCards, readVCardBytes, type ParsedCard } from '../vcard/vcard-read';

export { MAX_IMPORT_BYTES, tooBigMessage };

export type ParseOutcome =
	| {
			kind: ImportKind;
			drafts: ImportDraft[];
			problems: ImportProblem[];
			/** Said when the text encoding was guessed or chosen rather than known. */
			encoding?: EncodingNote;
	  }
	| {
			kind: 'mapping';
			headers: string[];
			/** The first rows, for the mapping step's preview. */
			sample: CsvRow[];
			rowCount: number;
			mapping: CsvMapping;
			problems: ImportProblem[];
			encoding?: EncodingNote;
	  }
	| { kind: 'error'; message: string };

export type Progress = (done: number, total: number) => void;

const CHUNK = 250;
const SAMPLE_ROWS = 5;

function looksLikeVCard(text: string): boolean {
	return /^\s*BEGIN:VCARD/i.test(text.slice(0, 1000).replace(/^\uFEFF/, ''));
}

/**
 * What a JSON file is: a Kith backup (plain or locked with a passphrase) has Kith's envelope, a
 * `format` of its own; any other JSON is not one, whatever its name. Undefined when it is not JSON.
 */
function classifyJson(name: string, bytes: Uint8Array): 'backup' | 'json' | undefined {
	const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
	if (!/^\s*[{[]/.test(head)) return /\.json$/i.test(name) ? 'json' : undefined;
	// Kith writes its keys sorted, so "format" may come after other keys: look in the whole head.
	if (/"format"\s*:\s*"kith-backup(-encrypted)?"/.test(head)) return 'backup';
	if (/\.json$/i.test(name)) return 'json';
	try {
		JSON.parse(new TextDecoder().decode(bytes));
		return 'json';
	} catch {
		return undefined;
	}
}

const BACKUP_MESSAGE =
	'This looks like a Kith backup. Backups are put back from “Restore a backup” in Settings, which keeps everything in them; import is for contacts from other apps.';

const JSON_MESSAGE =
	'This is a JSON file, but not a Kith backup, and Kith cannot read contacts from it. Kith can import contact cards (a .vcf file, which most address books, phones and Google Contacts can export) and spreadsheets saved as CSV (.csv). Export your contacts from the other app in one of those formats and choose that file.';

/**
 * The drafts in a picked file, or the columns of a CSV that needs a mapping, or why the file
 * cannot be imported. `progress` is called as rows are read.
 */
export function parseImport(
	bytes: Uint8Array,
	fileName: string,
	progress: Progress = () => {},
	/** The text encoding the person chose; Kith detects it otherwise. */
	encoding?: TextEncoding
): { outcome: ParseOutcome; csv?: SniffedCsv } {
	if (bytes.length > MAX_IMPORT_BYTES) {
		return { outcome: { kind: 'error', message: tooBigMessage(bytes.length) } };
	}
	if (bytes.length === 0) {
		return {
			outcome: {
				kind: 'error',
				message: 'This file is empty. Choose the file again, or export it again.'
			}
		};
	}
	const json = classifyJson(fileName, bytes);
	if (json) {
		return {
			outcome: { kind: 'error', message: json === 'backup' ? BACKUP_MESSAGE : JSON_MESSAGE }
		};
	}
	const isVcf = /\.(vcf|vcard)$/i.test(fileName);
	const isCsv = /\.(csv|tsv|txt)$/i.test(fileName);
	if (isVcf || (!isCsv && looksLikeVCard(new TextDecoder().decode(bytes.subarray(0, 1000))))) {
		const { text, note } = readVCardBytes(bytes, encoding);
		const outcome = fromVCards(text, progress);
		return { outcome: note && outcome.kind !== 'error' ? { ...outcome, encoding: note } : outcome };
	}
	try {
		progress(0, 1);
		const csv = sniffCsv(bytes, encoding);
		const noted = csv.encoding ? { encoding: csv.encoding } : {};
		switch (csv.kind) {
			case 'linkedin':
			case 'google':
				return { outcome: { ...chunked(csv, progress), ...noted } };
			case 'generic':
				return {
					outcome: {
						kind: 'mapping',
						headers: csv.headers,
						sample: csv.rows.slice(0, SAMPLE_ROWS),
						rowCount: csv.rows.length,
						mapping: guessMapping(csv.headers),
						problems: csv.problems,
						...noted
					},
					csv
				};
			case 'unknown':
				return {
					outcome: {
						kind: 'error',
						message:
							'Kith could not find a row naming the columns (such as Name, Email, Company) at the top of this file. Add one as the first row, or export the file again with headers, and try again.'
					}
				};
		}
	} catch (error) {
		if (error instanceof CsvError) return { outcome: { kind: 'error', message: error.message } };
		throw error;
	}
}

/** LinkedIn and Google rows, a chunk at a time so the progress bar moves. */
function chunked(csv: SniffedCsv, progress: Progress): ParseOutcome {
	const read = csv.kind === 'linkedin' ? linkedInDrafts : googleDrafts;
	const drafts: ImportDraft[] = [];
	const problems: ImportProblem[] = csv.problems.map(toProblem);
	const total = csv.rows.length;
	for (let start = 0; start < total; start += CHUNK) {
		const part = read({ ...csv, rows: csv.rows.slice(start, start + CHUNK), problems: [] });
		drafts.push(...part.drafts);
		problems.push(...part.problems.map(toProblem));
		progress(Math.min(start + CHUNK, total), total);
	}
	if (total === 0) progress(1, 1);
	return { kind: csv.kind as 'linkedin' | 'google', drafts, problems };
}

function toProblem(p: { line: number; reason: string; name?: string }): ImportProblem {
	return p.name
		? { line: p.line, reason: p.reason, name: p.name }
		: { line: p.line, reason: p.reason };
}

/** Rows of a generic CSV read with the columns as the person mapped them. */
export function mapRows(
	csv: SniffedCsv,
	mapping: CsvMapping,
	progress: Progress = () => {}
): ParseOutcome {
	try {
		const drafts: ImportDraft[] = [];
		const problems: ImportProblem[] = csv.problems.map(toProblem);
		const total = csv.rows.length;
		for (let start = 0; start < total; start += CHUNK) {
			const part = applyMapping(csv.rows.slice(start, start + CHUNK), mapping);
			drafts.push(...part.drafts);
			problems.push(...part.problems.map(toProblem));
			progress(Math.min(start + CHUNK, total), total);
		}
		problems.sort((a, b) => a.line - b.line);
		return { kind: 'generic', drafts, problems };
	} catch (error) {
		if (error instanceof CsvError) return { kind: 'error', message: error.message };
		throw error;
	}
}

function fromVCards(text: string, progress: Progress): ParseOutcome {
	progress(0, 1);
	const { cards, errors } = parseVCards(text);
	const problems: ImportProblem[] = errors.map(toProblem);
	const drafts: ImportDraft[] = [];
	cards.forEach((card, i) => {
		const draft = cardToDraft(card);
		if (draft) drafts.push(draft);
		else
			problems.push({
				line: card.line,
				name: card.name,
				reason: 'This card could not be read, so it was not imported.'
			});
		if (i % CHUNK === 0) progress(i, cards.length);
	});
	progress(1, 1);
	if (drafts.length === 0) {
		const first = problems[0];
		return {
			kind: 'error',
			message: first
				? `No contact in this file could be read. ${first.reason}${first.line > 1 ? ` (line ${first.line})` : ''}`
				: 'No contact card found in this file.'
		};
	}
	problems.sort((a, b) => a.line - b.line);
	return { kind: 'vcard', drafts, problems };
}

function cardToDraft(card: ParsedCard): ImportDraft | undefined {
	const fields: ContactFields = {
		name: card.name,
		emails: card.emails,
		phones: card.phones,
		links: card.links,
		tags: card.tags
	};
	if (card.organization) fields.organization = card.organization;
	if (card.role) fields.role = card.role;
	if (card.notes) fields.notes = card.notes;
	if (
		!contactSchema.safeParse({ ...fields, id: 'x', createdAt: 0, updatedAt: 0, version: 1 }).success
	) {
		return undefined;
	}
	const draft: ImportDraft = { ...fields, line: card.line };
	const extra = card.extra
		.filter((l) => l.length > 0 && l.length <= EXTRA_LINE_MAX)
		.slice(0, EXTRA_LINES_MAX);
	if (extra.length) draft.extra = extra;
	if (card.starred) draft.starred = true;
	return draft;
}

export type { CsvField, CsvMapping, CsvRow };
