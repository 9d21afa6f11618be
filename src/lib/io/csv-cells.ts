/**
 * The cell conventions Kith's CSV files share with spreadsheet apps: how several values sit in one
 * cell, and how a cell that a spreadsheet would run as a formula is made inert and read back.
 */

/** Google Contacts puts several values in one cell this way; Kith's own files do the same. */
export const MULTI_SEPARATOR = ' ::: ';

/**
 * Spreadsheets treat a cell that begins with one of these as a formula (CSV injection). The run of
 * quotes in front is there so that a value which itself begins with quotes and then one of these
 * also gets a quote added: that keeps `restoreCell` the exact inverse of `neutraliseCell`.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Prefixes a single quote to a cell a spreadsheet would otherwise run as a formula. */
export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCell`, for reading back a file Kith wrote. */
export function restoreCell(value: string): string {
	return NEUTRALISED.test(value) ? value.slice(1) : value;
}
