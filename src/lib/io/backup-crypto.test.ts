// @vitest-environment node
// Node, not jsdom: Node's own WebCrypto and Blob, as the browser would have them.
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '$lib/db/versions';
import { exampleTables } from './backup-arbitraries';
import { fromBase64, toBase64 } from './backup-base64';
import {
	decryptBackup,
	encryptBackup,
	PBKDF2_ITERATIONS,
	type EncryptedBackup
} from './backup-crypto';
import { BackupError, NeedsPassphraseError } from './backup-errors';
import { canonicalJson, parseBackup, serializeBackup } from './backup';

const meta = { schemaVersion: LATEST_VERSION, exportedAt: 0, appVersion: 'test' };
const options = { currentVersion: LATEST_VERSION };
// Fast enough for many runs; one test below uses the real count.
const fast = { iterations: 1000 };

async function failure(promise: Promise<unknown>): Promise<BackupError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(BackupError);
	return error as BackupError;
}

describe('encrypted backups', () => {
	it('locks with 600,000 PBKDF2 iterations and opens only with the passphrase', async () => {
		expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
		const json = await serializeBackup(exampleTables(), meta);
		const envelope = await encryptBackup(json, 'correct horse battery staple');
		expect(envelope).toMatchObject({
			format: 'kith-backup-encrypted',
			kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
			cipher: { name: 'AES-GCM' }
		});
		expect(fromBase64(envelope.kdf.salt)).toHaveLength(16);
		expect(fromBase64(envelope.cipher.iv)).toHaveLength(12);
		// Ciphertext plus the 16-byte authentication tag; none of the text shows through.
		expect(fromBase64(envelope.data)).toHaveLength(new TextEncoder().encode(json).length + 16);
		const file = canonicalJson(envelope);
		expect(file).not.toContain('Ångström');

		await expect(parseBackup(file, options)).rejects.toBeInstanceOf(NeedsPassphraseError);
		const wrong = await failure(
			parseBackup(file, { ...options, passphrase: 'Correct horse battery staple' })
		);
		expect(wrong.code).toBe('wrong-passphrase');
		expect(wrong.message).toContain('That passphrase does not open this backup');

		const parsed = await parseBackup(file, {
			...options,
			passphrase: 'correct horse battery staple'
		});
		expect(parsed.encrypted).toBe(true);
		expect(await serializeBackup(parsed.tables, meta)).toBe(json);
	}, 20_000);

	it('asks for a passphrase with a typed error that is still a BackupError', async () => {
		const file = canonicalJson(await encryptBackup('{}', 'pw', fast));
		const error = await failure(parseBackup(new TextEncoder().encode(file), options));
		expect(error).toBeInstanceOf(NeedsPassphraseError);
		expect(error.code).toBe('needs-passphrase');
	});

	it('round-trips any text, with a fresh salt and iv each time', async () => {
		const text = 'مرحبا 👩🏽‍💻 \ud800 "x"';
		const a = await encryptBackup(text, 'pw', fast);
		const b = await encryptBackup(text, 'pw', fast);
		expect(a.kdf.salt).not.toBe(b.kdf.salt);
		expect(a.cipher.iv).not.toBe(b.cipher.iv);
		expect(a.data).not.toBe(b.data);
		// Lone surrogates cannot be UTF-8; backups never hold them raw (JSON escapes them).
		expect(await decryptBackup(a, 'pw')).toBe(text.replace('\ud800', '\ufffd'));
		expect(await decryptBackup(JSON.parse(JSON.stringify(b)), 'pw')).toBe(
			await decryptBackup(a, 'pw')
		);
	});

	it('opens with the passphrase however its accents were typed', async () => {
		const envelope = await encryptBackup('{}', 'caf\u00e9', fast);
		expect(await decryptBackup(envelope, 'cafe\u0301')).toBe('{}');
	});

	it('refuses a changed file as it refuses a wrong passphrase', async () => {
		const envelope = await encryptBackup('{"a":1}', 'pw', fast);
		const bytes = fromBase64(envelope.data)!;
		bytes[0]! ^= 1;
		const tampered = { ...envelope, data: toBase64(bytes) };
		expect((await failure(decryptBackup(tampered, 'pw'))).code).toBe('wrong-passphrase');
		expect((await failure(decryptBackup(envelope, ''))).code).toBe('wrong-passphrase');
	});

	it('refuses a damaged envelope before trying to open it', async () => {
		const good = await encryptBackup('{}', 'pw', fast);
		const damaged: unknown[] = [
			{ ...good, data: 'not base64!' },
			{ ...good, cipher: { name: 'AES-GCM' } },
			{ ...good, cipher: { name: 'AES-GCM', iv: '' } },
			{ ...good, cipher: { name: 'AES-CBC', iv: good.cipher.iv } },
			{ ...good, kdf: { ...good.kdf, iterations: 0 } },
			{ ...good, kdf: { ...good.kdf, iterations: 1e12 } },
			{ ...good, kdf: { ...good.kdf, hash: 'SHA-1' } },
			{ format: 'kith-backup-encrypted' }
		];
		for (const envelope of damaged) {
			const error = await failure(decryptBackup(envelope, 'pw'));
			expect(error.code).toBe('bad-envelope');
			expect(error.message).toContain('damaged');
			await expect(
				parseBackup(JSON.stringify(envelope), { ...options, passphrase: 'pw' })
			).rejects.toMatchObject({ code: 'bad-envelope' });
		}
	});

	it('refuses to lock with an empty passphrase', async () => {
		expect((await failure(encryptBackup('{}', ''))).code).toBe('no-passphrase');
	});

	it('checks what is inside a locked file like any other backup', async () => {
		const lock = async (text: string) =>
			canonicalJson((await encryptBackup(text, 'pw', fast)) satisfies EncryptedBackup);
		const parse = (file: string) => parseBackup(file, { ...options, passphrase: 'pw' });
		expect((await failure(parse(await lock('not json')))).code).toBe('not-json');
		expect((await failure(parse(await lock('{"format":"other"}')))).code).toBe('not-kith');
		expect((await failure(parse(await lock(await lock('{}'))))).code).toBe('not-kith');
		const bad = JSON.parse(await serializeBackup(exampleTables(), meta));
		bad.tables.contacts[0].emails = ['x'];
		expect((await failure(parse(await lock(JSON.stringify(bad))))).code).toBe('invalid-rows');
	});
});
