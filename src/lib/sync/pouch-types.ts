/**
 * The part of PouchDB Kith uses, typed here: PouchDB's own type packages are old and pull in
 * global declarations that clash with this project's; these few lines are all sync needs.
 */
import type { Change, Replica, ReplicaDoc, WriteResult } from './replica';

/** What a one-shot replication resolves to. */
export interface ReplicationResult {
	ok: boolean;
	docs_written: number;
	docs_read: number;
	errors: unknown[];
}

/** A running replication or changes feed: a promise with events, which can be cancelled. */
export interface Feed<T> extends Promise<T> {
	on(event: string, listener: (value: never) => void): void;
	cancel(): void;
}

export interface PouchDatabase extends Replica {
	info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
	put(doc: ReplicaDoc | Record<string, unknown>): Promise<WriteResult>;
	allDocs(options?: {
		include_docs?: boolean;
		keys?: string[];
	}): Promise<{ rows: { id: string; value: { rev: string }; doc?: ReplicaDoc }[] }>;
	changes(
		options: Parameters<Replica['changes']>[0]
	): Promise<{ results: Change[]; last_seq: number | string }>;
	changes(options: { live: true; since: 'now' | number | string; timeout?: false }): Feed<void>;
	replicate: {
		to(
			target: PouchDatabase,
			options?: { batch_size?: number; since?: number | string }
		): Feed<ReplicationResult>;
		from(
			source: PouchDatabase,
			options?: { batch_size?: number; filter?: (doc: { _id: string }) => boolean }
		): Feed<ReplicationResult>;
	};
	destroy(): Promise<unknown>;
	close(): Promise<void>;
}

export interface PouchOptions {
	adapter?: string;
	auto_compaction?: boolean;
	skip_setup?: boolean;
	auth?: { username: string; password: string };
	fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
}

export interface PouchStatic {
	new (name: string, options?: PouchOptions): PouchDatabase;
	plugin(plugin: unknown): PouchStatic;
}
