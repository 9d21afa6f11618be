/**
 * The steps of a restore: pick a file; unlock it when it is locked; look at what it holds and
 * choose how to restore; see what changed. The whole file is read and checked before anything is
 * written, and a failure at any step leaves the data as it was and says why.
 */
import type { ParsedBackup, RestoreCounts, RestoreMode } from '$lib/services/backup.service';
import {
	describeRestoreError,
	describeCounts,
	isNeedsPassphrase,
	previewBackup,
	type BackupPreview
} from './backup';

export type RestoreStep =
	| { kind: 'pick' }
	| { kind: 'passphrase'; fileName: string }
	| { kind: 'preview'; fileName: string; preview: BackupPreview }
	| { kind: 'done'; mode: RestoreMode; lines: string[] };

export interface RestoreServices {
	read(file: Blob, passphrase?: string): Promise<ParsedBackup>;
	restore(parsed: ParsedBackup, mode: RestoreMode): Promise<RestoreCounts>;
}

export class RestoreFlow {
	step = $state.raw<RestoreStep>({ kind: 'pick' });
	/** Why the last step did not work; the data is unchanged. */
	error = $state<string>();
	working = $state(false);
	#file: File | undefined;
	#parsed: ParsedBackup | undefined;

	constructor(private readonly services: RestoreServices) {}

	async choose(file: File): Promise<void> {
		this.#file = file;
		this.#parsed = undefined;
		await this.#read(file);
	}

	async unlock(passphrase: string): Promise<void> {
		if (!this.#file) return;
		if (passphrase === '') {
			this.error = 'Enter the passphrase the backup was locked with.';
			return;
		}
		await this.#read(this.#file, passphrase);
	}

	async restore(mode: RestoreMode): Promise<boolean> {
		const parsed = this.#parsed;
		if (!parsed) return false;
		this.error = undefined;
		this.working = true;
		try {
			const counts = await this.services.restore(parsed, mode);
			this.#parsed = undefined;
			this.#file = undefined;
			this.step = { kind: 'done', mode, lines: describeCounts(counts) };
			return true;
		} catch (error) {
			this.error = describeRestoreError(error);
			return false;
		} finally {
			this.working = false;
		}
	}

	reset(): void {
		this.#file = undefined;
		this.#parsed = undefined;
		this.error = undefined;
		this.step = { kind: 'pick' };
	}

	async #read(file: File, passphrase?: string): Promise<void> {
		this.error = undefined;
		this.working = true;
		try {
			const parsed = await this.services.read(file, passphrase);
			this.#parsed = parsed;
			this.step = { kind: 'preview', fileName: file.name, preview: previewBackup(parsed) };
		} catch (error) {
			if (isNeedsPassphrase(error)) {
				this.step = { kind: 'passphrase', fileName: file.name };
			} else {
				this.error = describeRestoreError(error);
				// A wrong passphrase keeps the question open; any other problem is the file's.
				if (this.step.kind !== 'passphrase') this.step = { kind: 'pick' };
			}
		} finally {
			this.working = false;
		}
	}
}
