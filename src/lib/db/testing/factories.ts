import { KithDB } from '../database';
import { freshFactory } from './upgrade-harness';

export { makeContact } from '$lib/domain/testing/factories';

/** A new, empty database of its own for one test. */
export function testDb(): KithDB {
	return new KithDB(`test-${crypto.randomUUID()}`, freshFactory());
}
