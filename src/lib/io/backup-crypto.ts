/**
 * Locks a backup file with a passphrase, and opens it again. The key comes from the passphrase
 * through PBKDF2-SHA-256 (600,000 iterations, the 2023 OWASP floor for that hash) with a random
 * salt; the backup text is sealed with AES-256-GCM, whose authentication tag is what tells a wrong
 * passphrase (or a changed file) apart from a right one. WebCrypto only: browsers and Node 20.
 */
import { z } from 'zod/mini';
import { fromBase64, toBase64 } from './backup-base64';
import { BackupError } from './backup-errors';

export const ENCRYPTED_FORMAT = 'kith-backup-encrypted';
export const PBKDF2_ITERATIONS = 600_000;
// A file's own count is trusted (it only slows down its own opening), but not without bound: a
// hand-made file asking for billions would freeze the phone.
export const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface EncryptedBackup {
	format: typeof ENCRYPTED_FORMAT;
	kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
	cipher: { name: 'AES-GCM'; iv: string };
	data: string;
}

const envelopeSchema = z.object({
	format: z.literal(ENCRYPTED_FORMAT),
	kdf: z.object({
		name: z.literal('PBKDF2'),
		hash: z.literal('SHA-256'),
		iterations: z.int().check(z.gte(1), z.lte(MAX_ITERATIONS)),
		salt: z.string()
	}),
	cipher: z.object({ name: z.literal('AES-GCM'), iv: z.string() }),
	data: z.string()
});

/** True when `value` claims to be an encrypted backup (whether or not it is a sound one). */
export function isEncryptedBackup(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { format?: unknown }).format === ENCRYPTED_FORMAT
	);
}

/**
 * An AES-256-GCM key from a passphrase, for `usage` only. Sync wraps its data key with one
 * ('wrapKey'/'unwrapKey'), so a sync passphrase is stretched exactly as a backup's is.
 */
export async function deriveKey(
	passphrase: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number,
	usage: KeyUsage
): Promise<CryptoKey> {
	// The same passphrase can arrive composed or decomposed (é as one code point or two) depending
	// on the keyboard; NFC makes both open the file.
	const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
	const material = await globalThis.crypto.subtle.importKey('raw', secret, 'PBKDF2', false, [
		'deriveKey'
	]);
	return globalThis.crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		[usage]
	);
}

/**
 * Seals backup text under a passphrase. `iterations` is for tests that run many round trips;
 * the app always uses the default.
 */
export async function encryptBackup(
	json: string,
	passphrase: string,
	{ iterations = PBKDF2_ITERATIONS }: { iterations?: number } = {}
): Promise<EncryptedBackup> {
	if (passphrase.length === 0)
		throw new BackupError('no-passphrase', 'Choose a passphrase to lock the backup with.');
	const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
	const sealed = await globalThis.crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv },
		key,
		new TextEncoder().encode(json)
	);
	return {
		format: ENCRYPTED_FORMAT,
		kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
		cipher: { name: 'AES-GCM', iv: toBase64(iv) },
		data: toBase64(new Uint8Array(sealed))
	};
}

const damaged = () =>
	new BackupError(
		'bad-envelope',
		'This locked backup is damaged and cannot be opened. Try another copy of it.'
	);

/** Opens a sealed backup, giving back the backup text inside it. */
export async function decryptBackup(envelope: unknown, passphrase: string): Promise<string> {
	const parsed = envelopeSchema.safeParse(envelope);
	if (!parsed.success) throw damaged();
	const { kdf, cipher, data } = parsed.data;
	const salt = fromBase64(kdf.salt);
	const iv = fromBase64(cipher.iv);
	const sealed = fromBase64(data);
	if (!salt || salt.length === 0 || !iv || iv.length === 0 || !sealed) throw damaged();
	const key = await deriveKey(passphrase, salt, kdf.iterations, 'decrypt');
	let plain: ArrayBuffer;
	try {
		plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
	} catch {
		// GCM cannot tell a wrong key from altered bytes; a wrong passphrase is by far the likelier.
		throw new BackupError(
			'wrong-passphrase',
			'That passphrase does not open this backup. Check it (capitals, spaces) and try again.'
		);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(plain);
	} catch {
		throw damaged();
	}
}
