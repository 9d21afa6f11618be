/**
 * Backing up and restoring the whole database. Export reads every table in one read transaction
 * (a copy of one moment) and writes the backup file, optionally locked with a passphrase. Restore
 * takes a backup that io/backup.ts has already checked in full and writes it in one read-write
 * transaction over every table, so it lands completely or not at all.
 *
 * Two ways to restore:
 * - replace: every table is emptied, then filled from the backup; the device ends up holding
 *   exactly what the backup holds (drafts and settings included).
 * - merge: rows are matched by primary key; a row only in the backup is added, and for a row on
 *   both sides the rule depends on the table (the counts say which rows were added, updated,
 *   kept as the phone had them because the backup's were older, or already the same):
 *   - contacts, interactions, pitches, interviews, questions, drafts: the one changed last wins.
 *     "Changed" is the later of updatedAt and deletedAt, since moving to the trash stamps only
 *     deletedAt. On a tie the device's own row stays: nothing is rewritten for no gain.
 *   - rehearsals and recordings are never edited after they are made, so the device's row stays.
 *   - settings have no time stamps, so the device's own value stays (its card, its speaking
 *     rate), except lastBackupAt, which takes the later of the two, and sampleContactIds and
 *     sampleRecordIds, which take both lists, so "remove sample data" still finds sample
 *     records from either side.
 *
 * Either way, before anything is written, every contact the backup's rows name must be there
 * after the restore, with no loop of introductions (io/backup-references.ts); and the backup's
 * own time counts as a backup of this phone (lastBackupAt), since its data now holds that copy.
 */
import { ALL_TABLES, write, type KithDB } from '$lib/db';
import {
	clearTables,
	putRows,
	readKeys,
	readRows,
	readSnapshot,
	type SnapshotRow
} from '$lib/db/snapshot';
import { LATEST_VERSION } from '$lib/db/versions';
import { toIsoDate } from '$lib/domain/dates';
import type { SettingRow } from '$lib/domain/setting';
import {
	BACKUP_TABLES,
	canonicalJson,
	findBackupIssues,
	parseBackup,
	primaryKeyOf,
	serializeBackup,
	type BackupInput,
	type BackupTableName,
	type ParsedBackup
} from '$lib/io/backup';
import { encryptBackup } from '$lib/io/backup-crypto';
import { BackupError, type BackupIssue } from '$lib/io/backup-errors';
import { findReferenceProblem, type ContactLink } from '$lib/io/backup-references';
import { timestampSchema } from '$lib/domain/dates';
import type { Contact } from '$lib/domain/contact';

export { BackupError, NeedsPassphraseError, type BackupIssue } from '$lib/io/backup-errors';
export type { ParsedBackup } from '$lib/io/backup';

export interface ExportOptions {
	appVersion: string;
	now?: number;
	/** Locks the file; without one the backup is plain JSON anyone holding it can read. */
	passphrase?: string;
	/** Tests only: fewer PBKDF2 iterations than the app's 600,000. */
	iterations?: number;
}

export interface ExportResult {
	/** The file's contents. */
	text: string;
	fileName: string;
	/**
	 * Stored rows that a restore would refuse (normally none). The file is written anyway, so no
	 * data is held back, but it cannot be restored until they are fixed, so lastBackupAt is not
	 * set and the reminder to back up stays.
	 */
	problems: BackupIssue[];
}

/** Writes the backup file for everything on the device and notes the time of the backup. */
export async function exportBackup(
	db: KithDB,
	{ appVersion, now = Date.now(), passphrase, iterations }: ExportOptions
): Promise<ExportResult> {
	const tables = await readSnapshot(db);
	// Encoding audio awaits Blob reads, which would end an IndexedDB transaction, so it runs after.
	const json = await serializeBackup(tables, {
		schemaVersion: LATEST_VERSION,
		exportedAt: now,
		appVersion
	});
	const problems = await findBackupIssues(tables);
	const text =
		passphrase === undefined
			? json
			: canonicalJson(await encryptBackup(json, passphrase, { iterations }));
	if (problems.length === 0)
		await write(db, ['settings'], (r) => r.settings.set('lastBackupAt', now));
	const locked = passphrase === undefined ? '' : '-locked';
	return { text, fileName: `kith-backup-${toIsoDate(new Date(now))}${locked}.json`, problems };
}

