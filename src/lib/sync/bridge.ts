/**
 * The bridge between Kith's database (Dexie, the app's store) and the sync replica (a local
 * PouchDB that the engine replicates with the server). It stores nothing of its own beyond the
 * sync tables in Kith's database (db/sync-rows.ts): the outbox, each row's last exchanged
 * revision and the replica's checkpoint.
 *
 * Out: `push` seals every row the outbox marks and writes it to the replica on the revision this
 * device last exchanged; when the replica has moved on (another device's change arrived), the row
 * is written as a sibling branch instead, which the engine keeps as a conflict, never drops.
 * In: `pull` reads the replica's changes, settles conflicts by merging the branches field by field
 * (merge.ts) into one revision everyone converges on, and applies arrived rows to Dexie in one
 * transaction with the checkpoint. A row changed here meanwhile waits: its push makes a branch.
 */
import { read, write, type KithDB, type UnitRepos } from '$lib/db';
import type { SyncBaseRow } from '$lib/db/sync-rows';
import type { Pitch, Rehearsal } from '$lib/domain/pitch';
import { conflictId, type SyncConflict } from '$lib/domain/sync-conflict';
import { docId, parseDocId, SYNCED_TABLES, type SyncedTable } from '$lib/domain/sync-tables';
import { fromBase64, toBase64 } from '$lib/io/backup-base64';
import { bodyToRow, rowToBody, type Arrival, type Row } from './doc';
import { mergeRows } from './merge';
import type { Replica, ReplicaDoc } from './replica';
import { sealBytes, sealDoc, unsealBytes, unsealDoc } from './seal';

export interface Bridge {
	db: KithDB;
	replica: Replica;
	key: CryptoKey;
}

/** How many records one round may delete before it pauses and asks (SYNC.md, Safety). */
export const MASS_DELETE = { records: 50, share: 0.2 };

export class MassDeletePaused extends Error {
	constructor(
		readonly count: number,
		readonly keys: string[]
	) {
		super(`A sync would delete ${count} records on this device.`);
	}
}

interface RowRepo {
	get(key: string): Promise<unknown>;
	put(row: unknown): Promise<unknown>;
	remove(key: string): Promise<unknown>;
	count(): Promise<number>;
}

const SYNC_TABLES = ['syncOutbox', 'syncBase', 'syncState', 'syncHeld'] as const;
type Units = UnitRepos<SyncedTable | (typeof SYNC_TABLES)[number]>;

function repoOf(r: UnitRepos<SyncedTable>, table: SyncedTable): RowRepo {
	return r[table] as unknown as RowRepo;
}

const randomHex = () => crypto.randomUUID().replaceAll('-', '');

async function sealRow(b: Bridge, table: SyncedTable, id: string, row: Row): Promise<ReplicaDoc> {
	const doc: ReplicaDoc = { _id: id, s: await sealDoc(b.key, id, rowToBody(table, row)) };
	if (table === 'recordings' && row.blob instanceof Blob) {
		const bytes = new Uint8Array(await row.blob.arrayBuffer());
		doc._attachments = {
			audio: {
				content_type: 'application/octet-stream',
				data: toBase64(await sealBytes(b.key, id, bytes))
			}
		};
	}
	return doc;
}

/** The row a replica document carries, or why it cannot be applied. */
async function openDoc(b: Bridge, table: SyncedTable, doc: ReplicaDoc): Promise<Arrival> {
	let body: unknown;
	try {
		body = await unsealDoc(b.key, doc._id, doc.s ?? '');
	} catch {
		return { kind: 'invalid', problem: 'unreadable' };
	}
	const extra: Row = {};
	if (table === 'recordings') {
		const sealed = fromBase64(doc._attachments?.audio?.data ?? '');
		const type = (body as { row?: { mimeType?: unknown } } | null)?.row?.mimeType;
		if (sealed)
			try {
				const audio = await unsealBytes(b.key, doc._id, sealed);
				extra.blob = new Blob([audio], { type: typeof type === 'string' ? type : '' });
			} catch {
				return { kind: 'invalid', problem: 'unreadable audio' };
			}
	}
	return bodyToRow(table, body, extra);
}

/**
 * Writes `doc` as a child of `baseRev` although the replica has moved past it: a sibling branch,
 * which replication carries and the next pull merges (SYNC.md: 409 becomes a branch).
 */
