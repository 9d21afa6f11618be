/**
 * Records held back because a newer Kith wrote them (`syncHeld`) wait in the replica. Once this
 * device runs a Kith that knows their shape, the replica's changes are read again from the start:
 * rows already applied are passed over (their revision is the one this device holds), and the
 * held ones are applied at last.
 */
import { read, write, type KithDB } from '$lib/db';
import { SCHEMA_VERSION } from './doc';

export async function releaseHeld(db: KithDB, version = SCHEMA_VERSION): Promise<boolean> {
	const held = await read(db, ['syncHeld'], (r) => r.syncHeld.all());
	if (!held.some((h) => h.schema <= version)) return false;
	await write(db, ['syncState'], (r) => r.syncState.save('replicaSeq', 0));
	return true;
}
