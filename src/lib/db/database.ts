/**
 * Kith's one IndexedDB database, "kith", on the user's device: every contact, touchpoint, pitch,
 * rehearsal, recording, interview, question, message template, unsaved draft and setting lives here and nowhere else.
 * This folder is the only place that imports Dexie.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { Contact } from '$lib/domain/contact';
import type { ContactExtra } from '$lib/domain/contact-extra';
import type { Draft } from '$lib/domain/draft';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Interview, Question } from '$lib/domain/interview';
import type { Pitch, Recording, Rehearsal } from '$lib/domain/pitch';
import type { SettingRow } from '$lib/domain/setting';
import type { MessageTemplate } from '$lib/domain/message-template';
import type { SyncConflict } from '$lib/domain/sync-conflict';
import { OUTBOX, outboxMiddleware, type OutboxRow } from './outbox';
import type { SyncBackup, SyncBaseRow, SyncHeldRow, SyncStateRow } from './sync-rows';
import { OPEN_FOLLOW_UP, touchpointRowMiddleware } from './touchpoint-row';
import { VERSIONS, type DbVersion } from './versions';

import { DB_NAME } from './peek';

export { DB_NAME };

/**
 * A contact as stored: the domain record plus its derived search words, and `asking` (1, indexed)
 * while it is live with an intro request not yet done, so Today finds those without a scan.
 */
export type ContactRow = Contact & { words: string[]; asking?: 1 };

export class KithDB extends Dexie {
	contacts!: EntityTable<ContactRow, 'id'>;
	interactions!: EntityTable<Touchpoint, 'id'>;
	pitches!: EntityTable<Pitch, 'id'>;
	rehearsals!: EntityTable<Rehearsal, 'id'>;
	recordings!: EntityTable<Recording, 'id'>;
	interviews!: EntityTable<Interview, 'id'>;
	questions!: EntityTable<Question, 'id'>;
	drafts!: EntityTable<Draft, 'key'>;
	settings!: EntityTable<SettingRow, 'key'>;
	contactExtras!: EntityTable<ContactExtra, 'contactId'>;
	syncOutbox!: EntityTable<OutboxRow, 'key'>;
	syncBase!: EntityTable<SyncBaseRow, 'key'>;
	syncState!: EntityTable<SyncStateRow, 'key'>;
	syncHeld!: EntityTable<SyncHeldRow, 'key'>;
	syncBackups!: EntityTable<SyncBackup, 'id'>;
	conflicts!: EntityTable<SyncConflict, 'id'>;
	templates!: EntityTable<MessageTemplate, 'id'>;

	/** `versions` lets the upgrade tests open the database as an older release declared it. */
	constructor(name = DB_NAME, options?: DexieOptions, versions: DbVersion[] = VERSIONS) {
		super(name, options);
		for (const v of versions) {
			const declared = this.version(v.version).stores(v.stores);
			if (v.upgrade) declared.upgrade(v.upgrade);
		}
		// Opened as a release before sync (the upgrade tests), there is no outbox to write to.
		if (versions.some((v) => OUTBOX in v.stores)) this.use(outboxMiddleware);
		// Likewise a release before the open follow-ups index stores touchpoints as they are.
		if (versions.some((v) => v.stores.interactions?.includes(OPEN_FOLLOW_UP)))
			this.use(touchpointRowMiddleware);
	}
}
