/**
 * Reads the bytes or text of a CSV file into rows of cells, each tagged with the line of the file on
 * which it starts, so that import messages can point at the place a person would look. Refuses empty
 * files and files that are not text at all with a message a person can act on.
 */
import Papa from 'papaparse';
import { decodeAs, decodeGuessing, type EncodingNote, type TextEncoding } from '../text-encoding';

/** What a file picker or a test can hand over: raw bytes are best, as they keep the encoding. */
export type CsvInput = string | ArrayBuffer | Uint8Array;

export type CsvErrorCode = 'empty' | 'binary' | 'no-header' | 'no-name-column';

/** A file that cannot be imported at all; `message` is written for the person importing. */
export class CsvError extends Error {
	readonly code: CsvErrorCode;

	constructor(code: CsvErrorCode, message: string) {
		super(message);
		this.name = 'CsvError';
		this.code = code;
	}
}

export interface CsvRow {
	/** 1-based line of the file on which the row starts (a quoted cell may span several lines). */
	line: number;
	cells: string[];
}

export interface ReadRows {
	rows: CsvRow[];
	/** The line of a row whose opening quotation mark is never closed: everything after it is lost. */
	unclosedQuoteLine?: number;
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 written without a byte-order mark shows as a zero in every other byte of plain text. */
function looksLikeUtf16(bytes: Uint8Array, zeroAt: 0 | 1): boolean {
	const n = Math.min(bytes.length, 2000) & ~1;
	if (n < 4) return false;
	let zeros = 0;
	for (let i = zeroAt; i < n; i += 2) if (bytes[i] === 0) zeros++;
	return zeros > (n / 2) * 0.9;
}

/**
 * Text from bytes. Google's older exports are UTF-16, most others UTF-8 with or without a byte-order
 * mark, and a CSV saved by an old spreadsheet app is often Windows-1252: invalid UTF-8 falls back to
 * it rather than filling names with replacement characters.
 */
export function decodeCsv(input: CsvInput): string {
	return readCsvText(input).text;
}

/**
 * The text, and a note when its encoding was guessed (the Windows-1252 fallback) or chosen by
 * the person (`encoding`), for the preview to say so.
 */
export function readCsvText(
	input: CsvInput,
	encoding?: TextEncoding
): { text: string; note?: EncodingNote } {
	if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, '') };
	const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
	if (encoding) return { text: decodeAs(bytes, encoding), note: { used: encoding, chosen: true } };
	const decode = (label: string, from = 0) => ({
		text: new TextDecoder(label).decode(bytes.subarray(from))
	});
	if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return decode('utf-8', 3);
	if (startsWith(bytes, 0xff, 0xfe)) return decode('utf-16le', 2);
	if (startsWith(bytes, 0xfe, 0xff)) return decode('utf-16be', 2);
	if (looksLikeUtf16(bytes, 1)) return decode('utf-16le');
	if (looksLikeUtf16(bytes, 0)) return decode('utf-16be');
	return decodeGuessing(bytes);
}

// The first bytes of formats people pick by mistake, for a message that says what to do instead.
const SIGNATURES: [string, string][] = [
	[
		'PK\u0003\u0004',
		'This is a compressed file or a spreadsheet workbook (such as .xlsx), not CSV. Open it in your spreadsheet app, save it as CSV, and import that file.'
	],
	['%PDF-', 'This is a PDF document, not CSV. Choose the .csv file you exported.']
];

const NOT_TEXT =
	'This file is not plain text, so it cannot be a CSV file. Choose the .csv file you exported.';

/**
 * Throws for a file with nothing in it or one that is not text. A text file never holds a NUL, and
 * only a handful of other control characters; a picture or a workbook is full of them.
 */
export function assertCsvText(text: string): void {
	for (const [signature, message] of SIGNATURES) {
		if (text.startsWith(signature)) throw new CsvError('binary', message);
	}
	const sample = text.slice(0, 65_536);
	let controls = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if (c === 0) throw new CsvError('binary', NOT_TEXT);
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) controls++;
	}
	if (controls > 4 && controls > sample.length / 100) throw new CsvError('binary', NOT_TEXT);
	if (!text.trim()) {
		throw new CsvError('empty', 'This file is empty. Choose the file again, or export it again.');
	}
}

/** Line breaks in `text[from, to)`: CRLF, LF and a lone CR each end one line. */
function countLineBreaks(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) n++;
		else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
	}
	return n;
}

/**
 * Splits text into rows with `delimiter`, keeping each row's starting line, skipping blank rows.
 * Stops after `limit` rows (blank ones included) when given, to look for a header cheaply.
 */
export function readRows(text: string, delimiter: string, limit?: number): ReadRows {
	const rows: CsvRow[] = [];
	let unclosedQuoteLine: number | undefined;
	let start = 0;
	let line = 1;
	let seen = 0;
	Papa.parse<string[]>(text, {
		delimiter,
		step(result, parser) {
			const cells = result.data;
			if (result.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuoteLine = line;
			else if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
			const end = result.meta.cursor;
			line += countLineBreaks(text, start, end);
			start = end;
			seen++;
			if (limit !== undefined && seen >= limit) parser.abort();
		}
	});
	return unclosedQuoteLine === undefined ? { rows } : { rows, unclosedQuoteLine };
}

/** Header cells compared without case, spaces or punctuation: "E-mail 1 - Value" is "email1value". */
export function headerKey(header: string): string {
	return header
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}
