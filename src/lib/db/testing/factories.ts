import type { Contact } from '$lib/domain/contact';
import { newId } from '$lib/domain/ids';
import { KithDB } from '../database';
import { freshFactory } from './upgrade-harness';

let clock = 1_700_000_000_000;

/** A new, empty database of its own for one test. */
export function testDb(): KithDB {
	return new KithDB(`test-${crypto.randomUUID()}`, freshFactory());
}

export function makeContact(fields: Partial<Contact> = {}): Contact {
	clock += 1000;
	return {
		id: newId(),
		name: 'Test Person',
		emails: [],
		phones: [],
		links: [],
		tags: [],
		createdAt: clock,
		updatedAt: clock,
		...fields
	};
}
