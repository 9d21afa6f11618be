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
import { read, withoutMarks, write, type KithDB, type UnitRepos } from '$lib/db';
import type { OutboxRow } from '$lib/db/outbox';
import type { SyncBaseRow, SyncHeldRow } from '$lib/db/sync-rows';
import type { Pitch, Rehearsal } from '$lib/domain/pitch';
import { conflictId, type SyncConflict } from '$lib/domain/sync-conflict';
import { docId, parseDocId, SYNCED_TABLES, type SyncedTable } from '$lib/domain/sync-tables';
import { fromBase64, toBase64 } from '$lib/io/backup-base64';
import { bodyToRow, rowToBody, type Arrival, type Row } from './doc';
import { mergeBase, mergeRows } from './merge';
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
	bulkGet(keys: string[]): Promise<unknown[]>;
	put(row: unknown): Promise<unknown>;
	bulkPut(rows: unknown[]): Promise<unknown>;
	bulkRemove(keys: string[]): Promise<unknown>;
	count(): Promise<number>;
}

const SYNC_TABLES = ['syncOutbox', 'syncBase', 'syncState', 'syncHeld'] as const;
type Units = UnitRepos<SyncedTable | (typeof SYNC_TABLES)[number]>;

function repoOf(r: UnitRepos<SyncedTable>, table: SyncedTable): RowRepo {
	return r[table] as unknown as RowRepo;
}

/** The rows here of the records named, by key (`<table>:<id>`): one bulk read per table. */
async function rowsOf(
	r: UnitRepos<SyncedTable>,
	wanted: { key: string; table: SyncedTable; id: string }[]
): Promise<Map<string, Row | undefined>> {
	const ids = new Map<SyncedTable, string[]>();
	for (const { table, id } of wanted) {
		const list = ids.get(table);
		if (list) list.push(id);
		else ids.set(table, [id]);
	}
	const rows = new Map<string, Row | undefined>();
	for (const [table, list] of ids) {
		const found = await repoOf(r, table).bulkGet(list);
		list.forEach((id, i) => rows.set(docId(table, id), found[i] as Row | undefined));
	}
	return rows;
}

/** A mark of a change made here and not yet handed to the replica: its push will merge. */
const waiting = (mark: OutboxRow | undefined) => mark !== undefined && mark.pushed !== mark.mark;

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
async function openDoc(
	b: Bridge,
	table: SyncedTable,
	doc: ReplicaDoc,
	version?: number
): Promise<Arrival> {
	let body: unknown;
	try {
		body = await unsealDoc(b.key, doc._id, doc.s ?? '');
	} catch {
		return { kind: 'invalid', problem: 'unreadable' };
	}
	const extra: Row = {};
	if (table === 'recordings') {
		let attachment = doc._attachments?.audio;
		// The changes feed leaves attachments out (see fetchBatch): the audio is read here, apart.
		if (attachment?.stub)
			attachment = (await b.replica.get(doc._id, { rev: doc._rev, attachments: true }))._attachments
				?.audio;
		const sealed = fromBase64(attachment?.data ?? '');
		const type = (body as { row?: { mimeType?: unknown } } | null)?.row?.mimeType;
		if (sealed)
			try {
				const audio = await unsealBytes(b.key, doc._id, sealed);
				extra.blob = new Blob([audio], { type: typeof type === 'string' ? type : '' });
			} catch {
				return { kind: 'invalid', problem: 'unreadable audio' };
			}
	}
	return bodyToRow(table, body, extra, version);
}

/**
 * What a push is about to write, saved (syncState, key `pushing`) before it writes: per document,
 * the revision it chose, the base it chose it on and the outbox mark it sends; and the replica's
 * checkpoint then. A push that dies after the replica took its writes but before its own
 * bookkeeping leaves this behind, and the next push finishes that bookkeeping for the revisions
 * that landed. Otherwise it would write beside its own lost revision, a clash of this device with
 * itself (an older edit winning over a newer one, or a purge undone), or send the same version
 * again as a new edit, which would beat a purge made elsewhere in between.
 */
const PUSHING = 'pushing';
interface Pushing {
	/** The replica's checkpoint when the push started (none: no pull yet). */
	since?: number | string;
	docs: Record<string, { rev: string; from?: string; deleted?: boolean; mark: string }>;
}

