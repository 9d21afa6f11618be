/**
 * A contact as the contacts table stores it: the domain record plus the derived fields its
 * indexes need (search words, and `asking` while an intro request is open).
 */
import type { Contact } from '$lib/domain/contact';
import { contactSearchWords } from '$lib/domain/search';
import type { ContactRow } from './database';

export function toRow(contact: Contact): ContactRow {
	const live = contact.deletedAt === undefined;
	const row: ContactRow = { ...contact, words: live ? contactSearchWords(contact) : [] };
	if (live && contact.introRequests?.some((r) => r.doneAt === undefined)) row.asking = 1;
	return row;
}

export function fromRow(row: ContactRow): Contact {
	const { words: _words, asking: _asking, ...contact } = row;
	return contact;
}

export const isLive = (c: ContactRow) => c.deletedAt === undefined;
