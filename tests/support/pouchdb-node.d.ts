// Types for the part of PouchDB's Node packages the tests use; the packages ship none. Not
// @types/pouchdb-core: it declares a global `interface Buffer` that merges into Node's and turns
// every Buffer passed as a Uint8Array in src/ and tests/ into a type error.
declare module 'pouchdb' {
	export type Doc = { _id: string; _rev: string } & Record<string, unknown>;
	export type NewDoc = { _id: string; _rev?: string } & Record<string, unknown>;
	export type ReplicationResult = {
		ok: boolean;
		docs_read: number;
		docs_written: number;
		doc_write_failures: number;
	};
	export interface Replication extends Promise<ReplicationResult> {
		on(event: 'change', listener: (info: ReplicationResult) => void): this;
		cancel(): void;
	}
	export type ReplicateOptions = { batch_size?: number; live?: boolean; retry?: boolean };
	export interface Database {
		info(): Promise<{ db_name: string; doc_count: number; update_seq: number | string }>;
		get(id: string): Promise<Doc>;
		put(doc: NewDoc): Promise<{ ok: boolean; id: string; rev: string }>;
		bulkDocs(docs: NewDoc[]): Promise<unknown[]>;
		allDocs(options?: {
			include_docs?: boolean;
		}): Promise<{ total_rows: number; rows: Array<{ id: string; doc?: Doc }> }>;
		/** A Buffer in Node, a Blob in a browser. */
		getAttachment(id: string, name: string): Promise<Buffer>;
		changes(options?: { since?: number | string }): unknown;
		replicate: {
			to(target: Database, options?: ReplicateOptions): Replication;
			from(source: Database, options?: ReplicateOptions): Replication;
		};
		close(): Promise<void>;
	}
	export type Options = {
		adapter?: string;
		auth?: { username: string; password: string };
	};
	const PouchDB: {
		new (name: string, options?: Options): Database;
		plugin(plugin: unknown): void;
	};
	export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
	const plugin: unknown;
	export default plugin;
}
