/**
 * The use cases bound to the app's own database, for pages. Each service takes the database as
 * its first argument so tests can hand it one of their own; pages never see Dexie.
 */
import { getDb, type KithDB } from '$lib/db';
import {
	captureContact,
	purgeContacts,
	restoreContact,
	trashContact,
	updateContact,
	updateFollowUp
} from './contacts.service';
import type { ParsedBackup, RestoreMode } from './backup.service';
import { deleteAllData, summarizeData } from './data.service';
import {
	addIntroRequest,
	removeIntroRequest,
	restoreIntroRequest,
	setIntroRequestDone
} from './intro-requests.service';
import type { MergeUndo } from './merge.service';
import type { MergeChoices } from '$lib/domain/merge';
import { addTags, removeTag, restoreTag } from './tags.service';
import {
	addSampleData,
	hasSampleData,
	removeSampleData,
	summarizeSampleData
} from './sample-data.service';

function bind<A extends unknown[], R>(service: (db: KithDB, ...rest: A) => R): (...rest: A) => R {
	return (...rest) => service(getDb(), ...rest);
}

export const contacts = {
	capture: bind(captureContact),
	update: bind(updateContact),
	trash: bind(trashContact),
	restore: bind(restoreContact),
	purge: bind(purgeContacts),
	setFollowUp: bind(updateFollowUp)
};

export const tags = {
	add: bind(addTags),
	remove: bind(removeTag),
	restore: bind(restoreTag)
};

export const introRequests = {
	add: bind(addIntroRequest),
	setDone: bind(setIntroRequestDone),
	remove: bind(removeIntroRequest),
	restore: bind(restoreIntroRequest)
};

/** Merging is used rarely: its code loads when a merge is made. */
const mergeService = () => import('./merge.service');

export const merge = {
	async run(keepId: string, otherId: string, choices: MergeChoices) {
		const { mergeContacts } = await mergeService();
		return mergeContacts(getDb(), keepId, otherId, choices);
	},
	async undo(undo: MergeUndo) {
		const { undoMerge } = await mergeService();
		return undoMerge(getDb(), undo);
	}
};

export const sampleData = {
	add: bind(addSampleData),
	remove: bind(removeSampleData),
	present: bind(hasSampleData),
	summary: bind(summarizeSampleData)
};

/** The backup code is heavy (encryption, validation of every table): it loads on first use. */
const backupService = () => import('./backup.service');

export const backup = {
	/** Writes the backup file's text for everything on the device; notes the time when it is sound. */
	async export(passphrase?: string) {
		const { exportBackup } = await backupService();
		return exportBackup(getDb(), { appVersion: __APP_VERSION__, passphrase });
	},
	/** Reads and checks a whole backup file; writes nothing. */
	async read(file: Blob, passphrase?: string) {
		const { readBackup } = await backupService();
		return readBackup(file, passphrase);
	},
	/** Writes a checked backup, all or nothing. */
	async restore(parsed: ParsedBackup, mode: RestoreMode) {
		const { restoreBackup } = await backupService();
		return restoreBackup(getDb(), parsed, { mode });
	}
};

export const data = {
	summary: bind(summarizeData),
	deleteAll: bind(deleteAllData)
};
