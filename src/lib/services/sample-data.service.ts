import type { KithDB } from '$lib/db';
import { repos } from '$lib/db/repos';
import { todayIso } from '$lib/domain/dates';
import { forgetIntroductions } from './contacts.service';

/** Adds the fictional sample network and remembers which ids it added, so it can leave again. */
export async function addSampleData(db: KithDB, now = Date.now()): Promise<number> {
	const r = repos(db);
	// The sample people are only needed once, so they stay out of the first load.
	const { sampleContacts } = await import('./sample-data');
	const contacts = sampleContacts(todayIso(new Date(now)), now);
	await db.transaction('rw', db.contacts, db.settings, async () => {
		const before = (await r.settings.get('sampleContactIds')) ?? [];
		await r.contacts.bulkPut(contacts);
		await r.settings.set('sampleContactIds', [...before, ...contacts.map((c) => c.id)]);
	});
	return contacts.length;
}

/** Removes every sample contact, edited or not; the user's own contacts stay untouched. */
export async function removeSampleData(db: KithDB): Promise<number> {
	const r = repos(db);
	return db.transaction('rw', db.contacts, db.interactions, db.settings, async () => {
		const ids = (await r.settings.get('sampleContactIds')) ?? [];
		// A real contact may have been linked to a sample introducer; keep it, forget the link.
		await forgetIntroductions(db, ids);
		await db.interactions.where('contactId').anyOf(ids).delete();
		await r.contacts.bulkRemove(ids);
		await r.settings.remove('sampleContactIds');
		return ids.length;
	});
}

export async function hasSampleData(db: KithDB): Promise<boolean> {
	const ids = await repos(db).settings.get('sampleContactIds');
	return (ids?.length ?? 0) > 0;
}
