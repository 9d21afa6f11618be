// What the sync settings, Today and the records' pages show of sync: its state on this device,
// read from the sync tables (the engine writes its status there, so every tab sees it); and the
// "Changed on two devices" cards it files, for the pages of the records they are about and for
// Settings: each record's cards in the order of its form, with the names of the contacts and
// pitches their values point to, and on a contact's page the cards of their touchpoints too.
import type { Repos } from '$lib/db';
import type { SyncConfig, SyncStatus } from '$lib/sync/config';
import type { ConflictTable, SyncConflict } from '$lib/domain/sync-conflict';
import {
	inFormOrder,
	referencedIds,
	touchpointSubject,
	type RecordNames
} from '$lib/domain/sync-conflict-labels';
import { SYNC_OFF, type SyncView } from '$lib/domain/sync-view';
import { likelySamePairs } from '$lib/domain/duplicates';
import type { Query } from './query';

export const syncView: Query<SyncView> = async (r) => {
	const config = await r.syncState.read<SyncConfig>('config');
	const status = await r.syncState.read<SyncStatus>('status');
	const backups = (await r.syncBackups.newest()).map(({ id, at, reason }) => ({ id, at, reason }));
	if (!config) return { ...SYNC_OFF, backups };
	return {
		on: true,
		server: config.server,
		username: config.username,
		phase: status?.phase ?? 'starting',
		lastSyncedAt: status?.lastSyncedAt ?? null,
		waiting: await r.syncOutbox.count(),
		problem: status?.problem ?? null,
		held: await r.syncHeld.count(),
		pausedDeletes: status?.pausedDeletes ?? null,
		backups,
		recordings: config.recordings !== false
	};
};

/** What Today points out about sync: only what needs the person. */
export interface SyncNeeds {
	conflicts: number;
	pausedDeletes: number;
	held: number;
}

export const syncNeeds: Query<SyncNeeds> = async (r) => {
	const status = await r.syncState.read<SyncStatus>('status');
	return {
		conflicts: await r.conflicts.count(),
		pausedDeletes: status?.pausedDeletes?.count ?? 0,
		held: await r.syncHeld.count()
	};
};

/** Every card, grouped by record (their ids start with the table and the record's id). */
export const allConflicts: Query<SyncConflict[]> = (r) => r.conflicts.all();

/** One record's cards, in the order of its form. */
export function conflictsOf(table: ConflictTable, rowId: string): Query<SyncConflict[]> {
	return async (r) => inFormOrder(await r.conflicts.ofRow(table, rowId));
}

export interface ConflictsView {
	conflicts: SyncConflict[];
	/** What a card is about, by the card's id, when it is not the page's own record. */
	subjects: Readonly<Record<string, string>>;
	/** The contacts' names and pitches' titles the cards' values point to, by id. */
	names: RecordNames;
}

export const NO_CONFLICTS: ConflictsView = { conflicts: [], subjects: {}, names: {} };

async function withNames(
	r: Repos,
	conflicts: SyncConflict[],
	subjects: Record<string, string> = {}
): Promise<ConflictsView> {
	if (conflicts.length === 0) return NO_CONFLICTS;
	const refs = conflicts.map(referencedIds);
	const contactIds = [...new Set(refs.flatMap((x) => x.contacts))];
	const pitchIds = [...new Set(refs.flatMap((x) => x.pitches))];
	const [people, pitches] = await Promise.all([
		contactIds.length ? r.contacts.getMany(contactIds) : new Map(),
		pitchIds.length ? r.pitches.bulkGet(pitchIds) : []
	]);
	const names: Record<string, string> = {};
	for (const c of people.values()) names[c.id] = c.name;
	for (const p of pitches) if (p) names[p.id] = p.title;
	return { conflicts, subjects, names };
}

/** One record's cards, with the names their values point to. */
export function recordConflicts(table: ConflictTable, rowId: string): Query<ConflictsView> {
	return async (r) => withNames(r, await conflictsOf(table, rowId)(r));
}

/** A contact's cards, then those of their touchpoints (the newest first), each named by its day. */
export function contactConflicts(contactId: string): Query<ConflictsView> {
	return async (r) => {
		// Cards are few: one read of them all beats one look-up for each touchpoint.
		const [own, touchpoints, all] = await Promise.all([
			conflictsOf('contacts', contactId)(r),
			r.interactions.ofContact(contactId),
			r.conflicts.all()
		]);
		const byTouchpoint = new Map<string, SyncConflict[]>();
		for (const c of all)
			if (c.table === 'interactions')
				byTouchpoint.set(c.rowId, [...(byTouchpoint.get(c.rowId) ?? []), c]);
		const conflicts = [...own];
		const subjects: Record<string, string> = {};
		for (const t of touchpoints) {
			const cards = inFormOrder(byTouchpoint.get(t.id) ?? []);
			for (const c of cards) subjects[c.id] = touchpointSubject(t);
			conflicts.push(...cards);
		}
		return withNames(r, conflicts, subjects);
	};
}

/** Every card on the device, each named by its record ("Ana Ruiz", "Pitch: Career fair"). */
export const everyConflict: Query<ConflictsView> = async (r) => {
	const all = inFormOrder(await r.conflicts.all());
	if (all.length === 0) return NO_CONFLICTS;
	const subjects: Record<string, string> = {};
	for (const c of all) {
		let subject: string | undefined;
		if (c.table === 'contacts') subject = (await r.contacts.get(c.rowId))?.name;
		else if (c.table === 'pitches') {
			const title = (await r.pitches.get(c.rowId))?.title;
			subject = title && `Pitch: ${title}`;
		} else if (c.table === 'interviews') {
			const interview = await r.interviews.get(c.rowId);
			const who = interview && (await r.contacts.get(interview.contactId))?.name;
			subject = who ? `Interview with ${who}` : 'An interview';
		} else if (c.table === 'interactions') {
			const t = await r.interactions.get(c.rowId);
			const who = t && (await r.contacts.get(t.contactId))?.name;
			subject = t && `${who ?? 'Someone'}: ${touchpointSubject(t)}`;
		}
		subjects[c.id] = subject ?? 'A record';
	}
	return withNames(r, all, subjects);
};

export interface SamePair {
	a: { id: string; name: string };
	b: { id: string; name: string };
}

/**
 * With sync on: people who look like one person added on two devices (a shared email, LinkedIn
 * profile, or name and organisation), to merge with the usual merge.
 */
export const likelySamePeople: Query<SamePair[]> = async (r) => {
	if (!(await r.syncState.read('config'))) return [];
	const pairs = likelySamePairs(await r.contacts.live());
	return pairs.map(([a, b]) => ({ a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name } }));
};
