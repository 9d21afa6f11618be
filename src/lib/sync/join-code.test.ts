import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '$lib/io/backup-base64';
import { SyncError } from './errors';
import { encodeJoinCode, parseJoinCode, type JoinCode } from './join-code';

const key = Uint8Array.from({ length: 32 }, (_, i) => i * 8);
const code: JoinCode = {
	server: 'https://couch.example.org/kith',
	username: 'ada',
	password: 'pa:ss wörd/+=',
	key
};

function refused(text: string): SyncError {
	let error: unknown;
	try {
		parseJoinCode(text);
	} catch (e) {
		error = e;
	}
	expect(error, text).toBeInstanceOf(SyncError);
	expect((error as SyncError).kind).toBe('bad-join-code');
	return error as SyncError;
}

describe('join codes', () => {
	it('round-trips, as one token a QR code holds easily', () => {
		const text = encodeJoinCode(code);
		expect(text).toMatch(/^kith-join:1:[A-Za-z0-9_-]+$/);
		expect(text.length).toBeLessThan(250);
		expect(parseJoinCode(text)).toEqual(code);
		// The password and the key are not readable at a glance (they are not hidden either).
		expect(text).not.toContain('wörd');
		expect(text).not.toContain(toBase64(key));
	});

	it('round-trips any account (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('https://couch.example.org', 'http://127.0.0.1:5984', 'https://x.org/a/b'),
				fc.string({ minLength: 1, maxLength: 200 }),
				fc.string({ maxLength: 200 }),
				fc.uint8Array({ minLength: 32, maxLength: 32 }),
				(server, username, password, key) => {
					const parsed = parseJoinCode(encodeJoinCode({ server, username, password, key }));
					expect(parsed).toEqual({ server, username, password, key });
				}
			),
			{ numRuns: 300 }
		);
	});

	it('reads a code pasted with spaces or over several lines', () => {
		const text = encodeJoinCode(code);
		const wrapped = `  ${text.slice(0, 40)}\n${text.slice(40, 90)}\r\n ${text.slice(90)} \n`;
		expect(parseJoinCode(wrapped)).toEqual(code);
	});

	it('stores the server in its normal form', () => {
		const text = encodeJoinCode({ ...code, server: 'http://localhost:5984/' });
		expect(parseJoinCode(text).server).toBe('http://localhost:5984');
		expect(() => encodeJoinCode({ ...code, server: 'ftp://x.org' })).toThrow(SyncError);
		expect(() => encodeJoinCode({ ...code, key: new Uint8Array(16) })).toThrow(TypeError);
	});

	it('refuses garbage in plain words', () => {
		const body = (value: unknown) =>
			'kith-join:1:' +
			toBase64(new TextEncoder().encode(JSON.stringify(value)))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '');
		const good = {
			s: code.server,
			u: 'ada',
			p: 'pw',
			k: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
		};
		expect(parseJoinCode(body(good)).key).toEqual(new Uint8Array(32));
		const garbage = [
			'',
			'hello',
			'https://couch.example.org',
			'BEGIN:VCARD',
			'kith-join:',
			'kith-join:1:',
			'kith-join:1',
			'kith-join:0:' + body(good).slice(12),
			'kith-join:x:' + body(good).slice(12),
			body(good) + ':more',
			body(good) + 'A',
			'kith-join:1:!!!!',
			'kith-join:1:' + toBase64(new TextEncoder().encode('not json')),
			body('a string'),
			body(null),
			body([]),
			body({ ...good, s: 'ftp://couch.example.org' }),
			body({ ...good, s: 'javascript:alert(1)' }),
			body({ ...good, s: 'couch.example.org' }),
			body({ ...good, u: '' }),
			body({ ...good, u: 1 }),
			body({ ...good, p: undefined }),
			body({ ...good, k: good.k.slice(1) }),
			body({ ...good, k: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB' }),
			body({ ...good, k: '*AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
			'kith-join:1:' + 'A'.repeat(5000)
		];
		for (const text of garbage)
			expect(refused(text).message).toMatch(/^This is not a Kith join code\./);
	});

	it('says when a code comes from a newer Kith', () => {
		const text = encodeJoinCode(code).replace('kith-join:1:', 'kith-join:2:');
		expect(refused(text).message).toMatch(/newer version of Kith/);
	});
});
