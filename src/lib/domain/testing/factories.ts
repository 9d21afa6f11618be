/**
 * Test data only: valid records with plain defaults, for tests in any layer to override the
 * fields they care about. Nothing here is stored; the db layer re-exports what it needs.
 */
import type { Contact } from '../contact';
import { newId } from '../ids';
import type { Touchpoint } from '../touchpoint';
import type { Interview } from '../interview';

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
		version: 1,
		...fields
	};
}

/** A logged call with `contactId`, stamped at time 1. */
export function makeTouchpoint(
	fields: Pick<Touchpoint, 'id' | 'contactId'> & Partial<Touchpoint>
): Touchpoint {
	return {
		on: '2026-03-01',
		channel: 'call',
		summary: 'chat',
		received: ['names'],
		followUpDone: false,
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...fields
	};
}

/** A finished video interview with `contactId`, stamped at time 1. */
export function makeInterview(
	fields: Pick<Interview, 'id' | 'contactId'> & Partial<Interview>
): Interview {
	return {
		mode: 'video',
		status: 'done',
		questions: [],
		referralIds: [],
		createdAt: 1,
		updatedAt: 1,
		version: 1,
		...fields
	};
}
