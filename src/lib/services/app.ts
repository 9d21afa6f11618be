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
import type { ImportReceipt } from './import/import.service';
import { deleteAllData, summarizeData } from './data.service';
import * as interviewService from './interviews.service';
import * as questionBank from './interview-questions.service';
import * as debriefService from './interview-debrief.service';
import {
	deleteTouchpoint,
	dismissGiveBack,
	logTouchpoint,
	restoreKeepInTouch,
	restoreTouchpoint,
	setKeepInTouch,
	setTouchpointFollowUp,
	updateTouchpoint
} from './touchpoints.service';
import { addReferrals } from './referrals.service';
import { restoreFollowUps, settlePerson } from './follow-ups.service';
import { dismissInstall } from './install.service';
import {
	addIntroRequest,
	removeIntroRequest,
	restoreIntroRequest,
	setIntroRequestDone
} from './intro-requests.service';
import type { MergeUndo } from './merge.service';
import type { MergeChoices } from '$lib/domain/merge';
import { addTags, removeTag, restoreTag } from './tags.service';
import { keepAllShown, keepShown, settleSyncConflict } from './sync-conflicts.service';
import {
	addSampleData,
	hasSampleData,
	removeSampleData,
	summarizeSampleData
} from './sample-data.service';
import { dismissNotifyAsk, setNotify } from './reminders.service';

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

export const touchpoints = {
	log: bind(logTouchpoint),
	update: bind(updateTouchpoint),
	remove: bind(deleteTouchpoint),
	restore: bind(restoreTouchpoint),
	setFollowUp: bind(setTouchpointFollowUp),
	setKeepInTouch: bind(setKeepInTouch),
	restoreKeepInTouch: bind(restoreKeepInTouch),
	dismissGiveBack: bind(dismissGiveBack),
	addReferrals: bind(addReferrals)
};

/** Today's follow-ups, one person at a time. */
export const followUps = {
	settle: bind(settlePerson),
	restore: bind(restoreFollowUps)
};

export const install = {
	dismiss: bind(dismissInstall)
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

export const interviews = {
	plan: bind(interviewService.planInterview),
	updatePlan: bind(interviewService.updatePlan),
	setStatus: bind(interviewService.setStatus),
	setPrepared: bind(interviewService.setPrepared),
	setPitch: bind(interviewService.setPitch),
	setThankYouSent: bind(interviewService.setThankYouSent),
	trash: bind(interviewService.trashInterview),
	restore: bind(interviewService.restoreInterview),
	ensureQuestionBank: bind(questionBank.ensureQuestionBank),
	addQuestion: bind(questionBank.addQuestion),
	editQuestion: bind(questionBank.editQuestion),
	archiveQuestion: bind(questionBank.archiveQuestion),
	setQuestions: bind(interviewService.setQuestions),
	startRun: bind(interviewService.startRun),
	saveAnswer: bind(interviewService.saveAnswer),
	setCurrentIndex: bind(interviewService.setCurrentIndex),
	matchNames: bind(debriefService.matchNames),
	debrief: bind(debriefService.debriefInterview),
	calendarFile: bind(interviewService.interviewCalendarFile)
};

/** Pitches load their code (and the scheduler) on first use, never with Capture or Today. */
const pitchesService = () => import('./pitches.service');
type PitchesService = typeof import('./pitches.service');
function lazy<K extends keyof PitchesService>(name: K) {
	type F = PitchesService[K] extends (db: KithDB, ...rest: infer A) => infer R
		? (...rest: A) => R
		: never;
	return (async (...rest: unknown[]) => {
		const service = (await pitchesService())[name] as (db: KithDB, ...a: unknown[]) => unknown;
		return service(getDb(), ...rest);
	}) as unknown as F;
}

export const pitches = {
	create: lazy('createPitch'),
	update: lazy('updatePitch'),
	duplicate: lazy('duplicatePitch'),
	setGapMode: lazy('setGapMode'),
	remove: lazy('deletePitch'),
	restore: lazy('restorePitch'),
	rate: lazy('rateRehearsal'),
	saveRecording: lazy('saveRecording'),
	removeRecording: lazy('deleteRecording'),
	restoreRecording: lazy('restoreRecording')
};

/** Undoing an import (the import itself runs in its own session: see import/import-session.ts). */
const importService = () => import('./import/import.service');

export const importer = {
	async undo(receipt: ImportReceipt) {
		const { undoImport } = await importService();
		return undoImport(getDb(), receipt);
	}
};

/** The "Changed on two devices" cards sync files: settle one, or keep what is shown. */
export const syncConflicts = {
	settle: bind(settleSyncConflict),
	/** "Resolve all" on a record's page: just the cards it shows. */
	keepShown: bind(keepShown),
	keepAll: bind(keepAllShown)
};

/** This device's daily notification choice (see reminders.service.ts). */
export const reminders = {
	setNotify: bind(setNotify),
	dismissAsk: bind(dismissNotifyAsk)
};
