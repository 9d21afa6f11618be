import { afterEach, describe, expect, it, vi } from 'vitest';

// Fresh modules each time: the app's database is made once per page, on first use.
afterEach(() => {
	vi.restoreAllMocks();
	vi.resetModules();
});

describe('forgetOpenSearches', () => {
	it('builds no database in a page that has not opened one', async () => {
		const db = await import('./index');
		const { KithDB } = await import('./database');
		const declare = vi.spyOn(KithDB.prototype, 'version');
		db.forgetOpenSearches();
		expect(declare).not.toHaveBeenCalled();
		db.getDb();
		expect(declare).toHaveBeenCalled();
	});

	it('drops what the open database’s searches keep', async () => {
		const db = await import('./index');
		const { searchCache } = await import('./contact-search-cache');
		const reset = vi.spyOn(searchCache(db.getDb()), 'reset');
		db.forgetOpenSearches();
		expect(reset).toHaveBeenCalledOnce();
	});
});
