/**
 * Checking a backup's rows before anything is restored: every field of every row against the
 * domain schemas (settings against each key's own value schema), recordings' audio decoded, and
 * primary keys used twice, each problem put in words that name where it is. Pure: no DOM, no Dexie.
 */
import type { z } from 'zod/mini';
import type { Recording } from '$lib/domain/pitch';
import { settingSchemas, type SettingRow } from '$lib/domain/setting';
import {
	PRIMARY_KEYS as BACKUP_PRIMARY_KEYS,
	TABLE_SCHEMAS as BACKUP_ROW_SCHEMAS,
	TABLES as BACKUP_TABLES,
	type TableName as BackupTableName,
	type Tables as BackupTables
} from '$lib/domain/tables';
import { fromBase64, toBase64 } from './backup-base64';
import { BackupError, formatIssue, type BackupIssue } from './backup-errors';

export function primaryKeyOf(table: BackupTableName, row: object): string {
	return (row as Record<string, string>)[BACKUP_PRIMARY_KEYS[table]]!;
}

export async function encodeRecording(row: Recording): Promise<unknown> {
	const bytes = new Uint8Array(await row.blob.arrayBuffer());
	return { ...row, blob: { base64: toBase64(bytes), type: row.blob.type } };
}

// Enough to fix a hand-edited file; a file with thousands of wrong rows is not worth listing.
const MAX_ISSUES = 1000;
const SHOWN_ISSUES = 5;

interface ZodIssueLike {
	code: string;
	path: PropertyKey[];
	message: string;
	expected?: unknown;
	origin?: unknown;
	minimum?: unknown;
	maximum?: unknown;
	format?: unknown;
	values?: unknown[];
	keys?: string[];
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
	let v = root;
	for (const p of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[p];
	}
	return v;
}

function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return JSON.stringify(cut);
	}
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a record';
	return String(value);
}

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'a record'
};

/** zod/mini ships no messages ("Invalid input"), so each kind of problem is put in words here. */
function describeIssue(issue: ZodIssueLike, value: unknown): string {
	const own = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
	const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
	switch (issue.code) {
		case 'invalid_type':
			return `should be ${EXPECTED[String(issue.expected)] ?? String(issue.expected)} (got ${show(value)})`;
		case 'too_small':
			if (issue.origin === 'string' && issue.minimum === 1) return 'should not be empty';
			return `should be at least ${String(issue.minimum)}${unit} (got ${issue.origin === 'number' ? show(value) : 'fewer'})`;
		case 'too_big':
			return `should be at most ${String(issue.maximum)}${unit} (got ${issue.origin === 'number' ? show(value) : 'more'})`;
		case 'invalid_format':
			if (own) return `${own} (got ${show(value)})`;
			if (issue.format === 'date') return `should be a date like 2024-05-31 (got ${show(value)})`;
			return `has the wrong format (got ${show(value)})`;
		case 'invalid_value': {
			const values = (issue.values ?? []).map(String);
			const list = values.length > 10 ? `${values.slice(0, 10).join(', ')}, …` : values.join(', ');
			return `should be one of ${list} (got ${show(value)})`;
		}
		case 'unrecognized_keys':
			return `has fields Kith does not know: ${(issue.keys ?? []).join(', ')}`;
		default:
			return own ?? `is not valid (got ${show(value)})`;
	}
}

