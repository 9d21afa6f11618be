import type { Draft } from '$lib/domain/draft';
import type { KithDB } from './database';

export function draftsRepo(db: KithDB) {
	return {
		get: (key: string) => db.drafts.get(key),
		save: (key: string, values: Record<string, unknown>, now = Date.now()) =>
			db.drafts.put({ key, values, updatedAt: now } satisfies Draft),
		remove: (key: string) => db.drafts.delete(key)
	};
}