async function recoverPush(b: Bridge) {
	const pushing = await read(b.db, ['syncState'], (r) => r.syncState.read<Pushing>(PUSHING));
	if (!pushing) return;
	const landed: string[] = [];
	for (const [key, p] of Object.entries(pushing.docs)) {
		const there = await b.replica.get(key, { rev: p.rev }).then(
			() => true,
			() => false
		);
		if (there) landed.push(key);
	}
	await write(b.db, ['syncBase', 'syncOutbox', 'syncState'], async (r) => {
		let handed = false;
		for (const key of landed) {
			const p = pushing.docs[key]!;
			if ((await r.syncBase.get(key))?.rev !== p.from) continue;
			await r.syncBase.put({ key, rev: p.rev, ...(p.deleted ? { deleted: true } : {}) });
			// Changed again since, the row goes in this push, on the revision that landed.
			const now = await r.syncOutbox.get(key);
			if (now?.mark !== p.mark) continue;
			await r.syncOutbox.put({ ...now, pushed: p.mark });
			handed = true;
		}
		// A pull after the crash met those marks and left what arrived for the rows to this push,
		// which sends nothing now: the next pull reads the replica again from where the push
		// started (what was applied already is passed over).
		if (handed)
			if (pushing.since === undefined) await r.syncState.remove('replicaSeq');
			else await r.syncState.save('replicaSeq', pushing.since);
		await r.syncState.remove(PUSHING);
	});
}

/** `doc` as the next revision on `baseRev`: a sibling branch if the replica has moved past it. */
function onBase(doc: ReplicaDoc, baseRev: string | undefined): ReplicaDoc {
	const hex = randomHex();
	const [at, parent] = baseRev?.split('-') ?? [];
	const start = Number(at ?? 0) + 1;
	const ids = parent ? [hex, parent] : [hex];
	return { ...doc, _rev: `${start}-${hex}`, _revisions: { start, ids } };
}

/** Writes documents on the revisions they name (onBase), as branches where the tree has moved on. */
async function writeBranches(b: Bridge, docs: ReplicaDoc[]) {
	const failed = await b.replica.bulkDocs(docs, { new_edits: false });
	const error = failed.find((res) => res.error);
	if (error) throw Object.assign(new Error(`could not write ${error.id ?? ''}`), error);
}