/** Reads and checks a backup file made by this or an older Kith; nothing is written. */
export function readBackup(input: BackupInput, passphrase?: string): Promise<ParsedBackup> {
	return parseBackup(input, { currentVersion: LATEST_VERSION, passphrase });
}

export type RestoreMode = 'replace' | 'merge';

export interface TableCounts {
	/** Rows the device did not have. */
	added: number;
	/** Rows the device had, now holding the backup's version (newer, or a replace). */
	updated: number;
	/** Rows the device had and keeps, though the backup's differ: the device's were newer. */
	kept: number;
	/** Rows the device had just as the backup has them. */
	unchanged: number;
	/** Rows the device had that the backup lacks; only a replace removes any. */
	removed: number;
}
export type RestoreCounts = Record<BackupTableName, TableCounts>;

type Outcome = { kind: 'added' | 'updated'; row: object } | { kind: 'unchanged' | 'kept' };

function changedAt(row: object): number {
	const { updatedAt, deletedAt } = row as { updatedAt?: number; deletedAt?: number };
	return Math.max(updatedAt ?? 0, deletedAt ?? 0);
}

function mergeSetting(existing: SettingRow, incoming: SettingRow): Outcome {
	if (existing.key === 'lastBackupAt') {
		const mine = typeof existing.value === 'number' ? existing.value : -1;
		return (incoming.value as number) > mine
			? { kind: 'updated', row: incoming }
			: { kind: keptOrSame(existing, incoming) };
	}
	if (existing.key === 'sampleContactIds') {
		const mine = Array.isArray(existing.value) ? (existing.value as string[]) : [];
		const extra = (incoming.value as string[]).filter((id) => !mine.includes(id));
		return extra.length
			? { kind: 'updated', row: { key: existing.key, value: [...mine, ...extra] } }
			: { kind: 'unchanged' };
	}
	if (existing.key === 'sampleRecordIds') {
		type Ids = Record<'pitches' | 'rehearsals' | 'interviews' | 'questions', string[]>;
		const mine = existing.value as Ids;
		const theirs = incoming.value as Ids;
		const both = { ...mine };
		let extra = 0;
		for (const kind of Object.keys(mine) as (keyof Ids)[]) {
			const more = theirs[kind].filter((id) => !mine[kind].includes(id));
			extra += more.length;
			both[kind] = [...mine[kind], ...more];
		}
		return extra
			? { kind: 'updated', row: { key: existing.key, value: both } }
			: { kind: 'unchanged' };
	}
	return { kind: keptOrSame(existing, incoming) };
}

/** A device row that stays: 'unchanged' when the backup holds the same, else 'kept'. */
function keptOrSame(existing: object, incoming: object): 'kept' | 'unchanged' {
	return sameRow(existing, incoming) ? 'unchanged' : 'kept';
}

/** What a merge does with one backup row, given the device's row under the same key. */
export function mergeRow(
	table: BackupTableName,
	existing: object | undefined,
	incoming: object
): Outcome {
	if (existing === undefined) return { kind: 'added', row: incoming };
	switch (table) {
		case 'rehearsals':
		case 'recordings':
			return { kind: keptOrSame(existing, incoming) };
		case 'settings':
			return mergeSetting(existing as SettingRow, incoming as SettingRow);
		default:
			return changedAt(incoming) > changedAt(existing)
				? { kind: 'updated', row: incoming }
				: { kind: keptOrSame(existing, incoming) };
	}
}