function issuesOf(
	schema: z.ZodMiniType,
	value: unknown,
	at: Omit<BackupIssue, 'path' | 'message'>,
	prefix: (string | number)[] = []
): { data?: unknown; issues: BackupIssue[] } {
	const result = schema.safeParse(value);
	if (result.success) return { data: result.data, issues: [] };
	return {
		issues: (result.error.issues as ZodIssueLike[]).map((i) => ({
			...at,
			path: [...prefix, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
			message: describeIssue(i, valueAt(value, i.path))
		}))
	};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Turns a recording's `{ base64, type }` back into a Blob, or says what is wrong with it. */
function decodeRecording(
	row: Record<string, unknown>,
	at: Omit<BackupIssue, 'path' | 'message'>
): { row: Record<string, unknown>; issues: BackupIssue[] } {
	const blob = row.blob;
	const audioIssue = (path: (string | number)[], message: string) => ({
		row,
		issues: [{ ...at, path, message }]
	});
	if (
		!isRecord(blob) ||
		typeof blob.base64 !== 'string' ||
		typeof blob.type !== 'string' ||
		Object.keys(blob).length !== 2
	)
		return audioIssue(['blob'], 'should be audio data as { base64, type }');
	const bytes = fromBase64(blob.base64);
	if (!bytes) return audioIssue(['blob', 'base64'], 'is damaged (not valid base64)');
	return { row: { ...row, blob: new Blob([bytes], { type: blob.type }) }, issues: [] };
}

/** Checks one row against its table's schema; gives back the parsed row when it is sound. */
function checkRow(
	table: BackupTableName,
	raw: unknown,
	index: number
): { row?: unknown; issues: BackupIssue[] } {
	const key = isRecord(raw) ? raw[BACKUP_PRIMARY_KEYS[table]] : undefined;
	const at = { table, index, ...(typeof key === 'string' ? { key } : {}) };
	if (!isRecord(raw))
		return { issues: [{ ...at, path: [], message: `should be a record (got ${show(raw)})` }] };
	let row: Record<string, unknown> = raw;
	if (table === 'recordings') {
		const decoded = decodeRecording(raw, at);
		if (decoded.issues.length) return decoded;
		row = decoded.row;
	}
	const checked = issuesOf(BACKUP_ROW_SCHEMAS[table], row, at);
	if (checked.issues.length) return checked;
	// A setting row's schema leaves the value open; each key has its own value schema.
	if (table === 'settings') {
		const setting = checked.data as SettingRow;
		const value = issuesOf(settingSchemas[setting.key], setting.value, at, ['value']);
		if (value.issues.length) return value;
		return { row: { key: setting.key, value: value.data }, issues: [] };
	}
	return { row: checked.data, issues: [] };
}

/**
 * Every problem in these tables, in file order, up to MAX_ISSUES: rows that fail their schema and
 * primary keys used twice. Rows are in the file's form (recordings' audio as `{ base64, type }`).
 */
export function checkTables(raw: Record<BackupTableName, unknown[]>): {
	tables: BackupTables;
	issues: BackupIssue[];
} {
	const issues: BackupIssue[] = [];
	const tables = {} as Record<BackupTableName, unknown[]>;
	for (const table of BACKUP_TABLES) {
		const seen = new Set<string>();
		const rows: unknown[] = [];
		raw[table].forEach((value, index) => {
			if (issues.length >= MAX_ISSUES) return;
			const checked = checkRow(table, value, index);
			issues.push(...checked.issues);
			if (checked.row === undefined) return;
			const key = primaryKeyOf(table, checked.row as object);
			// Two rows with one key would silently collapse into one when written.
			if (seen.has(key))
				issues.push({
					table,
					index,
					key,
					path: [BACKUP_PRIMARY_KEYS[table]],
					message: `${JSON.stringify(key)} is used by an earlier row too`
				});
			seen.add(key);
			rows.push(checked.row);
		});
		tables[table] = rows;
	}
	return { tables: tables as unknown as BackupTables, issues: issues.slice(0, MAX_ISSUES) };
}

/** The problems a restore of these (already typed) tables would refuse; empty when all is well. */
export async function findBackupIssues(tables: BackupTables): Promise<BackupIssue[]> {
	const raw = {} as Record<BackupTableName, unknown[]>;
	for (const name of BACKUP_TABLES)
		raw[name] =
			name === 'recordings'
				? await Promise.all(tables.recordings.map(encodeRecording))
				: tables[name];
	return checkTables(raw).issues;
}

export function invalidRows(issues: BackupIssue[]): BackupError {
	const n = issues.length;
	const listed = issues.slice(0, SHOWN_ISSUES).map(formatIssue).join('; ');
	const more = n > SHOWN_ISSUES ? `; and ${n - SHOWN_ISSUES} more` : '';
	const count =
		n >= MAX_ISSUES ? `at least ${n} problems` : n === 1 ? '1 problem' : `${n} problems`;
	return new BackupError(
		'invalid-rows',
		`This backup has ${count}, so nothing was restored: ${listed}${more}.`,
		issues
	);
}
