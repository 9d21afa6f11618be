import { describe, expect, it, vi } from 'vitest';
import { getDb, getRepos, observeRepos } from './index';

/** The values a subscription has seen, and a way to wait for the next one that passes `ok`. */
function follow<T>(query: Parameters<typeof observeRepos<T>>[0]) {
	const seen: T[] = [];
	const errors: unknown[] = [];
	const waiters: Array<() => void> = [];
	const stop = observeRepos(
		query,
		(v) => {
			seen.push(v);
			for (const w of waiters.splice(0)) w();
		},
		(e) => errors.push(e)
	);
	const until = async (ok: (v: T) => boolean) => {
		while (!seen.some(ok)) {
			if (errors.length) throw errors[0];
			await new Promise<void>((r) => waiters.push(r));
		}
	};
	return { seen, errors, stop, until };
}

describe('observeRepos', () => {
	it('reads several tables in one transaction, and runs again when one of them changes', async () => {
		const key = `observe-${crypto.randomUUID()}`;
		const query = async (r: ReturnType<typeof getRepos>) => {
			const [draft, contact, touchpoints] = await Promise.all([
				r.drafts.get(key),
				r.contacts.get('nobody'),
				r.interactions.ofContact('nobody')
			]);
			return { name: draft?.values.name, contact, touchpoints: touchpoints.length };
		};
		// The database is opened first, so that only the query's own transactions are counted.
		// Every IndexedDB transaction Dexie starts goes through its core, made when it opens.
		await getRepos().drafts.get(key);
		const transaction = vi.spyOn(getDb().core, 'transaction');
		const live = follow(query);
		await live.until((v) => v.name === undefined);
		expect(transaction).toHaveBeenCalledTimes(1);
		transaction.mockRestore();
		expect(live.seen[0]).toEqual({ name: undefined, contact: undefined, touchpoints: 0 });

		await getRepos().drafts.save(key, { name: 'Ines' });
		await live.until((v) => v.name === 'Ines');
		live.stop();
		expect(live.errors).toEqual([]);
	});

	it('reports a failing read once, as an error, and keeps no transaction open', async () => {
		const live = follow(async () => {
			throw new Error('unreadable');
		});
		await vi.waitFor(() => expect(live.errors).toHaveLength(1));
		expect((live.errors[0] as Error).message).toBe('unreadable');
		live.stop();
		// A write right after still goes through: nothing of the failed read holds its tables.
		await getRepos().drafts.save('after-error', { name: 'x' });
		expect((await getRepos().drafts.get('after-error'))?.values.name).toBe('x');
	});
});
