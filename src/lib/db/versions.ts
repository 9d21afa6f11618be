/**
 * The database's history, oldest first. Append a version; never edit one that has shipped.
 * Each entry lists only the tables it adds or changes (Dexie keeps the others), and may carry an
 * upgrade that rewrites existing rows; the upgrade harness tests each one from the version before.
 */
import type { Transaction } from 'dexie';
import { VERSIONED_TABLES, withFirstVersion } from '$lib/domain/stamp';
import { withOpenFollowUp } from './touchpoint-row';

export interface DbVersion {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<void>;
}

export const VERSIONS: DbVersion[] = [
	{
		version: 1,
		stores: {
			// `words` holds the folded search words of live contacts (empty while in the trash).
			contacts:
				'id, updatedAt, createdAt, deletedAt, [circle+updatedAt], *tags, *words, introducedById, nextFollowUpOn',
			interactions: 'id, contactId, [contactId+on], on, followUpOn, updatedAt',
			pitches: 'id, updatedAt, card.due',
			rehearsals: 'id, pitchId, [pitchId+at], at',
			recordings: 'id, pitchId',
			interviews: 'id, contactId, scheduledAt, status, followUpOn, *referralIds, updatedAt',
			questions: 'id, category',
			drafts: 'key, updatedAt',
			settings: 'key'
		}
	},
	{
		version: 2,
		stores: {
			// vCard lines Kith has no field for, one row per contact (see domain/contact-extra.ts).
			contactExtras: 'contactId',
			// `asking` marks live contacts with an intro request still open (Today's list). Rows from
			// version 1 never hold intro requests, so they need no rewrite.
			contacts:
				'id, updatedAt, createdAt, deletedAt, [circle+updatedAt], *tags, *words, introducedById, nextFollowUpOn, asking'
		}
	},
	{
		version: 3,
		// Every editable record carries a version from now on (see domain/stamp.ts): rows stored
		// before start at 1. No index changes.
		stores: {},
		upgrade: async (tx) => {
			for (const name of VERSIONED_TABLES)
				await tx
					.table(name)
					.toCollection()
					.modify((row: Record<string, unknown>) => {
						Object.assign(row, withFirstVersion(row));
					});
		}
	},
	{
		version: 4,
		// Sync (SYNC.md): the outbox of changes not yet handed to sync (db/outbox.ts), the revision
		// each synced row was last exchanged at, the device's own sync state, documents held back
		// because a newer Kith wrote them, the automatic backups made before a risky sync step, and
		// the "Changed on two devices" cards (which sync like records).
		stores: {
			syncOutbox: 'key',
			syncBase: 'key',
			syncState: 'key',
			syncHeld: 'key',
			syncBackups: 'id, at',
			conflicts: 'id, [table+rowId]'
		}
	},
	{
		version: 5,
		// Message templates (domain/message-template.ts): the person's own, and the built-ins they
		// changed. Nothing older holds any, so no row is rewritten.
		stores: { templates: 'id' }
	},
	{
		version: 6,
		// `openFollowUpOn` indexes a touchpoint's follow-up day while it is open (db/touchpoint-row.ts):
		// Today read every follow-up ever set, most of them long done. Rows are stored again so the
		// middleware gives each the field; the records themselves do not change.
		stores: {
			interactions: 'id, contactId, [contactId+on], on, followUpOn, updatedAt, openFollowUpOn'
		},
		upgrade: async (tx) => {
			await tx
				.table('interactions')
				.toCollection()
				.modify((row: Record<string, unknown>) => {
					Object.assign(row, withOpenFollowUp(row));
				});
		}
	}
];

export const LATEST_VERSION = VERSIONS[VERSIONS.length - 1]!.version;
