/**
 * Writes contacts and interactions as CSV files for a spreadsheet app: a header row, CRLF line
 * ends, RFC 4180 quoting, several values in one cell joined with " ::: ". Every cell that a
 * spreadsheet would run as a formula is made inert, because names and notes are whatever someone
 * typed or imported, and opening an export must never run anything.
 */
import { CIRCLES } from '$lib/domain/circles';
import type { Contact } from '$lib/domain/contact';
import { CHANNEL_LABELS, OUTCOME_LABELS, type Touchpoint } from '$lib/domain/touchpoint';
import { MULTI_SEPARATOR, neutraliseCell } from './csv-cells';

export interface CsvExportOptions {
	/**
	 * Start with a UTF-8 byte-order mark (the default): without it Excel reads the file as the
	 * computer's legacy code page and garbles every accented name.
	 */
	bom?: boolean;
}

const CONTACT_CSV_HEADERS = [
	'Name',
	'Circle',
	'Met at',
	'Met on',
	'Organization',
	'Role',
	'Field',
	'Emails',
	'Phones',
	'Links',
	'Tags',
	'Introduced by',
	'Next follow-up',
	'Notes'
] as const;

const TOUCHPOINT_CSV_HEADERS = [
	'Date',
	'Contact',
	'Channel',
	'Summary',
	'Received',
	'Gave',
	'Follow-up on',
	'Follow-up done'
] as const;

const circleLabels = new Map<string, string>(CIRCLES.map((c) => [c.id, c.label]));

function csvCell(value: string): string {
	const safe = neutraliseCell(value);
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsv(headers: readonly string[], rows: string[][], options: CsvExportOptions): string {
	const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(','));
	return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/**
 * One row per contact, in the order given. The introducer is written by name, looked up among the
 * same contacts, because an id means nothing in a spreadsheet.
 */
export function contactsToCsv(
	contacts: readonly Contact[],
	options: CsvExportOptions = {}
): string {
	const names = new Map(contacts.map((c) => [c.id, c.name]));
	const rows = contacts.map((c) => [
		c.name,
		c.circle ? (circleLabels.get(c.circle) ?? c.circle) : '',
		c.metAt ?? '',
		c.metOn ?? '',
		c.organization ?? '',
		c.role ?? '',
		c.field ?? '',
		c.emails.join(MULTI_SEPARATOR),
		c.phones.join(MULTI_SEPARATOR),
		c.links.join(MULTI_SEPARATOR),
		c.tags.join(MULTI_SEPARATOR),
		(c.introducedById && names.get(c.introducedById)) || '',
		c.nextFollowUpOn ?? '',
		c.notes ?? ''
	]);
	return toCsv(CONTACT_CSV_HEADERS, rows, options);
}

export type ContactNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function nameOf(names: ContactNames, id: string): string {
	if (names instanceof Map) return (names as ReadonlyMap<string, string>).get(id) ?? '';
	const record = names as Readonly<Record<string, string>>;
	return Object.hasOwn(record, id) ? (record[id] ?? '') : '';
}

/** One row per touchpoint, naming its contact through `contactNames` (contact id to name). */
export function touchpointsToCsv(
	interactions: readonly Touchpoint[],
	contactNames: ContactNames,
	options: CsvExportOptions = {}
): string {
	const rows = interactions.map((i) => [
		i.on,
		nameOf(contactNames, i.contactId),
		CHANNEL_LABELS[i.channel],
		i.summary,
		i.received.map((o) => OUTCOME_LABELS[o]).join(MULTI_SEPARATOR),
		i.gave ?? '',
		i.followUpOn ?? '',
		i.followUpDone ? 'yes' : i.followUpOn ? 'no' : ''
	]);
	return toCsv(TOUCHPOINT_CSV_HEADERS, rows, options);
}
