/**
 * The Kith backup file: every table of the database as one JSON document,
 * `{ format: 'kith-backup', schemaVersion, exportedAt, appVersion, tables: { contacts: [...], ... } }`.
 * Writing is deterministic (object keys sorted at every depth, rows sorted by primary key, audio
 * as base64), so the same data always gives the same bytes and "export, restore, export" can be
 * checked byte for byte. Reading checks everything before anything is written: size, JSON, format,
 * version (older files are upgraded first, newer ones refused), and every field of every row
 * against the domain schemas (backup-check.ts); one wrong value refuses the whole file, naming
 * where it is.
 * Pure: no DOM, no Dexie. The database version is passed in by the caller, since io sits beside
 * db, not above it.
 */
import type { Recording } from '$lib/domain/pitch';
import { checkTables, encodeRecording, invalidRows, isRecord, primaryKeyOf } from './backup-check';
import { decryptBackup, isEncryptedBackup } from './backup-crypto';
import { BackupError, NeedsPassphraseError } from './backup-errors';
import {
	BACKUP_UPGRADES,
	upgradeTables,
	type BackupUpgrade,
	type RawTables
} from './backup-upgrades';

export const BACKUP_FORMAT = 'kith-backup';
/** Far above any real network's data (audio included), and small enough to parse on a phone. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/**
 * Kith's deepest data sits about ten levels down (file, tables, table, row, a draft's values and
 * what they hold); a file nested deeper is refused before it is parsed, since parsing, checking
 * and storing such data take seconds or overflow the stack.
 */
export const MAX_BACKUP_DEPTH = 16;

/** Every table a backup carries, in the order they are written and restored. */
import {
	TABLES as BACKUP_TABLES,
	TABLE_SCHEMAS as BACKUP_ROW_SCHEMAS,
	PRIMARY_KEYS as BACKUP_PRIMARY_KEYS,
	type TableName as BackupTableName,
	type Tables as BackupTables
} from '$lib/domain/tables';
export { BACKUP_TABLES, BACKUP_ROW_SCHEMAS, BACKUP_PRIMARY_KEYS };
export type { BackupTableName, BackupTables };
export { findBackupIssues, primaryKeyOf } from './backup-check';

export interface BackupMeta {
	/** The database version whose row shapes the tables have (LATEST_VERSION). */
	schemaVersion: number;
	/** Epoch milliseconds; written as an ISO string. */
	exportedAt: number;
	appVersion: string;
}

/** A backup that passed every check, its rows in the current shape, ready to restore. */
export interface ParsedBackup {
	/** The version the rows now have (after any upgrade). */
	schemaVersion: number;
	/** The version the file was written with; lower than `schemaVersion` when it was upgraded. */
	fileSchemaVersion: number;
	exportedAt?: string;
	appVersion?: string;
	encrypted: boolean;
	tables: BackupTables;
}

export interface ParseOptions {
	/** The newest database version this app knows (LATEST_VERSION). */
	currentVersion: number;
	/** Needed for a locked backup; without it a NeedsPassphraseError asks for one. */
	passphrase?: string;
	/** Tests only: a registry of upgrade steps other than the app's own. */
	upgrades?: Readonly<Record<number, BackupUpgrade>>;
}

export type BackupInput = string | Uint8Array | ArrayBuffer | Blob;

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * JSON with object keys in code-unit order at every depth. Hand-written because JSON.stringify
 * follows property order, which puts integer-like keys ("10", "2") first whatever the sort.
 * Otherwise it follows JSON.stringify: toJSON is honoured, undefined keys are left out, and
 * undefined or non-finite values in arrays become null.
 */
