/**
 * Finding what a CSV file is: its delimiter, its header row, and whether that header is LinkedIn's,
 * Google's, or another naming a name column ('generic'); without one the file is 'unknown'.
 */
import type { EncodingNote, TextEncoding } from '../text-encoding';
import type { CsvKind, CsvProblem } from './csv-drafts';
import { guessMapping, NAME_FIELDS } from './csv-mapping';
import {
	assertCsvText,
	headerKey,
	readCsvText,
	readRows,
	type CsvInput,
	type CsvRow
} from './csv-read';

export interface SniffedCsv {
	kind: CsvKind;
	/** The header row's cells; empty when no header was found (`kind` is then 'unknown'). */
	headers: string[];
	/** The header's line in the file, 0 when there is none. */
	headerLine: number;
	/** The rows under the header, or every row when there is no header. Blank rows are left out. */
	rows: CsvRow[];
	/** Damage found while reading the file itself; show these with the rows' own problems. */
	problems: CsvProblem[];
	/** Said when the text encoding was guessed or chosen rather than known. */
	encoding?: EncodingNote;
}

export type Columns = Map<string, number>;

export function columnsOf(headers: readonly string[]): Columns {
	const columns: Columns = new Map();
	headers.forEach((h, i) => {
		const key = headerKey(h);
		if (!columns.has(key)) columns.set(key, i);
	});
	return columns;
}

function isLinkedInHeader(columns: Columns): boolean {
	return ['firstname', 'lastname', 'connectedon'].every((k) => columns.has(k));
}

const GOOGLE_NUMBERED =
	/^(email|phone|website|organization|address|relation|event|im)\d+(value|label|type|name|title|formatted)$/;

function isGoogleHeader(columns: Columns): boolean {
	const named = columns.has('firstname') || columns.has('givenname') || columns.has('name');
	if (!named) return false;
	if (columns.has('groupmembership')) return true;
	if (columns.has('labels') && (columns.has('fileas') || columns.has('organizationname'))) {
		return true;
	}
	return [...columns.keys()].some((k) => GOOGLE_NUMBERED.test(k));
}

// Header cells never hold an address, a link or a number; data rows usually do.
const LOOKS_LIKE_DATA = /@|^https?:\/\/|^\+?[\d\s().-]{6,}$/i;

// LinkedIn puts a few lines of notes above its header; other tools rarely put more than a title.
const HEADER_SEARCH_ROWS = 30;
const GENERIC_HEADER_SEARCH_ROWS = 5;

interface Header {
	kind: Exclude<CsvKind, 'unknown'>;
	index: number;
}

function findHeader(rows: readonly CsvRow[]): Header | undefined {
	for (let index = 0; index < rows.length && index < HEADER_SEARCH_ROWS; index++) {
		const cells = (rows[index]?.cells ?? []).map((c) => c.trim());
		const columns = columnsOf(cells);
		if (isLinkedInHeader(columns)) return { kind: 'linkedin', index };
		if (isGoogleHeader(columns)) return { kind: 'google', index };
		if (
			index < GENERIC_HEADER_SEARCH_ROWS &&
			guessMapping(cells).some((f) => NAME_FIELDS.has(f)) &&
			!cells.some((c) => LOOKS_LIKE_DATA.test(c))
		) {
			return { kind: 'generic', index };
		}
	}
	return undefined;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Reads a CSV file and tells which kind it is: LinkedIn connections, Google contacts, another CSV
 * with a header naming a name column ('generic'), or one without such a header ('unknown').
 * Throws a `CsvError` for an empty file and for one that is not text.
 */
export function sniffCsv(input: CsvInput, encoding?: TextEncoding): SniffedCsv {
	const { text, note } = readCsvText(input, encoding);
	const noted = note ? { encoding: note } : {};
	assertCsvText(text);
	// Excel writes "sep=;" as a first line when the file uses a delimiter other than its default.
	const hint = /^sep=(.)\r?\n/i.exec(text)?.[1];
	const delimiters = hint ? [hint] : DELIMITERS;

	let widest = { delimiter: ',', cells: 0 };
	for (const delimiter of delimiters) {
		// Blank lines count towards the limit, so leave room for a few of them.
		const preview = readRows(text, delimiter, HEADER_SEARCH_ROWS * 2).rows;
		const header = findHeader(preview);
		const width = preview[0]?.cells.length ?? 0;
		if (width > widest.cells) widest = { delimiter, cells: width };
		if (!header) continue;
		const read = readRows(text, delimiter);
		const headerRow = read.rows[header.index] as CsvRow;
		return {
			kind: header.kind,
			headers: headerRow.cells.map((c) => c.trim()),
			headerLine: headerRow.line,
			rows: read.rows.slice(header.index + 1),
			problems: readProblems(read.unclosedQuoteLine),
			...noted
		};
	}
	const read = readRows(text, widest.delimiter);
	return {
		kind: 'unknown',
		headers: [],
		headerLine: 0,
		rows: hint ? read.rows.filter((row) => row.line > 1) : read.rows,
		problems: readProblems(read.unclosedQuoteLine),
		...noted
	};
}

function readProblems(unclosedQuoteLine: number | undefined): CsvProblem[] {
	if (unclosedQuoteLine === undefined) return [];
	return [
		{
			line: unclosedQuoteLine,
			reason:
				'A quotation mark opened on this line is never closed, so this line and everything after it could not be read. Open the file in a spreadsheet app, save it as CSV again, and import it again.',
			skipped: true
		}
	];
}