/** Hands up to `limit` marked rows to the replica. `more` says whether marks are left. */
export async function push(b: Bridge, limit = 200): Promise<{ pushed: number; more: boolean }> {
	await recoverPush(b);
	const tables = [...SYNCED_TABLES, 'syncOutbox', 'syncBase', 'syncState'] as const;
	const batch = await read(b.db, tables, async (r) => {
		const marks = await r.syncOutbox.page(limit + 1);
		const page = marks.slice(0, limit);
		// One read per table and one of the bases, not two reads per record.
		const rows = await rowsOf(r, page);
		const bases = await r.syncBase.bulkGet(page.map((mark) => mark.key));
		const items = page.map((mark, i) => ({ mark, row: rows.get(mark.key), base: bases[i] }));
		const since = await r.syncState.read<number | string>('replicaSeq');
		return { items, more: marks.length > limit, since };
	});
	if (batch.items.length === 0) return { pushed: 0, more: false };

	// Each row is written as a child of the revision this device last exchanged, with a revision
	// chosen here (SYNC.md: on a stale base it becomes a branch, which the engine keeps).
	const docs: { mark: string; doc: ReplicaDoc; base?: SyncBaseRow }[] = [];
	for (const { mark, row, base } of batch.items) {
		if (row !== undefined) {
			const doc = onBase(await sealRow(b, mark.table, mark.key, row), base?.rev);
			docs.push({ mark: mark.mark, doc, base });
		} else if (base)
			// Even on a deleted base: a pull that met this mark left what arrived for the row to this
			// push, and only a new revision brings it through again.
			docs.push({
				mark: mark.mark,
				doc: onBase({ _id: mark.key, _deleted: true }, base.rev),
				base
			});
		// A row made and removed before it ever reached the replica has nothing to send.
	}
	const pushing: Pushing = {
		docs: {},
		...(batch.since === undefined ? {} : { since: batch.since })
	};
	for (const d of docs)
		pushing.docs[d.doc._id] = {
			rev: d.doc._rev!,
			mark: d.mark,
			...(d.base ? { from: d.base.rev } : {}),
			...(d.doc._deleted ? { deleted: true } : {})
		};
	if (docs.length > 0) {
		await write(b.db, ['syncState'], (r) => r.syncState.save(PUSHING, pushing));
		await writeBranches(
			b,
			docs.map((d) => d.doc)
		);
	}
	await write(b.db, ['syncOutbox', 'syncBase', 'syncState'], async (r) => {
		const exchanged = Object.entries(pushing.docs).map(([key, p]) => ({
			key,
			rev: p.rev,
			...(p.deleted ? { deleted: true } : {})
		}));
		if (exchanged.length > 0) await r.syncBase.bulkPut(exchanged);
		// A change made while this push ran has a new mark, and goes in the next push. This one
		// stays counted as waiting until the replica has passed it to the server (`sent`).
		const now = await r.syncOutbox.bulkGet(batch.items.map(({ mark }) => mark.key));
		const handed = batch.items.flatMap(({ mark }, i) =>
			now[i]?.mark === mark.mark ? [{ ...now[i], pushed: mark.mark }] : []
		);
		if (handed.length > 0) await r.syncOutbox.bulkPut(handed);
		await r.syncState.remove(PUSHING);
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
 * The versions two leaves are merged against: the newest revisions both of them hold. A leaf
 * holds its ancestors, and every branch a settle closed into a revision it holds (with that
 * branch's ancestors): what a settle merged is in the merged revision, though the tree cannot say
 * so. Usually one revision (`newest`); two when each device settled the same clash its own way.
 * `all` is every common revision, the newest first.
 */
function commonBases(winner: ReplicaDoc, loser: ReplicaDoc, closed: ReplicaDoc[]) {
	const paths = [winner, loser, ...closed].map(ancestry);
	const holds = (rev: string) => {
		const held = new Set<string>();
		const take = (r: string) => {
			held.add(r);
			for (const path of paths) {
				const at = path.indexOf(r);
				if (at >= 0) for (const older of path.slice(at + 1)) held.add(older);
			}
		};
		take(rev);
		for (let grew = true; grew;) {
			grew = false;
			for (const close of closed) {
				const parent = ancestry(close)[1];
				if (parent && held.has(close.into!) && !held.has(parent)) {
					take(parent);
					grew = true;
				}
			}
		}
		return held;
	};
	const mine = holds(winner._rev!);
	const theirs = holds(loser._rev!);
	// The newest common revisions are each the first common one on some path.
	const firsts = new Set(
		paths.flatMap((path) => path.find((r) => mine.has(r) && theirs.has(r)) ?? [])
	);
	const generation = (rev: string) => Number(rev.split('-')[0]);
	return {
		newest: [...firsts]
			.filter((rev) => ![...firsts].some((other) => other !== rev && holds(other).has(rev)))
			.sort(),
		all: [...mine]
			.filter((rev) => theirs.has(rev))
			.sort((x, y) => generation(y) - generation(x) || (x < y ? -1 : 1))
	};
}

/** The row at revision `rev`, from the revision itself or from the branch end that closed it. */
async function bodyAt(
	b: Bridge,
	table: SyncedTable,
	id: string,
	rev: string,
	closed: ReplicaDoc[]
) {
	const at = await b.replica.get(id, { rev }).then(
		(doc) => doc,
		() => closed.find((close) => ancestry(close)[1] === rev && close.s)
	);
	const opened = at && (await openDoc(b, table, at));
	return opened?.kind === 'row' ? opened.row : undefined;
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
	const closed = (await b.replica.get(id, { open_revs: 'all', revs: true }))
		.map((leaf) => leaf.ok)
		.filter((leaf): leaf is ReplicaDoc => !!leaf?._deleted && !!leaf.into);
	const bodies = new Map<string, string | undefined>();
	let guessed = false;
	const involved = async () => {
		const mine = await read(b.db, ['syncBase'], (r) => r.syncBase.get(id));
		return mine !== undefined && [doc._rev, ...(doc._conflicts ?? [])].includes(mine.rev);
	};
	for (const rev of doc._conflicts ?? []) {
		const loser = await b.replica.get(id, { rev, revs: true, attachments: true });
		bodies.set(rev, loser.s);
		const other = await openDoc(b, table, loser);
		if (other.kind === 'newer') return false;
		if (other.kind !== 'row') continue; // unreadable: closing it loses nothing anyone can read
		if (sameRow(other.row, merged)) continue;
		const common = commonBases(winner, loser, closed);
		const bases: Row[] = [];
		for (const rev of common.newest) {
			const row = await bodyAt(b, table, id, rev, closed);
			if (row) bases.push(row);
		}
		// A version's body travels only while it is a leaf: one another device wrote and built on
		// before sending may not be here. Merged against an older version, a field changed one
		// after the other would look changed on both sides, so a device none of these branches is
		// from leaves them to one that has that version (the one that made it). Its own branch
		// among them, it merges against the newest common version here (with none, every field
		// that differs becomes a card), and those cards replace no open card.
		if (bases.length < common.newest.length) {
			if (!(await involved())) return false;
			guessed = true;
			for (const rev of bases.length > 0 ? [] : common.all) {
				const row = await bodyAt(b, table, id, rev, closed);
				if (row) {
					bases.push(row);
					break;
				}
			}
		}
		const m = mergeRows(table, mergeBase(bases, merged, other.row), merged, other.row);
		merged = m.row;
		cards.push(...m.conflicts);
	}
	// The same content as the winner (two devices settled the same clash at once, or a branch
	// repeats the winner): only the other branches close. Closing a branch is the same revision on
	// every device, so settling never starts a new clash of its own. A closed branch names the
	// revision that took its content (`into`): a change made later on that branch, by a device that
	// had not heard of this settle yet, merges against it (commonBases), not as a clash it is not.
	let into = winner._rev!;
	if (!sameRow(merged, opened.row)) {
		const out = onBase(await sealRow(b, table, id, merged), winner._rev);
		if (!out._attachments && winner._attachments) out._attachments = winner._attachments;
		// Written before the branches close, so that they never close into nothing.
		await writeBranches(b, [out]);
		into = out._rev!;
	}
	// It also keeps the branch's body (sealed as it was): a version's body travels only while it is
	// a leaf, and a device that gets this branch later, or a change made on it, still merges
	// against it. Copied as it is, the close is the same revision on every device.
	const writes: ReplicaDoc[] = (doc._conflicts ?? []).map((rev) => ({
		_id: id,
		_rev: rev,
		_deleted: true,
		into,
		...(bodies.get(rev) ? { s: bodies.get(rev) } : {})
	}));
	for (const card of cards) {
		const cardDoc = docId('conflicts', card.id);
		// Two devices settling the same clash file the same card: the first one stands. A later
		// clash on a field whose card is still open replaces that card: its values are the ones
		// standing now, and the one it does not keep would be lost otherwise.
		const open = await b.replica.get(cardDoc).then(
			(d) => (d._deleted ? undefined : d),
			() => undefined
		);
		if (open) {
			const was = await openDoc(b, 'conflicts', open);
			if (guessed || was.kind !== 'row' || sameRow(was.row, card)) continue;
		}
		const out = await sealRow(b, 'conflicts', cardDoc, card);
		if (open) out._rev = open._rev;
		writes.push(out);
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

interface PullOptions {
	limit?: number;
	allowDeletes?: boolean;
	recordings?: boolean;
	/** Tests only: the schema version this build reads (a newer Kith's, say). */
	schemaVersion?: number;
}

const withDefaults = (o: PullOptions) => ({
	...o,
	limit: o.limit ?? 1000,
	allowDeletes: o.allowDeletes ?? false,
	recordings: o.recordings ?? true
});
type Pulling = ReturnType<typeof withDefaults>;

type Changes = Awaited<ReturnType<Replica['changes']>>;

/** A batch of the replica's changes, each document without a clash opened already. */
interface Fetched {
	feed: Changes;
	arrivals: (Arrival | undefined)[];
}

async function fetchBatch(b: Bridge, since: number | string, o: Pulling): Promise<Fetched> {
	return openBatch(b, await readBatch(b, since, o), o);
}

function readBatch(b: Bridge, since: number | string, { limit }: Pulling): Promise<Changes> {
	// Without attachments, so that a batch's size does not hang on how much audio it holds: a
	// recording's audio is read when its document is opened (openDoc).
	return b.replica.changes({ since, include_docs: true, conflicts: true, limit });
}

async function openBatch(
	b: Bridge,
	feed: Changes,
	{ recordings, schemaVersion }: Pulling
): Promise<Fetched> {
	// Opened all at once: one decryption awaited after another waited for the crypto thread 1,000
	// times a batch. Recordings one by one, so that a batch's audio is not all in memory at once.
	let audio: Promise<unknown> = Promise.resolve();
	const arrivals = await Promise.all(
		feed.results.map((change): Promise<Arrival | undefined> | undefined => {
			const named = parseDocId(change.id);
			const doc = change.doc;
			// A clash is settled first (itemsOf), in the order of the feed.
			const later =
				!named ||
				!doc?._rev ||
				doc._deleted ||
				doc._conflicts?.length ||
				(!recordings && named.table === 'recordings');
			if (later) return undefined;
			if (named.table !== 'recordings') return openDoc(b, named.table, doc, schemaVersion);
			const opened = audio.then(() => openDoc(b, named.table, doc, schemaVersion));
			audio = opened.catch(() => undefined);
			return opened;
		})
	);
	return { feed, arrivals };
}

/** What a batch brings, its clashes settled in the replica first (counted into `result`). */
async function itemsOf(
	b: Bridge,
	{ feed, arrivals }: Fetched,
	{ recordings, schemaVersion }: PullOptions,
	result: PullResult
): Promise<{ items: Item[]; settled: number }> {
	const items: Item[] = [];
	let settled = 0;
	for (const [i, change] of feed.results.entries()) {
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
		else
			items.push({
				...at,
				kind: 'arrival',
				arrival: arrivals[i] ?? (await openDoc(b, named.table, doc, schemaVersion))
			});
	}
	result.settled += settled;
	return { items, settled };
}

const replicaSeq = (b: Bridge) =>
	read(b.db, ['syncState'], (r) => r.syncState.read<number | string>('replicaSeq')).then(
		(seq) => seq ?? 0
	);

const noResult = (): PullResult => ({ applied: 0, more: false, held: 0, refused: 0, settled: 0 });

/**
 * Applies up to `limit` of the replica's changes to Kith's database, with the checkpoint, in one
 * transaction (a first sync's 25,000 records in 25 of them, each a few bulk reads and writes).
 * A round that would delete many records throws MassDeletePaused and applies nothing, unless
 * `allowDeletes`.
 */
export async function pull(b: Bridge, options: PullOptions = {}): Promise<PullResult> {
	const o = withDefaults(options);
	const fetched = await fetchBatch(b, await replicaSeq(b), o);
	const result = noResult();
	const { items } = await itemsOf(b, fetched, o, result);
	await apply(b, items, fetched.feed.last_seq, o, result);
	result.more = fetched.feed.results.length >= o.limit;
	return result;
}

/**
 * Pulls until the replica has nothing new, as `pull` called again and again does (a batch that
 * settled a clash is followed by one that applies the merge), but reads each batch and opens its
 * documents while the one before is written. That write goes to Kith's database only, and a
 * batch's clashes are settled before the next is read, so nothing writes to the replica meanwhile
 * and what is read ahead is what a later read would find. Throws as `pull` does
 * (MassDeletePaused), the batches before the one that threw staying applied.
 */
export async function pullAll(b: Bridge, options: PullOptions = {}): Promise<PullResult> {
	const o = withDefaults(options);
	const total = noResult();
	let next: Promise<Fetched> | undefined = fetchBatch(b, await replicaSeq(b), o);
	while (next) {
		const fetched: Fetched = await next;
		const { items, settled } = await itemsOf(b, fetched, o, total);
		next =
			fetched.feed.results.length >= o.limit || settled > 0
				? fetchBatch(b, fetched.feed.last_seq, o)
				: undefined;
		// Dropped if this batch throws: reading ahead wrote nothing anywhere.
		next?.catch(() => undefined);
		await apply(b, items, fetched.feed.last_seq, o, total);
	}
	return total;
}

/**
 * Applies what a replication running into the replica has brought so far, while it runs: whole
 * batches only, so that the mass-delete guard judges as many changes at once as `pullAll` does,
 * and none with a clash, which `pullAll` settles once nothing else writes to the replica (a settle
 * beside the replication's writes could close a branch into a merge that was refused). A change
 * that arrives after its batch was read comes later in the feed, and is applied then. Returns
 * whether it stopped at a clash; throws as `pull` does (MassDeletePaused).
 */
export async function pullArrived(
	b: Bridge,
	options: PullOptions = {}
): Promise<{ clash: boolean }> {
	const o = withDefaults(options);
	const result = noResult();
	for (let since = await replicaSeq(b); ;) {
		const feed = await readBatch(b, since, o);
		if (feed.results.length < o.limit) return { clash: false };
		if (feed.results.some((change) => change.doc?._conflicts?.length)) return { clash: true };
		const { items } = await itemsOf(b, await openBatch(b, feed, o), o, result);
		await apply(b, items, feed.last_seq, o, result);
		since = feed.last_seq;
	}
}

/**
 * Writes a batch's items and the checkpoint in one transaction, counting into `result`. Its sync
 * rows are read at once and its writes made table by table at the end (one get and put at a time,
 * a first sync of 25,000 records spent most of its time here); `bases` and `marks` follow the
 * writes decided so far, so each item is judged as if the ones before it were written already.
 */
async function apply(
	b: Bridge,
	items: Item[],
	lastSeq: number | string,
	{ allowDeletes }: { allowDeletes: boolean },
	result: PullResult
) {
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
		const keys = items.map((item) => item.key);
		// An empty outbox or held table (the usual case in a first sync) is not read key by key.
		const [baseRows, markRows, heldBefore] = await Promise.all([
			r.syncBase.bulkGet(keys),
			r.syncOutbox.count().then((n) => (n > 0 ? r.syncOutbox.bulkGet(keys) : [])),
			r.syncHeld.count()
		]);
		const bases = new Map(keys.map((key, i) => [key, baseRows[i]]));
		const marks = new Map(keys.map((key, i) => [key, markRows[i]]));
		if (!allowDeletes) await guardDeletes(r, items, marks);
		const rows = new Map<SyncedTable, Map<string, Row | null>>();
		const setRow = (table: SyncedTable, id: string, row: Row | null) => {
			let byId = rows.get(table);
			if (!byId) rows.set(table, (byId = new Map()));
			byId.set(id, row);
		};
		const newBases = new Map<string, SyncBaseRow>();
		const setBase = (row: SyncBaseRow) => {
			bases.set(row.key, row);
			newBases.set(row.key, row);
		};
		const held = new Map<string, SyncHeldRow | null>();
		// The keys of the rows that arrived, as opposed to rows this device writes of its own.
		const arrived = new Set<string>();
		for (const item of items) {
			const base = bases.get(item.key);
			if (base?.rev === item.rev) continue; // this device's own push, or applied before
			// Changed here since it was last handed to the replica: its push merges. A mark whose
			// version is in the replica already is not: what arrived has met it there.
			const mark = marks.get(item.key);
			if (waiting(mark)) continue;
			if (item.kind === 'delete') {
				setRow(item.table, item.id, null);
				setBase({ key: item.key, rev: item.rev, deleted: true });
			} else if (item.arrival.kind === 'newer') {
				held.set(item.key, {
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
				setRow(item.table, item.id, item.arrival.row);
				setBase({ key: item.key, rev: item.rev });
				held.set(item.key, null);
			}
			result.applied++;
			arrived.add(item.key);
			// Purged here while another device was changing it: the change won; say so. The card is
			// a change of this device's own, to be sent: its mark stays.
			const card =
				item.kind === 'arrival' && base?.deleted && item.table !== 'conflicts'
					? revivedCard(item)
					: undefined;
			if (card) {
				const cardKey = docId('conflicts', card.id);
				setRow('conflicts', card.id, card as unknown as Row);
				marks.set(cardKey, { key: cardKey, table: 'conflicts', id: card.id, mark: 'new' });
				arrived.delete(cardKey);
			}
		}
		// What arrived is written without outbox marks: it is not a change to send back, and a
		// version of this device's still on its way to the server keeps its mark as it is. The rest
		// (a card saying a purged record came back) is a change of this device's own, and marked.
		const writeRows = async (fromReplica: boolean) => {
			for (const [table, byId] of rows) {
				const puts: Row[] = [];
				const removes: string[] = [];
				for (const [id, row] of byId)
					if (arrived.has(docId(table, id)) !== fromReplica) continue;
					else if (row) puts.push(row);
					else removes.push(id);
				if (removes.length > 0) await repoOf(r, table).bulkRemove(removes);
				if (puts.length > 0) await repoOf(r, table).bulkPut(puts);
			}
		};
		await withoutMarks(() => writeRows(true));
		await writeRows(false);
		if (newBases.size > 0) await r.syncBase.bulkPut([...newBases.values()]);
		const heldPuts = [...held.values()].filter((h) => h !== null);
		const heldGone = [...held].filter(([, h]) => h === null).map(([key]) => key);
		if (heldPuts.length > 0) await r.syncHeld.bulkPut(heldPuts);
		if (heldGone.length > 0 && heldBefore > 0) await r.syncHeld.bulkRemove(heldGone);
		// A schedule replayed here is a change of this device's own: its mark stays.
		if (scheduler) await replaySchedules(r, pitchIds, scheduler.replay);
		await r.syncState.save('replicaSeq', lastSeq);
	});
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

/** The card saying a record purged here came back, changed on another device. */
function revivedCard(item: { table: SyncedTable; id: string }): SyncConflict | undefined {
	if (item.table === 'rehearsals' || item.table === 'recordings' || item.table === 'conflicts')
		return undefined;
	return {
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
}

/** Throws MassDeletePaused when the items would delete many records here. */
async function guardDeletes(r: Units, items: Item[], marks: Map<string, OutboxRow | undefined>) {
	// A record kept on purpose ("Keep them") waits in the outbox: it is not deleted here.
	const deleting = items.filter(
		(item) =>
			item.table !== 'conflicts' &&
			!waiting(marks.get(item.key)) &&
			(item.kind === 'delete' ||
				(item.arrival.kind === 'row' && Boolean(item.arrival.row.deletedAt)))
	);
	const here = await rowsOf(r, deleting);
	const byTable = new Map<SyncedTable, string[]>();
	for (const item of deleting) {
		const row = here.get(item.key);
		// Moved to the trash elsewhere: a delete too, if it is live here.
		const gone = row !== undefined && (item.kind === 'delete' || row.deletedAt === undefined);
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
 * what the replica now holds, so it comes back on every device instead of going. One moved to the
 * trash elsewhere comes back as the replica holds it, out of the trash, with every other change
 * made there. The rest of that round's changes are applied as usual by the next round.
 */
export async function keepPausedRecords(b: Bridge, keys: string[]) {
	const current = await b.replica.allDocs({ keys });
	const untrashed = new Map<string, Row>();
	for (const row of current.rows) {
		const named = parseDocId(row.id);
		if (!named || !row.value?.rev || row.value.deleted) continue;
		const doc = await b.replica.get(row.id, { rev: row.value.rev, attachments: true });
		const opened = await openDoc(b, named.table, doc);
		if (opened.kind !== 'row' || opened.row.deletedAt === undefined) continue;
		const { deletedAt: _trashed, ...kept } = opened.row;
		untrashed.set(row.id, kept);
	}
	await write(b.db, [...SYNCED_TABLES, 'syncBase', 'syncOutbox'], async (r) => {
		for (const row of current.rows) {
			const named = parseDocId(row.id);
			if (!named || !row.value?.rev) continue;
			await r.syncBase.put({ key: row.id, rev: row.value.rev });
			const kept = untrashed.get(row.id);
			if (kept) await repoOf(r, named.table).put(kept);
			await r.syncOutbox.put({
				key: row.id,
				table: named.table,
				id: named.key,
				mark: crypto.randomUUID()
			});
		}
	});
}
