import { describe, expect, it } from 'vitest';
import { SyncError } from './errors';
import { databaseName, normaliseServerAddress } from './server-address';

describe('normaliseServerAddress', () => {
	it('accepts the ways people write an address, in one form', () => {
		const cases: [string, string][] = [
			['127.0.0.1:5984', 'http://127.0.0.1:5984'],
			['localhost:5984', 'http://localhost:5984'],
			['http://localhost:5984/', 'http://localhost:5984'],
			['kith.localhost:5984', 'http://kith.localhost:5984'],
			['[::1]:5984', 'http://[::1]:5984'],
			['https://couch.example.org/kith/', 'https://couch.example.org/kith'],
			['https://couch.example.org/kith//', 'https://couch.example.org/kith'],
			['couch.example.org', 'https://couch.example.org'],
			['  Couch.Example.ORG:6984/  ', 'https://couch.example.org:6984'],
			['HTTPS://couch.example.org:443/', 'https://couch.example.org'],
			['http://couch.example.org', 'http://couch.example.org'],
			['https://localhost:6984', 'https://localhost:6984'],
			['192.168.1.20:5984', 'https://192.168.1.20:5984'],
			['https://bücher.example/db', 'https://xn--bcher-kva.example/db']
		];
		for (const [input, expected] of cases) expect(normaliseServerAddress(input)).toBe(expected);
	});

	it('gives the same answer for its own answer', () => {
		for (const input of ['127.0.0.1:5984', 'couch.example.org/kith/', 'localhost'])
			expect(normaliseServerAddress(normaliseServerAddress(input) as string)).toBe(
				normaliseServerAddress(input)
			);
	});

	it('refuses other schemes and garbage with a message saying what to do', () => {
		const refused = [
			'',
			'   ',
			'ftp://couch.example.org',
			'file:///etc/passwd',
			'javascript:alert(1)',
			'mailto:me@example.org',
			'ws://couch.example.org',
			'not a url',
			'couch',
			'https://',
			'http://',
			'https://couch.example.org/kith?x=1',
			'https://couch.example.org/#kith',
			'https://admin:secret@couch.example.org',
			'me@couch.example.org',
			'https://couch.example.org:99999',
			'https://exa mple.org'
		];
		for (const input of refused) {
			const result = normaliseServerAddress(input);
			expect(result, input).toBeInstanceOf(SyncError);
			expect((result as SyncError).kind).toBe('bad-address');
			expect((result as SyncError).message).toMatch(/^[A-Z].*\.$/);
		}
		expect((normaliseServerAddress('ftp://x.org') as SyncError).message).toContain('https://');
		expect((normaliseServerAddress('https://a:b@x.org') as SyncError).message).toContain(
			'username and password'
		);
	});
});

describe('databaseName', () => {
	it('is userdb- and the hex of the UTF-8 username, as couch_peruser names it', () => {
		expect(databaseName('alice')).toBe('userdb-616c696365');
		expect(databaseName('Bob')).toBe('userdb-426f62');
		expect(databaseName('zoë')).toBe('userdb-7a6fc3ab');
		expect(databaseName('a@b.c')).toBe('userdb-6140622e63');
		expect(databaseName('\u0001')).toBe('userdb-01');
	});
});
