/**
 * Every table's repository over one database, in one object named after the tables; the unit of
 * work hands a service the ones of the tables it names.
 */
import { contactsRepo } from './contacts.repo';
import type { KithDB } from './database';
import { draftsRepo } from './drafts.repo';
import { entityRepo } from './entity.repo';
import { touchpointsRepo } from './touchpoints.repo';
import { interviewsRepo } from './interviews.repo';
import { pitchesRepo, rehearsalsRepo, recordingsRepo } from './pitches.repo';
import { settingsRepo } from './settings.repo';
import { conflictsRepo, syncBackupsRepo, syncOutboxRepo, syncStateRepo } from './sync.repo';

/** Every repository over one database, one per table and named after it. */
export function repos(db: KithDB) {
	return {
		contacts: contactsRepo(db),
		interactions: touchpointsRepo(db),
		pitches: pitchesRepo(db),
		rehearsals: rehearsalsRepo(db),
		recordings: recordingsRepo(db),
		interviews: interviewsRepo(db),
		questions: entityRepo(db.questions),
		drafts: draftsRepo(db),
		settings: settingsRepo(db),
		contactExtras: entityRepo(db.contactExtras),
		syncOutbox: syncOutboxRepo(db),
		syncBase: entityRepo(db.syncBase),
		syncState: syncStateRepo(db),
		syncHeld: entityRepo(db.syncHeld),
		syncBackups: syncBackupsRepo(db),
		conflicts: conflictsRepo(db),
		templates: entityRepo(db.templates)
	};
}
export type Repos = ReturnType<typeof repos>;
