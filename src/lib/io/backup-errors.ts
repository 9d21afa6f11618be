/**
 * The ways reading a backup can fail, each with a message written for the person restoring.
 * Every one of them is raised before anything is written, so the message can promise that
 * nothing changed.
 */

export type BackupErrorCode =
	| 'too-large'
	| 'too-deep'
	| 'empty'
	| 'not-text'
	| 'not-json'
	| 'not-kith'
	| 'bad-version'
	| 'newer-version'
	| 'missing-table'
	| 'unknown-table'
	| 'invalid-rows'
	| 'broken-references'
	| 'needs-passphrase'
	| 'wrong-passphrase'
	| 'bad-envelope'
	| 'no-passphrase';

/** One wrong value in one row: where it is, and what is wrong with it. */
export interface BackupIssue {
	table: string;
	/** The row's position in the file's table, from 0. */
	index: number;
	/** The row's primary key when it has a readable one. */
	key?: string;
	/** Inside the row, e.g. `['emails', 0]`; empty for the row as a whole. */
	path: (string | number)[];
	message: string;
}

/** `contacts[12].emails.0: That email address does not look complete` */
export function formatIssue(issue: BackupIssue): string {
	const where = [`${issue.table}[${issue.index}]`, ...issue.path.map(String)].join('.');
	return `${where}: ${issue.message}`;
}

export class BackupError extends Error {
	override name = 'BackupError';
	constructor(
		readonly code: BackupErrorCode,
		message: string,
		/** Every wrong value found, for 'invalid-rows'. */
		readonly issues: BackupIssue[] = []
	) {
		super(message);
	}
}

/**
 * The file is an encrypted backup and no passphrase was given: ask for one and read it again.
 * A subclass, so a single `catch (e) { if (e instanceof BackupError) ... }` still covers it.
 */
export class NeedsPassphraseError extends BackupError {
	override name = 'NeedsPassphraseError';
	constructor() {
		super(
			'needs-passphrase',
			'This backup is locked with a passphrase. Enter it to open the backup.'
		);
	}
}