/** Compares two rows for the counts; audio is compared by size and type, not byte by byte. */
function sameRow(a: object, b: object): boolean {
	const comparable = (row: object) => {
		const blob = (row as { blob?: unknown }).blob;
		return blob instanceof Blob ? { ...row, blob: { size: blob.size, type: blob.type } } : row;
	};
	return canonicalJson(comparable(a)) === canonicalJson(comparable(b));
}

/** When the backup was made, when the file says so in a form a backup time can take. */
function madeAt(parsed: ParsedBackup): number | undefined {
	const made = parsed.exportedAt === undefined ? NaN : Date.parse(parsed.exportedAt);
	return timestampSchema.safeParse(made).success ? made : undefined;
}

/** Every contact on the device with what the reference check needs. Call inside a transaction. */
async function deviceContacts(db: KithDB): Promise<Map<string, ContactLink>> {
	const rows = await readRows(db, 'contacts', await readKeys(db, 'contacts'));
	return new Map(rows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
}

/**
 * Writes a checked backup into the database, all or nothing, and says per table what changed.
 * Throws a BackupError, having written nothing, when the backup names a contact that would not
 * be there after the restore or its introductions loop.
 */
export function restoreBackup(
	db: KithDB,
	parsed: ParsedBackup,
	{ mode }: { mode: RestoreMode }
): Promise<RestoreCounts> {
	return write(db, ALL_TABLES, async () => {
		const counts = {} as RestoreCounts;
		const writes = new Map<BackupTableName, object[]>();
		const tables = parsed.tables;
		for (const table of BACKUP_TABLES) {
			const incoming = tables[table] as object[];
			const keys = incoming.map((row) => primaryKeyOf(table, row));
			const existing = await readRows(db, table, keys);
			const c: TableCounts = { added: 0, updated: 0, kept: 0, unchanged: 0, removed: 0 };
			const rows: object[] = [];
			incoming.forEach((row, i) => {
				const mine = existing[i];
				if (mode === 'replace') {
					rows.push(row);
					if (mine === undefined) c.added++;
					else if (sameRow(mine, row)) c.unchanged++;
					else c.updated++;
					return;
				}
				const outcome = mergeRow(table, mine, row);
				c[outcome.kind]++;
				if (outcome.kind === 'added' || outcome.kind === 'updated') rows.push(outcome.row);
			});
			if (mode === 'replace') {
				const kept = new Set(keys);
				c.removed = (await readKeys(db, table)).filter((k) => !kept.has(k)).length;
			}
			counts[table] = c;
			writes.set(table, rows);
		}
		// The contacts there will be: the backup's alone, or the phone's with the merge written over.
		let after: Map<string, ContactLink> | undefined;
		if (mode === 'merge') {
			after = await deviceContacts(db);
			for (const c of writes.get('contacts') as Contact[]) after.set(c.id, c);
		}
		const problem = findReferenceProblem(parsed.tables, after, mode === 'merge');
		if (problem)
			throw new BackupError('broken-references', `This backup cannot be restored. ${problem}.`);
		// A backup file never holds its own backup time, so a replace would forget that this phone
		// was just backed up; the later of the two times stays, as in a merge.
		const [lastBackup] = await readRows(db, 'settings', ['lastBackupAt']);
		if (mode === 'replace') await clearTables(db);
		for (const [table, rows] of writes)
			await putRows(db, table, rows as SnapshotRow<typeof table>[]);
		if (mode === 'replace' && lastBackup) {
			const incoming = tables.settings.find((row) => row.key === 'lastBackupAt');
			if (
				mergeSetting(lastBackup, incoming ?? { key: 'lastBackupAt', value: -1 }).kind !== 'updated'
			)
				await putRows(db, 'settings', [lastBackup]);
		}
		// The data restored was backed up when the file was made: that counts as a backup here,
		// unless this phone has a later one.
		const made = madeAt(parsed);
		const [stored] = await readRows(db, 'settings', ['lastBackupAt']);
		const have = typeof stored?.value === 'number' ? stored.value : -1;
		if (made !== undefined && made > have)
			await putRows(db, 'settings', [{ key: 'lastBackupAt', value: made }]);
		return counts;
	});
}