async function branch(b: Bridge, doc: ReplicaDoc, baseRev: string | undefined): Promise<string> {
	const hex = randomHex();
	let revisions = { start: 1, ids: [hex] };
	if (baseRev) {
		try {
			const parent = await b.replica.get(doc._id, { rev: baseRev, revs: true });
			const r = parent._revisions;
			if (r) revisions = { start: r.start + 1, ids: [hex, ...r.ids] };
		} catch {
			// The base revision is gone from the replica (compacted): a branch of its own still keeps it.
		}
	}
	const rev = `${revisions.start}-${hex}`;
	const [res] = await b.replica.bulkDocs([{ ...doc, _rev: rev, _revisions: revisions }], {
		new_edits: false
	});
	if (res?.error) throw Object.assign(new Error(`could not write ${doc._id}`), res);
	return rev;
}

/** Hands up to `limit` marked rows to the replica. `more` says whether marks are left. */
export async function push(b: Bridge, limit = 200): Promise<{ pushed: number; more: boolean }> {
	const batch = await read(b.db, [...SYNCED_TABLES, 'syncOutbox', 'syncBase'], async (r) => {
		const marks = await r.syncOutbox.page(limit + 1);
		const items = [];
		for (const mark of marks.slice(0, limit))
			items.push({
				mark,
				row: (await repoOf(r, mark.table).get(mark.id)) as Row | undefined,
				base: await r.syncBase.get(mark.key)
			});
		return { items, more: marks.length > limit };
	});
	if (batch.items.length === 0) return { pushed: 0, more: false };

	const docs: { key: string; doc: ReplicaDoc; base?: SyncBaseRow }[] = [];
	for (const { mark, row, base } of batch.items) {
		if (row !== undefined) {
			const doc = await sealRow(b, mark.table, mark.key, row);
			if (base) doc._rev = base.rev;
			docs.push({ key: mark.key, doc, base });
		} else if (base && !base.deleted)
			docs.push({ key: mark.key, doc: { _id: mark.key, _rev: base.rev, _deleted: true }, base });
		// A row made and removed before it ever reached the replica has nothing to send.
	}
	const results = docs.length > 0 ? await b.replica.bulkDocs(docs.map((d) => d.doc)) : [];
	const revs = new Map<string, SyncBaseRow>();
	for (const [i, d] of docs.entries()) {
		const res = results[i];
		let rev = res?.rev;
		if (!res?.ok && !rev) {
			if (res?.status !== 409) throw Object.assign(new Error(`could not write ${d.key}`), res);
			rev = await branch(b, d.doc, d.base?.rev);
		}
		revs.set(d.key, { key: d.key, rev: rev!, ...(d.doc._deleted ? { deleted: true } : {}) });
	}
	await write(b.db, ['syncOutbox', 'syncBase'], async (r) => {
		for (const { mark } of batch.items) {
			const exchanged = revs.get(mark.key);
			if (exchanged) await r.syncBase.put(exchanged);
			// A change made while this push ran has a new mark, and goes in the next push. This one
			// stays counted as waiting until the replica has passed it to the server (`sent`).
			const now = await r.syncOutbox.get(mark.key);
			if (now?.mark === mark.mark) await r.syncOutbox.put({ ...now, pushed: mark.mark });
		}
	});
	return { pushed: batch.items.length, more: batch.more };
}

