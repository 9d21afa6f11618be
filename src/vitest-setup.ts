// Every unit test, in both vitest projects, gets an in-memory IndexedDB (fake-indexeddb).
import 'fake-indexeddb/auto';
