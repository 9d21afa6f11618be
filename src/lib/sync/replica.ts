/**
 * The few PouchDB calls the bridge makes on the local replica, typed for what Kith stores there:
 * one document per synced row, its body sealed (`s`), a recording's audio as a sealed attachment.
 * Typed here rather than through PouchDB's own types so that the bridge and its tests (which use
 * PouchDB's memory adapter in Node) share one small surface.
 */

export interface Attachment {
	content_type: string;
	/** Base64, as PouchDB gives attachments with `attachments: true` and takes them on write. */
	data?: string;
	stub?: boolean;
	digest?: string;
	length?: number;
}

export interface ReplicaDoc {
	_id: string;
	_rev?: string;
	_deleted?: boolean;
	_conflicts?: string[];
	_revisions?: { start: number; ids: string[] };
	/** On a branch closed by a settle: the revision that took its content (bridge.ts). */
	into?: string;
	_attachments?: Record<string, Attachment>;
	s?: string;
}

export interface WriteResult {
	ok?: boolean;
	id?: string;
	rev?: string;
	error?: string | boolean;
	status?: number;
	name?: string;
}

export interface Change {
	id: string;
	seq: number | string;
	doc?: ReplicaDoc;
	deleted?: boolean;
	changes: { rev: string }[];
}

export interface Replica {
	bulkDocs(docs: ReplicaDoc[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
	get(
		id: string,
		options?: { rev?: string; revs?: boolean; conflicts?: boolean; attachments?: boolean }
	): Promise<ReplicaDoc>;
	/** Every leaf of the document's revision tree, deleted ones included. */
	get(id: string, options: { open_revs: 'all'; revs: true }): Promise<{ ok?: ReplicaDoc }[]>;
	allDocs(options: {
		keys: string[];
	}): Promise<{ rows: { id: string; value?: { rev: string; deleted?: boolean } }[] }>;
	changes(options: {
		since: number | string;
		include_docs: true;
		conflicts: true;
		attachments?: boolean;
		limit: number;
	}): Promise<{ results: Change[]; last_seq: number | string }>;
}
