/**
 * End-to-end encryption for sync: the keyring document that keeps the data key on the server,
 * locked by the sync passphrase, and the sealing of each document body and audio clip with that
 * key before it leaves the phone. The server only ever holds what this file writes.
 *
 * The data key is random, not derived from the passphrase, so a second device can be given it by
 * a join code, and a passphrase change only re-wraps it. WebCrypto only: browsers and Node 20.
 */
import { z } from 'zod/mini';
import { fromBase64, toBase64 } from '$lib/io/backup-base64';
import { deriveKey, MAX_ITERATIONS, PBKDF2_ITERATIONS } from '$lib/io/backup-crypto';
import { SyncError } from './errors';

export const KEYRING_ID = 'keyring';
export const KEYRING_FORMAT = 'kith-sync-keyring';
export const MIN_PASSPHRASE_LENGTH = 8;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the wrapped key to its purpose: the same passphrase's backup ciphertext cannot pass for it.
const KEYRING_DATA = new TextEncoder().encode(KEYRING_FORMAT);
// Sealed under the data key, so a device given the key by a join code can tell it is the key of
// the data on this server before it syncs anything.
const CHECK_TEXT = 'kith-sync-check';

export interface Keyring {
	_id: typeof KEYRING_ID;
	format: typeof KEYRING_FORMAT;
	version: 1;
	kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
	wrap: { name: 'AES-GCM'; iv: string };
	/** The data key, wrapped by the passphrase's key; base64. */
	key: string;
	/** A known text sealed with the data key (`sealDoc(key, 'keyring', ...)`). */
	check: string;
}

// Unknown members (CouchDB's `_rev`) are allowed and dropped.
export const keyringSchema = z.object({
	_id: z.literal(KEYRING_ID),
	format: z.literal(KEYRING_FORMAT),
	version: z.literal(1),
	kdf: z.object({
		name: z.literal('PBKDF2'),
		hash: z.literal('SHA-256'),
		iterations: z.int().check(z.gte(1), z.lte(MAX_ITERATIONS)),
		salt: z.string().check(z.minLength(1), z.maxLength(100))
	}),
	wrap: z.object({
		name: z.literal('AES-GCM'),
		iv: z.string().check(z.minLength(1), z.maxLength(100))
	}),
	key: z.string().check(z.minLength(1), z.maxLength(200)),
	check: z.string().check(z.minLength(1), z.maxLength(200))
});

export interface OpenedKey {
	dataKey: CryptoKey;
	/** The key's bytes, for a join code. */
	raw: Uint8Array<ArrayBuffer>;
}

const subtle = () => globalThis.crypto.subtle;
const random = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The data key from its 32 bytes (a join code's, or a keyring's once opened). */
export async function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
	// A join code's key is checked where the code is read; this is a programming error.
	if (raw.length !== KEY_BYTES) throw new TypeError('importDataKey: a data key is 32 bytes');
	// Extractable: a joined device shows the key again in its own join code.
	return subtle().importKey('raw', new Uint8Array(raw), { name: 'AES-GCM' }, true, [
		'encrypt',
		'decrypt'
	]);
}

function checkPassphrase(passphrase: string): void {
	if (passphrase.length === 0)
		throw new SyncError('no-passphrase', 'Choose a passphrase to lock your synced data with.');
	// Code points, not UTF-16 units, so an emoji counts as one character as the person sees it.
	if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH)
		throw new SyncError(
			'weak-passphrase',
			`Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters. A few ordinary words in a row are easy to remember and hard to guess.`
		);
}

/**
 * A new random data key and the keyring that keeps it on the server. `iterations` is for tests;
 * the app always uses the default.
 */
export async function createKeyring(
	passphrase: string,
	{ iterations = PBKDF2_ITERATIONS }: { iterations?: number } = {}
): Promise<{ keyring: Keyring } & OpenedKey> {
	checkPassphrase(passphrase);
	const raw = random(KEY_BYTES);
	const dataKey = await importDataKey(raw);
	const salt = random(SALT_BYTES);
	const iv = random(IV_BYTES);
	const wrapping = await deriveKey(passphrase, salt, iterations, 'wrapKey');
	const wrapped = await subtle().wrapKey('raw', dataKey, wrapping, {
		name: 'AES-GCM',
		iv,
		additionalData: KEYRING_DATA
	});
	const keyring: Keyring = {
		_id: KEYRING_ID,
		format: KEYRING_FORMAT,
		version: 1,
		kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
		wrap: { name: 'AES-GCM', iv: toBase64(iv) },
		key: toBase64(new Uint8Array(wrapped)),
		check: await sealDoc(dataKey, KEYRING_ID, CHECK_TEXT)
	};
	return { keyring, dataKey, raw };
}

const badKeyring = () =>
	new SyncError(
		'bad-keyring',
		'The key to your data on this server is damaged, so Kith cannot open it. Nothing on this phone has changed.'
	);

