import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '$lib/io/backup-base64';
import { SyncError } from './errors';
import { importDataKey, sealBytes, sealDoc, unsealBytes, unsealDoc } from './seal';

const key = importDataKey(new Uint8Array(32).fill(7));
const otherKey = importDataKey(new Uint8Array(32).fill(8));

describe('sealing (property)', () => {
	it('unseal(seal(body)) is the body as JSON carries it, under its own id only', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string(), fc.string(), fc.jsonValue(), async (id, otherId, body) => {
				const sealed = await sealDoc(await key, id, body);
				// JSON's own round trip is the promise: -0 comes back as 0, as it would from CouchDB.
				expect(await unsealDoc(await key, id, sealed)).toEqual(JSON.parse(JSON.stringify(body)));
				await expect(unsealDoc(await otherKey, id, sealed)).rejects.toBeInstanceOf(SyncError);
				if (new TextEncoder().encode(otherId).join() !== new TextEncoder().encode(id).join())
					await expect(unsealDoc(await key, otherId, sealed)).rejects.toBeInstanceOf(SyncError);
			}),
			{ numRuns: 300 }
		);
	});

	it('no string of four characters or more shows through, nor its base64', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 4 }), async (secret) => {
				const sealed = await sealDoc(await key, 'contacts:1', { name: secret });
				expect(sealed).not.toContain(secret);
				expect(sealed).not.toContain(toBase64(new TextEncoder().encode(secret)).slice(0, 8));
			}),
			{ numRuns: 200 }
		);
	});

	it('bytes round-trip, and any single flipped bit is refused', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 2000 }),
				fc.nat(),
				fc.integer({ min: 0, max: 7 }),
				async (bytes, at, bit) => {
					const sealed = await sealBytes(await key, 'recordings:1', bytes);
					expect(toBase64(await unsealBytes(await key, 'recordings:1', sealed))).toBe(
						toBase64(bytes)
					);
					const changed = new Uint8Array(sealed);
					changed[at % changed.length]! ^= 1 << bit;
					await expect(unsealBytes(await key, 'recordings:1', changed)).rejects.toBeInstanceOf(
						SyncError
					);
				}
			),
			{ numRuns: 200 }
		);
	});
});