export function canonicalJson(value: unknown): string {
	if (value !== null && typeof value === 'object') {
		const withJson = value as { toJSON?: () => unknown };
		if (typeof withJson.toJSON === 'function') return canonicalJson(withJson.toJSON());
		if (Array.isArray(value))
			return `[${value.map((v) => (skippable(v) ? 'null' : canonicalJson(v))).join(',')}]`;
		const record = value as Record<string, unknown>;
		const parts: string[] = [];
		for (const key of Object.keys(record).sort(compareKeys)) {
			const v = record[key];
			if (!skippable(v)) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
		}
		return `{${parts.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function skippable(v: unknown): boolean {
	return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Code-unit order: the order IndexedDB keeps string keys in, and the same on every engine. */
function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The backup file's text for these tables. Same tables and meta, same bytes. */
export async function serializeBackup(tables: BackupTables, meta: BackupMeta): Promise<string> {
	const out: Record<string, unknown[]> = {};
	for (const name of BACKUP_TABLES) {
		const rows = [...(tables[name] as object[])].sort((a, b) =>
			compareKeys(primaryKeyOf(name, a), primaryKeyOf(name, b))
		);
		out[name] =
			name === 'recordings' ? await Promise.all((rows as Recording[]).map(encodeRecording)) : rows;
	}
	return canonicalJson({
		format: BACKUP_FORMAT,
		schemaVersion: meta.schemaVersion,
		exportedAt: new Date(meta.exportedAt).toISOString(),
		appVersion: meta.appVersion,
		tables: out
	});
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The text's UTF-8 size, or a bound on it when the bound already settles the size check. */
function utf8Length(text: string): number {
	// Each UTF-16 unit is 1 to 3 bytes, so only text between a third of the limit and the limit
	// needs counting.
	if (text.length > MAX_BACKUP_BYTES || text.length * 3 <= MAX_BACKUP_BYTES) return text.length;
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// A surrogate pair is 4 bytes in all, 2 for each half.
		bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
	}
	return bytes;
}

function tooLarge(bytes: number): BackupError {
	const mb = (bytes / (1024 * 1024)).toFixed(1);
	return new BackupError(
		'too-large',
		`This file is ${mb} MB, larger than any Kith backup can be (50 MB), so it was not opened. Check that you picked the right file.`
	);
}

function decodeBytes(bytes: Uint8Array): string {
	if (bytes.byteLength > MAX_BACKUP_BYTES) throw tooLarge(bytes.byteLength);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new BackupError(
			'not-text',
			'This is not a Kith backup: the file is not text (it may be a photo, a document or another app’s file).'
		);
	}
}

async function readText(input: BackupInput): Promise<string> {
	let text: string;
	if (typeof input === 'string') {
		const bytes = utf8Length(input);
		if (bytes > MAX_BACKUP_BYTES) throw tooLarge(bytes);
		text = input.replace(/^\uFEFF/, '');
	} else if (input instanceof ArrayBuffer) text = decodeBytes(new Uint8Array(input));
	else if (ArrayBuffer.isView(input)) text = decodeBytes(input);
	else {
		// A File is read only once its size is known to be sane.
		if (input.size > MAX_BACKUP_BYTES) throw tooLarge(input.size);
		text = decodeBytes(new Uint8Array(await input.arrayBuffer()));
	}
	if (text.trim() === '')
		throw new BackupError('empty', 'This file is empty, so there is nothing in it to restore.');
	return text;
}

/** True when lists and records in this JSON text nest deeper than `max`; strings are skipped. */
export function nestsDeeperThan(text: string, max: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // a backslash: the next character is escaped
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > max) return true;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return false;
}

function parseJson(text: string): unknown {
	if (nestsDeeperThan(text, MAX_BACKUP_DEPTH))
		throw new BackupError(
			'too-deep',
			`This file cannot be restored: its data is nested more deeply than any Kith backup (more than ${MAX_BACKUP_DEPTH} levels), so it was not opened.`
		);
	try {
		return JSON.parse(text);
	} catch {
		throw new BackupError(
			'not-json',
			'This file cannot be read as a Kith backup: its text is damaged or cut short (it is not valid JSON). Try another copy of the backup.'
		);
	}
}

const notKith = () => new BackupError('not-kith', 'This is not a Kith backup.');

function checkDocument(doc: unknown, options: ParseOptions, encrypted: boolean): ParsedBackup {
	if (!isRecord(doc) || doc.format !== BACKUP_FORMAT) throw notKith();
	const version = doc.schemaVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		throw new BackupError(
			'bad-version',
			'This backup does not say which version of Kith made it, so it cannot be restored safely.'
		);
	if (version > options.currentVersion)
		throw new BackupError(
			'newer-version',
			`This backup was made by a newer version of Kith; update Kith first, then restore it. (The backup has data version ${version}; this Kith reads up to version ${options.currentVersion}.)`
		);
	if (!isRecord(doc.tables))
		throw new BackupError('missing-table', 'This backup holds no tables of data to restore.');
	const fileTables: RawTables = {};
	for (const [name, rows] of Object.entries(doc.tables)) {
		if (!Array.isArray(rows))
			throw new BackupError(
				'invalid-rows',
				`This backup cannot be restored: its "${name}" table is not a list of records.`
			);
		fileTables[name] = rows;
	}
	let upgraded: RawTables;
	try {
		upgraded = upgradeTables(
			fileTables,
			version,
			options.currentVersion,
			options.upgrades ?? BACKUP_UPGRADES
		);
	} catch {
		throw new BackupError(
			'bad-version',
			`This backup from an older Kith (data version ${version}) could not be brought up to date, so nothing was restored.`
		);
	}
	const unknown = Object.keys(upgraded).filter(
		(name) => !(BACKUP_TABLES as readonly string[]).includes(name)
	);
	if (unknown.length)
		throw new BackupError(
			'unknown-table',
			`This backup holds data Kith does not know how to restore (${unknown.map((n) => `"${n}"`).join(', ')}), so nothing was restored.`
		);
	const missing = BACKUP_TABLES.filter((name) => !Array.isArray(upgraded[name]));
	if (missing.length)
		throw new BackupError(
			'missing-table',
			`This backup is incomplete: it has no ${missing.map((n) => `"${n}"`).join(', ')} table, so nothing was restored.`
		);
	const { tables, issues } = checkTables(upgraded as Record<BackupTableName, unknown[]>);
	if (issues.length) throw invalidRows(issues);
	return {
		schemaVersion: options.currentVersion,
		fileSchemaVersion: version,
		...(typeof doc.exportedAt === 'string' ? { exportedAt: doc.exportedAt } : {}),
		...(typeof doc.appVersion === 'string' ? { appVersion: doc.appVersion } : {}),
		encrypted,
		tables
	};
}

/**
 * Reads a backup file (text, bytes, or the picked File itself) and checks all of it. Throws a
 * BackupError with a message for the person restoring when anything is wrong, and a
 * NeedsPassphraseError when the file is locked and `passphrase` is missing.
 */
export async function parseBackup(
	input: BackupInput,
	options: ParseOptions
): Promise<ParsedBackup> {
	const doc = parseJson(await readText(input));
	if (!isEncryptedBackup(doc)) return checkDocument(doc, options, false);
	if (options.passphrase === undefined) throw new NeedsPassphraseError();
	const inner = parseJson(await decryptBackup(doc, options.passphrase));
	// A locked file inside a locked file is not something Kith writes.
	if (isEncryptedBackup(inner)) throw notKith();
	return checkDocument(inner, options, true);
}
