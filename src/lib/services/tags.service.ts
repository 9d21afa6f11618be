/**
 * Adding, removing and restoring (Undo) a contact's tags, each in one write to the contacts table.
 */
import { touch, write, type KithDB } from '$lib/db';
import { parseTags } from '$lib/domain/contact';

/**
 * Adds tags (typed as "a, b" or "#a #b") to a contact, skipping ones it has in any case, and
 * returns the ones added. The row is written through the repository, which refreshes its search words.
 */
export async function addTags(
	db: KithDB,
	contactId: string,
	text: string,
	now = Date.now()
): Promise<string[]> {
	return write(db, ['contacts'], async (r) => {
		const contact = await r.contacts.get(contactId);
		if (!contact) return [];
		const have = new Set(contact.tags.map((t) => t.toLocaleLowerCase()));
		const added = parseTags(text).filter((t) => !have.has(t.toLocaleLowerCase()));
		if (added.length === 0) return [];
		await r.contacts.put(touch({ ...contact, tags: [...contact.tags, ...added] }, now));
		return added;
	});
}

/** Removes one tag; returns the place it had so Undo can put it back there. */
export async function removeTag(
	db: KithDB,
	contactId: string,
	tag: string,
	now = Date.now()
): Promise<number> {
	return write(db, ['contacts'], async (r) => {
		const contact = await r.contacts.get(contactId);
		const index = contact ? contact.tags.indexOf(tag) : -1;
		if (!contact || index < 0) return -1;
		await r.contacts.put(touch({ ...contact, tags: contact.tags.filter((t) => t !== tag) }, now));
		return index;
	});
}

/** Puts a removed tag back at its place (Undo). */
export async function restoreTag(
	db: KithDB,
	contactId: string,
	tag: string,
	index: number,
	now = Date.now()
): Promise<void> {
	await write(db, ['contacts'], async (r) => {
		const contact = await r.contacts.get(contactId);
		if (!contact || contact.tags.includes(tag)) return;
		const tags = [...contact.tags];
		tags.splice(Math.max(0, Math.min(index, tags.length)), 0, tag);
		await r.contacts.put(touch({ ...contact, tags }, now));
	});
}
