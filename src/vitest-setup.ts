// Every unit test gets an in-memory IndexedDB and the DOM matchers.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