/** The data key from the server's keyring and the passphrase. */
export async function openKeyring(doc: unknown, passphrase: string): Promise<OpenedKey> {
	if (passphrase.length === 0)
		throw new SyncError('no-passphrase', 'Enter the passphrase your synced data is locked with.');
	const parsed = keyringSchema.safeParse(doc);
	if (!parsed.success) throw badKeyring();
	const { kdf, wrap, key, check } = parsed.data;
	const salt = fromBase64(kdf.salt);
	const iv = fromBase64(wrap.iv);
	const wrapped = fromBase64(key);
	if (!salt || salt.length === 0 || !iv || iv.length === 0 || !wrapped) throw badKeyring();
	const unwrapping = await deriveKey(passphrase, salt, kdf.iterations, 'unwrapKey');
	let dataKey: CryptoKey;
	try {
		dataKey = await subtle().unwrapKey(
			'raw',
			wrapped,
			unwrapping,
			{ name: 'AES-GCM', iv, additionalData: KEYRING_DATA },
			{ name: 'AES-GCM' },
			true,
			['encrypt', 'decrypt']
		);
	} catch (e) {
		// DataError: the passphrase opened it, to bytes that are no AES key. Otherwise the tag failed
		// (OperationError): GCM cannot tell a wrong passphrase from changed bytes, and a wrong
		// passphrase is by far the likelier.
		if ((e as { name?: unknown }).name === 'DataError') throw badKeyring();
		throw new SyncError(
			'wrong-passphrase',
			'That passphrase does not open the data on this server. Check it (capitals, spaces) and try again.'
		);
	}
	const raw = new Uint8Array(await subtle().exportKey('raw', dataKey));
	// A 128- or 192-bit key unwraps too; only a keyring made elsewhere would hold one.
	if (raw.length !== KEY_BYTES || !(await opensCheck(dataKey, check))) throw badKeyring();
	return { dataKey, raw };
}

async function opensCheck(dataKey: CryptoKey, check: string): Promise<boolean> {
	try {
		return (await unsealDoc(dataKey, KEYRING_ID, check)) === CHECK_TEXT;
	} catch {
		return false;
	}
}

/**
 * Whether `dataKey` (from a join code) is the key of the data whose keyring this is. A code from
 * another server, or from before the key was changed, would otherwise sync data nobody can read.
 */
export async function keyringMatches(doc: unknown, dataKey: CryptoKey): Promise<boolean> {
	const parsed = keyringSchema.safeParse(doc);
	if (!parsed.success) throw badKeyring();
	return opensCheck(dataKey, parsed.data.check);
}

const unreadable = () =>
	new SyncError(
		'unreadable',
		'Some synced data could not be opened on this phone. It was changed on the server, or locked with a different passphrase.'
	);

async function seal(
	key: CryptoKey,
	additionalData: Uint8Array<ArrayBuffer>,
	plain: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer>> {
	const iv = random(IV_BYTES);
	const sealed = new Uint8Array(
		await subtle().encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain)
	);
	const out = new Uint8Array(IV_BYTES + sealed.length);
	out.set(iv);
	out.set(sealed, IV_BYTES);
	return out;
}

async function unseal(
	key: CryptoKey,
	additionalData: Uint8Array<ArrayBuffer>,
	sealed: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
	if (sealed.length < IV_BYTES + TAG_BYTES) throw unreadable();
	try {
		return new Uint8Array(
			await subtle().decrypt(
				{ name: 'AES-GCM', iv: new Uint8Array(sealed.subarray(0, IV_BYTES)), additionalData },
				key,
				new Uint8Array(sealed.subarray(IV_BYTES))
			)
		);
	} catch {
		throw unreadable();
	}
}

/**
 * A document body as one base64 string: a fresh IV, then the AES-GCM ciphertext of its JSON. The
 * id is the additional data, so the server cannot move a body to another document.
 */
export async function sealDoc(key: CryptoKey, id: string, body: unknown): Promise<string> {
	const json = JSON.stringify(body);
	if (json === undefined) throw new TypeError('sealDoc: the body is not JSON');
	return toBase64(await seal(key, utf8(id), utf8(json)));
}

/** The body `sealDoc` sealed under this id, or `SyncError('unreadable')`. */
export async function unsealDoc(key: CryptoKey, id: string, sealed: string): Promise<unknown> {
	const bytes = typeof sealed === 'string' ? fromBase64(sealed) : undefined;
	if (!bytes) throw unreadable();
	const plain = await unseal(key, utf8(id), bytes);
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
	} catch {
		// Only a holder of the key could have sealed it, so this is a bug elsewhere, not an attack.
		throw unreadable();
	}
}

/** An audio clip for an attachment of document `id`: IV then ciphertext, as bytes. */
export async function sealBytes(
	key: CryptoKey,
	id: string,
	bytes: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
	return seal(key, utf8(`${id}:audio`), new Uint8Array(bytes));
}

/** The clip `sealBytes` sealed for document `id`, or `SyncError('unreadable')`. */
export async function unsealBytes(
	key: CryptoKey,
	id: string,
	sealed: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
	return unseal(key, utf8(`${id}:audio`), sealed);
}
