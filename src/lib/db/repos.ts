import { contactsRepo } from './contacts.repo';
import type { KithDB } from './database';
import { draftsRepo } from './drafts.repo';
import { entityRepo } from './entity.repo';
import { interactionsRepo } from './interactions.repo';
import { pitchesRepo } from './pitches.repo';
import { settingsRepo } from './settings.repo';

/** Every repository over one database. */
export function repos(db: KithDB) {
	return {
		contacts: contactsRepo(db),
		interactions: interactionsRepo(db),
		pitches: pitchesRepo(db),
		rehearsals: entityRepo(db.rehearsals),
		recordings: entityRepo(db.recordings),
		interviews: entityRepo(db.interviews),
		questions: entityRepo(db.questions),
		drafts: draftsRepo(db),
		settings: settingsRepo(db)
	};
}
export type Repos = ReturnType<typeof repos>;
