/**
 * Test data only: a fresh in-memory database per test, and the domain factories re-exported so a
 * db or service test imports its fixtures from one place.
 */
import { KithDB } from '../database';
import { freshFactory } from './upgrade-harness';

export { makeContact, makeTouchpoint, makeInterview } from '$lib/domain/testing/factories';

/** A new, empty database of its own for one test. */
export function testDb(): KithDB {
	return new KithDB(`test-${crypto.randomUUID()}`, freshFactory());
}
