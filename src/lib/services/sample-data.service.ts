/**
 * The fictional sample network: contacts added to try Kith with, and their ids in the settings
 * table (`sampleContactIds`), so they can leave again without touching the user's own contacts.
 */
import { read, write, type KithDB } from '$lib/db';
import { todayIso } from '$lib/domain/dates';
import { CONTACT_TABLES, deleteContactsFully } from './contacts.service';

/** Adds the fictional sample network and remembers which ids it added, so it can leave again. */
export async function addSampleData(db: KithDB, now = Date.now()): Promise<number> {
	// The sample people are only needed once, so they stay out of the first load.
	const { sampleContacts } = await import('./sample-data');
	const contacts = sampleContacts(todayIso(new Date(now)), now);
	await write(db, ['contacts', 'settings'], async (r) => {
		const before = (await r.settings.get('sampleContactIds')) ?? [];
		await r.contacts.bulkPut(contacts);
		await r.settings.set('sampleContactIds', [...before, ...contacts.map((c) => c.id)]);
	});
	return contacts.length;
}

/**
 * Removes every sample contact, edited or not, with their unsaved edit drafts; the user's own
 * contacts stay untouched. Returns how many sample contacts were still there.
 */
export async function removeSampleData(db: KithDB): Promise<number> {
	return write(db, [...CONTACT_TABLES, 'settings'], async (r) => {
		const ids = (await r.settings.get('sampleContactIds')) ?? [];
		const there = (await r.contacts.bulkGet(ids)).filter((c) => c !== undefined).length;
		// A real contact may have been linked to a sample introducer; keep it, forget the link.
		await deleteContactsFully(r, ids);
		await r.settings.remove('sampleContactIds');
		return there;
	});
}

export interface SampleDataSummary {
	/** Sample contacts still stored (in the list or in the trash). */
	count: number;
	/** How many of them the user changed since they were added. */
	edited: number;
}

/** What removing the sample data would delete, for the confirmation. */
export async function summarizeSampleData(db: KithDB): Promise<SampleDataSummary> {
	const rows = await read(db, ['settings', 'contacts'], async (r) => {
		const ids = (await r.settings.get('sampleContactIds')) ?? [];
		return (await r.contacts.bulkGet(ids)).filter((c) => c !== undefined);
	});
	return {
		count: rows.length,
		edited: rows.filter((c) => c.updatedAt !== c.createdAt).length
	};
}

export async function hasSampleData(db: KithDB): Promise<boolean> {
	const ids = await read(db, ['settings'], (r) => r.settings.get('sampleContactIds'));
	return (ids?.length ?? 0) > 0;
}