/** Rows compared by content, whatever the order of their fields. */
function sameRow(a: Row, b: Row): boolean {
	const canonical = (v: unknown): unknown =>
		Array.isArray(v)
			? v.map(canonical)
			: v && typeof v === 'object' && !(v instanceof Blob)
				? Object.fromEntries(
						Object.keys(v)
							.sort()
							.map((k) => [k, canonical((v as Row)[k])])
					)
				: v;
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * After the replica replicated to the server: the changes it held for sending are there now and
 * leave the outbox (a row changed again since keeps its new mark).
 */
export async function sent(b: Pick<Bridge, 'db'>): Promise<number> {
	return write(b.db, ['syncOutbox'], async (r) => {
		const done = await r.syncOutbox.handed();
		await r.syncOutbox.bulkRemove(done.map((m) => m.key));
		return done.length;
	});
}

function ancestry(doc: ReplicaDoc): string[] {
	const r = doc._revisions;
	return r ? r.ids.map((id, i) => `${r.start - i}-${id}`) : [];
}

/**
 * Settles a document with conflicting branches: merges every branch into the winner (as the
 * engine picks it, the same on every device) against their common ancestor, writes the result on
 * the winner's branch, closes the others and files a card for each field changed on both.
 * Returns false when a branch cannot be read here (a newer Kith wrote it): it is left as it is.
 */
async function settle(b: Bridge, table: SyncedTable, doc: ReplicaDoc): Promise<boolean> {
	const id = doc._id;
	const winner = await b.replica.get(id, { rev: doc._rev!, revs: true, attachments: true });
	const opened = await openDoc(b, table, winner);
	if (opened.kind !== 'row') return false;
	let merged = opened.row;
	const cards: SyncConflict[] = [];
	for (const rev of doc._conflicts ?? []) {
		const loser = await b.replica.get(id, { rev, revs: true, attachments: true });
		const other = await openDoc(b, table, loser);
		if (other.kind === 'newer') return false;
		if (other.kind !== 'row') continue; // unreadable: closing it loses nothing anyone can read
		if (sameRow(other.row, merged)) continue;
		const mine = new Set(ancestry(winner));
		const common = ancestry(loser).find((r) => mine.has(r));
		let base: Row | null = null;
		if (common)
			try {
				const at = await openDoc(b, table, await b.replica.get(id, { rev: common }));
				if (at.kind === 'row') base = at.row;
			} catch {
				// The common version's body is not kept here: every field that differs becomes a card.
			}
		const m = mergeRows(table, base, merged, other.row);
		merged = m.row;
		cards.push(...m.conflicts);
	}
	// The same content as the winner (two devices settled the same clash at once, or a branch
	// repeats the winner): only the other branches close. Closing a branch is the same revision on
	// every device, so settling never starts a new clash of its own.
	const closes: ReplicaDoc[] = (doc._conflicts ?? []).map((rev) => ({
		_id: id,
		_rev: rev,
		_deleted: true
	}));
	const writes: ReplicaDoc[] = [];
	if (!sameRow(merged, opened.row)) {
		const out = await sealRow(b, table, id, merged);
		out._rev = winner._rev;
		if (!out._attachments && winner._attachments) out._attachments = winner._attachments;
		writes.push(out);
	}
	writes.push(...closes);
	for (const card of cards) {
		const cardDoc = docId('conflicts', card.id);
		// Two devices settling the same clash file the same card: the first one stands.
		const exists = await b.replica.get(cardDoc).then(
			(d) => !d._deleted,
			() => false
		);
		if (!exists) writes.push(await sealRow(b, 'conflicts', cardDoc, card));
	}
	await b.replica.bulkDocs(writes);
	return true;
}

type Item =
	| { key: string; table: SyncedTable; id: string; rev: string; kind: 'delete' }
	| { key: string; table: SyncedTable; id: string; rev: string; kind: 'arrival'; arrival: Arrival };

export interface PullResult {
	applied: number;
	more: boolean;
	/** Documents written by a newer Kith, kept aside. */
	held: number;
	/** Documents that could not be read or did not fit their schema. */
	refused: number;
	/** Clashes settled in the replica: their merged revisions are there for the next pull. */
	settled: number;
}

/**
 * Applies up to `limit` of the replica's changes to Kith's database, with the checkpoint, in one
 * transaction. A round that would delete many records throws MassDeletePaused and applies
 * nothing, unless `allowDeletes`.
 */
export async function pull(
	b: Bridge,
	{
		limit = 200,
		allowDeletes = false,
		recordings = true
	}: { limit?: number; allowDeletes?: boolean; recordings?: boolean } = {}
): Promise<PullResult> {
	const since =
		(await read(b.db, ['syncState'], (r) => r.syncState.read<string>('replicaSeq'))) ?? 0;
	const feed = await b.replica.changes({
		since,
		include_docs: true,
		conflicts: true,
		attachments: recordings,
		limit
	});
	const items: Item[] = [];
	let settled = 0;
	for (const change of feed.results) {
		const named = parseDocId(change.id);
		const doc = change.doc;
		if (!named || !doc?._rev) continue;
		// A device that keeps no recordings from elsewhere leaves them in the replica, unread.
		if (!recordings && named.table === 'recordings') continue;
		const at = { key: change.id, table: named.table, id: named.key, rev: doc._rev };
		// Settled here, the merged revision comes through the feed again and is applied then.
		if (doc._conflicts?.length && (await settle(b, named.table, doc))) {
			settled++;
			continue;
		}
		if (doc._deleted) items.push({ ...at, kind: 'delete' });
		else items.push({ ...at, kind: 'arrival', arrival: await openDoc(b, named.table, doc) });
	}
	const result: PullResult = {
		applied: 0,
		more: feed.results.length >= limit,
		held: 0,
		refused: 0,
		settled
	};
	// Rehearsals that arrive (or a pitch whose schedule was merged) change a pitch's schedule: it is
	// replayed from the merged log, never merged field by field. The scheduler loads only then,
	// before the transaction (a module load inside one would let IndexedDB commit it early).
	const pitchIds = new Set<string>();
	for (const item of items)
		if (item.kind === 'arrival' && item.arrival.kind === 'row') {
			if (item.table === 'rehearsals') pitchIds.add(String(item.arrival.row.pitchId));
			if (item.table === 'pitches') pitchIds.add(item.id);
		}
	const scheduler = pitchIds.size > 0 ? await import('$lib/domain/pitch-schedule') : undefined;
	await write(b.db, [...SYNCED_TABLES, ...SYNC_TABLES], async (r) => {
		if (!allowDeletes) await guardDeletes(r, items);
		for (const item of items) {
			const base = await r.syncBase.get(item.key);
			if (base?.rev === item.rev) continue; // this device's own push, or applied before
			if (await r.syncOutbox.get(item.key)) continue; // changed here since: its push merges
			const repo = repoOf(r, item.table);
			if (item.kind === 'delete') {
				await repo.remove(item.id);
				await r.syncBase.put({ key: item.key, rev: item.rev, deleted: true });
			} else if (item.arrival.kind === 'newer') {
				await r.syncHeld.put({
					key: item.key,
					table: item.table,
					rev: item.rev,
					schema: item.arrival.v
				});
				result.held++;
				continue;
			} else if (item.arrival.kind === 'invalid') {
				result.refused++;
				continue;
			} else {
				await repo.put(item.arrival.row);
				await r.syncBase.put({ key: item.key, rev: item.rev });
				await r.syncHeld.remove(item.key);
				// Purged here while another device was changing it: the change won; say so.
				if (base?.deleted && item.table !== 'conflicts') await fileRevived(r, item);
			}
			result.applied++;
			// The mark this apply just made: what arrived is not a change to send back.
			await r.syncOutbox.remove(item.key);
		}
		if (scheduler) await replaySchedules(r, pitchIds, scheduler.replay);
		await r.syncState.save('replicaSeq', feed.last_seq);
	});
	return result;
}

async function replaySchedules(
	r: Units,
	pitchIds: Set<string>,
	replay: (createdAt: number, log: Rehearsal[]) => Pitch['card']
) {
	for (const id of pitchIds) {
		const pitch = await r.pitches.get(id);
		if (!pitch) continue;
		const log = await r.rehearsals.ofPitch(id);
		if (log.length === 0) continue;
		const card = replay(pitch.createdAt, log);
		// Unchanged, nothing is written: two devices replaying the same log agree without a word.
		if (!sameRow(card as Row, (pitch.card ?? {}) as Row)) await r.pitches.put({ ...pitch, card });
	}
}

async function fileRevived(r: Units, item: { table: SyncedTable; id: string }) {
	if (item.table === 'rehearsals' || item.table === 'recordings' || item.table === 'conflicts')
		return;
	const card: SyncConflict = {
		id: conflictId(item.table, item.id, 'deletedAt'),
		table: item.table,
		rowId: item.id,
		field: 'deletedAt',
		kind: 'value',
		kept: null,
		other: null,
		at: Date.now(),
		revived: true
	};
	await r.conflicts.put(card);
}

async function guardDeletes(r: Units, items: Item[]) {
	const byTable = new Map<SyncedTable, string[]>();
	for (const item of items) {
		// A record kept on purpose ("Keep them") waits in the outbox: it is not deleted here.
		if (item.table === 'conflicts' || (await r.syncOutbox.get(item.key))) continue;
		let gone = item.kind === 'delete';
		if (
			!gone &&
			item.kind === 'arrival' &&
			item.arrival.kind === 'row' &&
			item.arrival.row.deletedAt
		) {
			// Moved to the trash elsewhere: a delete too, if it is live here.
			const here = (await repoOf(r, item.table).get(item.id)) as Row | undefined;
			gone = here !== undefined && here.deletedAt === undefined;
		} else if (gone) gone = (await repoOf(r, item.table).get(item.id)) !== undefined;
		if (gone) byTable.set(item.table, [...(byTable.get(item.table) ?? []), item.key]);
	}
	const keys = [...byTable.values()].flat();
	let over = keys.length > MASS_DELETE.records;
	for (const [table, gone] of byTable)
		if (gone.length > 1 && gone.length > MASS_DELETE.share * (await repoOf(r, table).count()))
			over = true;
	if (over) throw new MassDeletePaused(keys.length, keys);
}

/**
 * "Keep them": every record the paused round would have deleted is sent again as a new version of
 * what the replica now holds, so it comes back on every device instead of going. The rest of that
 * round's changes are applied as usual by the next round.
 */
export async function keepPausedRecords(b: Bridge, keys: string[]) {
	const current = await b.replica.allDocs({ keys });
	await write(b.db, ['syncBase', 'syncOutbox'], async (r) => {
		for (const row of current.rows) {
			const named = parseDocId(row.id);
			if (!named || !row.value?.rev) continue;
			await r.syncBase.put({ key: row.id, rev: row.value.rev });
			await r.syncOutbox.put({
				key: row.id,
				table: named.table,
				id: named.key,
				mark: crypto.randomUUID()
			});
		}
	});
}
