// PouchDB ships no types of its own; src/lib/sync/pouch-types.ts holds the part Kith uses (the
// Node bundle's, for tests and the dev server, are in tests/support/pouchdb-node.d.ts).
declare module 'pouchdb-browser' {
	const PouchDB: import('$lib/sync/pouch-types').PouchStatic;
	export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
	const plugin: unknown;
	export default plugin;
}
