import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '$lib/io/backup-base64';
import { deriveKey, PBKDF2_ITERATIONS } from '$lib/io/backup-crypto';
import { SyncError, type SyncErrorKind } from './errors';
import {
	createKeyring,
	importDataKey,
	keyringMatches,
	keyringSchema,
	openKeyring,
	sealBytes,
	sealDoc,
	unsealBytes,
	unsealDoc,
	type Keyring
} from './seal';

// Fast enough for many runs; one test below uses the real count.
const fast = { iterations: 1000 };
const passphrase = 'correct horse battery staple';

async function failure(promise: Promise<unknown>, kind: SyncErrorKind): Promise<SyncError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(SyncError);
	expect((error as SyncError).kind).toBe(kind);
	return error as SyncError;
}

async function newKey() {
	return importDataKey(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

describe('keyring', () => {
	it('wraps a random 256-bit key with 600,000 PBKDF2 iterations by default', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		const { keyring, dataKey, raw } = await createKeyring(passphrase);
		expect(keyring).toMatchObject({
			_id: 'keyring',
			format: 'kith-sync-keyring',
			version: 1,
			kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
			wrap: { name: 'AES-GCM' }
		});
		expect(raw).toHaveLength(32);
		expect(fromBase64(keyring.kdf.salt)).toHaveLength(16);
		expect(fromBase64(keyring.wrap.iv)).toHaveLength(12);
		// The key plus GCM's 16-byte tag; the raw key does not show through.
		expect(fromBase64(keyring.key)).toHaveLength(48);
		expect(keyring.key).not.toContain(toBase64(raw).slice(0, 8));
		expect(dataKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		expect(dataKey.extractable).toBe(true);

		const opened = await openKeyring(JSON.parse(JSON.stringify(keyring)), passphrase);
		expect(opened.raw).toEqual(raw);
	}, 30_000);

	it('opens with the passphrase, however its accents were typed, and keeps the same key', async () => {
		const { keyring, dataKey, raw } = await createKeyring('café au lait', fast);
		const opened = await openKeyring(keyring, 'cafe\u0301 au lait');
		expect(opened.raw).toEqual(raw);
		// The opened key reads what the first one sealed.
		const sealed = await sealDoc(dataKey, 'contacts:1', { name: 'Ada' });
		expect(await unsealDoc(opened.dataKey, 'contacts:1', sealed)).toEqual({ name: 'Ada' });
	});

	it('keeps CouchDB’s _rev and other members out of the way', async () => {
		const { keyring, raw } = await createKeyring(passphrase, fast);
		const stored = { ...keyring, _rev: '3-abc', extra: true };
		expect((await openKeyring(stored, passphrase)).raw).toEqual(raw);
	});

	it('refuses a wrong passphrase in plain words', async () => {
		const { keyring } = await createKeyring(passphrase, fast);
		const error = await failure(
			openKeyring(keyring, 'Correct horse battery staple'),
			'wrong-passphrase'
		);
		expect(error.message).toMatch(/^That passphrase does not open the data on this server\./);
		await failure(openKeyring(keyring, ''), 'no-passphrase');
	});

	it('refuses an empty or short passphrase when making one', async () => {
		await failure(createKeyring('', fast), 'no-passphrase');
		const weak = await failure(createKeyring('1234567', fast), 'weak-passphrase');
		expect(weak.message).toMatch(/^Use a passphrase of at least 8 characters/);
		// Eight characters as a person counts them, not as UTF-16 counts them.
		await failure(createKeyring('🔑🔑🔑🔑', fast), 'weak-passphrase');
		await expect(createKeyring('12345678', fast)).resolves.toBeDefined();
	});

	it('refuses a damaged keyring before trying the passphrase', async () => {
		const { keyring } = await createKeyring(passphrase, fast);
		const damaged: unknown[] = [
			undefined,
			null,
			'keyring',
			{},
			{ ...keyring, _id: 'contacts:1' },
			{ ...keyring, format: 'kith-backup-encrypted' },
			{ ...keyring, version: 2 },
			{ ...keyring, key: 'not base64!' },
			{ ...keyring, key: '' },
			{ ...keyring, wrap: { name: 'AES-GCM', iv: '' } },
			{ ...keyring, wrap: { name: 'AES-CBC', iv: keyring.wrap.iv } },
			{ ...keyring, kdf: { ...keyring.kdf, iterations: 0 } },
			{ ...keyring, kdf: { ...keyring.kdf, iterations: 1e12 } },
			{ ...keyring, kdf: { ...keyring.kdf, iterations: 1.5 } },
			{ ...keyring, kdf: { ...keyring.kdf, hash: 'SHA-1' } },
			{ ...keyring, check: undefined }
		];
		for (const doc of damaged) {
			const error = await failure(openKeyring(doc, passphrase), 'bad-keyring');
			expect(error.message).toContain('damaged');
		}
		expect(keyringSchema.safeParse(keyring).success).toBe(true);
	});

	it('refuses a keyring whose check does not match its key', async () => {
		const a = await createKeyring(passphrase, fast);
		const b = await createKeyring(passphrase, fast);
		const mixed: Keyring = { ...a.keyring, check: b.keyring.check };
		await failure(openKeyring(mixed, passphrase), 'bad-keyring');
	});

	it('tells whether a join code’s key is the key of the data on the server', async () => {
		const { keyring, raw } = await createKeyring(passphrase, fast);
		expect(await keyringMatches(keyring, await importDataKey(raw))).toBe(true);
		expect(await keyringMatches(keyring, await newKey())).toBe(false);
		await failure(keyringMatches({}, await newKey()), 'bad-keyring');
	});

	it('refuses a keyring that the passphrase opens to something other than a 256-bit key', async () => {
		const { keyring } = await createKeyring(passphrase, fast);
		const salt = fromBase64(keyring.kdf.salt)!;
		const iv = fromBase64(keyring.wrap.iv)!;
		const wrapping = await deriveKey(passphrase, salt, fast.iterations, 'encrypt');
		for (const length of [16, 20]) {
			const wrapped = await globalThis.crypto.subtle.encrypt(
				{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode('kith-sync-keyring') },
				wrapping,
				new Uint8Array(length)
			);
			const doc = { ...keyring, key: toBase64(new Uint8Array(wrapped)) };
			await failure(openKeyring(doc, passphrase), 'bad-keyring');
		}
	});

	it('takes only 32-byte keys', async () => {
		await expect(importDataKey(new Uint8Array(16))).rejects.toBeInstanceOf(TypeError);
	});
});

describe('sealed documents', () => {
	it('round-trips a body', async () => {
		const key = await newKey();
		const body = {
			name: 'Ada Lovelace',
			tags: ['math', 'é', '👩🏽‍💻'],
			v: 3,
			n: null,
			deep: { a: [1, 2.5] }
		};
		const sealed = await sealDoc(key, 'contacts:abc', body);
		expect(fromBase64(sealed)).toBeDefined();
		expect(await unsealDoc(key, 'contacts:abc', sealed)).toEqual(body);
	});

	it('hides what is inside', async () => {
		const key = await newKey();
		const name = 'Zanzibar Quill';
		const sealed = await sealDoc(key, 'contacts:1', { name });
		expect(sealed).not.toContain(name);
		expect(sealed).not.toContain('Zanzibar');
		// Nor its base64, at any of the three alignments base64 can give it.
		for (const prefix of ['', 'x', 'xy'])
			expect(sealed).not.toContain(toBase64(new TextEncoder().encode(prefix + name)).slice(4, 16));
		// IV, then the JSON's length in ciphertext, then the 16-byte tag.
		expect(fromBase64(sealed)).toHaveLength(12 + JSON.stringify({ name }).length + 16);
	});

	it('seals the same body differently each time', async () => {
		const key = await newKey();
		const a = await sealDoc(key, 'contacts:1', { name: 'Ada' });
		const b = await sealDoc(key, 'contacts:1', { name: 'Ada' });
		expect(a).not.toBe(b);
		expect(a.slice(0, 16)).not.toBe(b.slice(0, 16));
	});

	it('refuses a wrong key', async () => {
		const sealed = await sealDoc(await newKey(), 'contacts:1', { name: 'Ada' });
		const error = await failure(unsealDoc(await newKey(), 'contacts:1', sealed), 'unreadable');
		expect(error.message).toMatch(/could not be opened/);
	});

	it('refuses a changed body, wherever the change is', async () => {
		const key = await newKey();
		const bytes = fromBase64(await sealDoc(key, 'contacts:1', { name: 'Ada' }))!;
		for (const at of [0, 11, 12, bytes.length - 17, bytes.length - 1]) {
			const changed = new Uint8Array(bytes);
			changed[at]! ^= 1;
			await failure(unsealDoc(key, 'contacts:1', toBase64(changed)), 'unreadable');
		}
		await failure(unsealDoc(key, 'contacts:1', toBase64(bytes.subarray(0, 27))), 'unreadable');
		await failure(unsealDoc(key, 'contacts:1', toBase64(bytes.subarray(0, -1))), 'unreadable');
		await failure(unsealDoc(key, 'contacts:1', 'not base64!'), 'unreadable');
		await failure(unsealDoc(key, 'contacts:1', ''), 'unreadable');
		await failure(unsealDoc(key, 'contacts:1', 42 as unknown as string), 'unreadable');
	});

	it('refuses a body moved to another document', async () => {
		const key = await newKey();
		const sealed = await sealDoc(key, 'contacts:1', { name: 'Ada' });
		await failure(unsealDoc(key, 'contacts:2', sealed), 'unreadable');
		await failure(unsealDoc(key, 'pitches:1', sealed), 'unreadable');
		expect(await unsealDoc(key, 'contacts:1', sealed)).toEqual({ name: 'Ada' });
	});

	it('will not seal what is not JSON', async () => {
		const key = await newKey();
		await expect(sealDoc(key, 'x', undefined)).rejects.toBeInstanceOf(TypeError);
	});
});

describe('sealed audio', () => {
	// 200 kB, about a minute of speech; not random, so a pattern showing through would be seen.
	const clip = () => Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31) % 251);

	it('round-trips the bytes and hides them', async () => {
		const key = await newKey();
		const bytes = clip();
		const sealed = await sealBytes(key, 'recordings:1', bytes);
		expect(sealed).toHaveLength(12 + bytes.length + 16);
		expect(toBase64(sealed.subarray(12, 44))).not.toBe(toBase64(bytes.subarray(0, 32)));
		// Compared as base64: toEqual walks 200,000 elements slowly.
		expect(toBase64(await unsealBytes(key, 'recordings:1', sealed))).toBe(toBase64(bytes));
		// A view into a larger buffer is read from its own offset.
		const inside = new Uint8Array(sealed.length + 10);
		inside.set(sealed, 5);
		const view = inside.subarray(5, 5 + sealed.length);
		expect(toBase64(await unsealBytes(key, 'recordings:1', view))).toBe(toBase64(bytes));
	});

	it('refuses a wrong key, a change, another document, or a document body', async () => {
		const key = await newKey();
		const sealed = await sealBytes(key, 'recordings:1', new Uint8Array([1, 2, 3]));
		await failure(unsealBytes(await newKey(), 'recordings:1', sealed), 'unreadable');
		const changed = new Uint8Array(sealed);
		changed[20]! ^= 1;
		await failure(unsealBytes(key, 'recordings:1', changed), 'unreadable');
		await failure(unsealBytes(key, 'recordings:2', sealed), 'unreadable');
		await failure(unsealBytes(key, 'recordings:1', new Uint8Array(10)), 'unreadable');
		// A document's sealed body cannot pass for its audio, nor the other way round.
		const body = fromBase64(await sealDoc(key, 'recordings:1', [1, 2, 3]))!;
		await failure(unsealBytes(key, 'recordings:1', body), 'unreadable');
		await failure(unsealDoc(key, 'recordings:1', toBase64(sealed)), 'unreadable');
	});
});
