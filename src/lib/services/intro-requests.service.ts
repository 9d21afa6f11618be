/**
 * Intro requests: whom the user hopes a contact will introduce them to. They are stored on the
 * contact's own row (`introRequests`), so backups, merges and the trash carry them with it.
 */
import { touch, write, type KithDB } from '$lib/db';
import { NAME_MAX, type Contact, type IntroRequest } from '$lib/domain/contact';
import { newId } from '$lib/domain/ids';

export type IntroResult = { ok: true; request: IntroRequest } | { ok: false; message: string };

/** Rewrites one contact's requests in a transaction; nothing happens if the contact is gone. */
async function change(
	db: KithDB,
	contactId: string,
	now: number,
	edit: (list: IntroRequest[], contact: Contact) => IntroRequest[] | undefined
): Promise<boolean> {
	return write(db, ['contacts'], async (r) => {
		const contact = await r.contacts.get(contactId);
		if (!contact) return false;
		const next = edit([...(contact.introRequests ?? [])], contact);
		if (!next) return false;
		const { introRequests: _old, ...rest } = contact;
		await r.contacts.put(touch({ ...rest, ...(next.length ? { introRequests: next } : {}) }, now));
		return true;
	});
}

export async function addIntroRequest(
	db: KithDB,
	contactId: string,
	who: string,
	now = Date.now()
): Promise<IntroResult> {
	const text = who.trim().replace(/\s+/g, ' ');
	if (!text) return { ok: false, message: 'Write whom you would like to meet, even roughly.' };
	if (text.length > NAME_MAX)
		return { ok: false, message: `Keep it under ${NAME_MAX} characters; details can go in notes.` };
	const request: IntroRequest = { id: newId(), who: text, createdAt: now };
	const done = await change(db, contactId, now, (list, contact) =>
		contact.deletedAt === undefined ? [...list, request] : undefined
	);
	return done
		? { ok: true, request }
		: { ok: false, message: 'This contact was deleted in the meantime.' };
}

/** Marks a request done (or not done again). */
export async function setIntroRequestDone(
	db: KithDB,
	contactId: string,
	requestId: string,
	done: boolean,
	now = Date.now()
): Promise<void> {
	await change(db, contactId, now, (list) =>
		list.map((req) => {
			if (req.id !== requestId) return req;
			const { doneAt: _d, ...open } = req;
			return done ? { ...open, doneAt: now } : open;
		})
	);
}

/** Deletes a request; returns it with its place, so Undo can put it back. */
export async function removeIntroRequest(
	db: KithDB,
	contactId: string,
	requestId: string,
	now = Date.now()
): Promise<{ request: IntroRequest; index: number } | undefined> {
	let removed: { request: IntroRequest; index: number } | undefined;
	await change(db, contactId, now, (list) => {
		const index = list.findIndex((req) => req.id === requestId);
		if (index < 0) return undefined;
		removed = { request: list[index]!, index };
		return list.filter((req) => req.id !== requestId);
	});
	return removed;
}

export async function restoreIntroRequest(
	db: KithDB,
	contactId: string,
	removed: { request: IntroRequest; index: number },
	now = Date.now()
): Promise<void> {
	await change(db, contactId, now, (list) => {
		if (list.some((req) => req.id === removed.request.id)) return undefined;
		list.splice(Math.min(removed.index, list.length), 0, removed.request);
		return list;
	});
}
