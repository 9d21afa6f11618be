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

export const sampleData = {
	add: bind(addSampleData),
	remove: bind(removeSampleData),
	present: bind(hasSampleData),
	summary: bind(summarizeSampleData)
};
