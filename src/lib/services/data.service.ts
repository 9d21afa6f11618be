/** Starting over: everything Kith stores on this device, gone in one step. */
import { ALL_TABLES, read, write, type KithDB } from '$lib/db';
import { clearTables } from '$lib/db/snapshot';

export interface DataSummary {
	/** Every stored contact, in the list or in the trash. */
	contacts: number;
}

/** What deleting everything would delete, for the confirmation. */
export async function summarizeData(db: KithDB): Promise<DataSummary> {
	return { contacts: await read(db, ['contacts'], (r) => r.contacts.count()) };
}

/**
 * Empties every table in one transaction, so either everything is gone or nothing is. Returns how
 * many contacts were deleted.
 */
export function deleteAllData(db: KithDB): Promise<number> {
	return write(db, ALL_TABLES, async (r) => {
		const contacts = await r.contacts.count();
		await clearTables(db);
		return contacts;
	});
}
