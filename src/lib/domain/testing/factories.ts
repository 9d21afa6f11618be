import type { Contact } from '../contact';
import { newId } from '../ids';

let clock = 1_700_000_000_000;

/** A valid contact for tests; each call is a second later than the one before. */
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
