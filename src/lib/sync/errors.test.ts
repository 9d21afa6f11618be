import { describe, expect, it } from 'vitest';
import { describeSyncFailure, SyncError, SYNC_MESSAGES, type SyncErrorKind } from './errors';

/** An error as PouchDB's http adapter throws it from a CouchDB answer. */
function pouchError(status: number, name: string, reason = '') {
	return Object.assign(new Error(reason || name), { status, name, reason, error: true });
}

const kind = (error: unknown, online?: boolean): SyncErrorKind =>
	describeSyncFailure(error, { online }).kind;

describe('describeSyncFailure', () => {
	it('passes a SyncError through as it is', () => {
		const error = new SyncError('wrong-passphrase', 'That passphrase does not open it.');
		expect(describeSyncFailure(error)).toEqual({
			kind: 'wrong-passphrase',
			message: 'That passphrase does not open it.'
		});
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('SyncError');
		// Even offline: the device said what is wrong, and being offline did not cause it.
		expect(kind(error, false)).toBe('wrong-passphrase');
	});

	it('a refused username or password', () => {
		const failure = describeSyncFailure(
			pouchError(401, 'unauthorized', 'Name or password is incorrect.')
		);
		expect(failure.kind).toBe('unauthorized');
		expect(failure.message).toBe(SYNC_MESSAGES.unauthorized);
		expect(failure.message).toMatch(/^The server did not accept that username and password\./);
		// Sync Gateway names it without a status; PouchDB passes on the name in any case.
		expect(kind({ name: 'Unauthorized' })).toBe('unauthorized');
	});

	it('an account that may not read the database', () => {
		expect(kind(pouchError(403, 'forbidden', 'You are not allowed to access this db.'))).toBe(
			'forbidden'
		);
		expect(kind({ name: 'forbidden' })).toBe('forbidden');
	});

	it('a full server: 413, 507, or words of quota and space', () => {
		expect(kind(pouchError(413, 'request_entity_too_large'))).toBe('server-full');
		expect(kind(pouchError(507, 'insufficient_storage'))).toBe('server-full');
		// The project's server (and CouchDB's validation) names the refusal `forbidden`, with 413.
		expect(kind(pouchError(413, 'forbidden', 'This sync server is full'))).toBe('server-full');
		expect(kind(pouchError(500, 'error', 'enospc'))).toBe('server-full');
		expect(kind(pouchError(500, 'error', 'Quota exceeded for this account'))).toBe('server-full');
		expect(kind(pouchError(400, 'bad_request', 'No space left on device'))).toBe('server-full');
		expect(describeSyncFailure(pouchError(507, 'x')).message).toBe(SYNC_MESSAGES['server-full']);
	});

	it('a full phone is not blamed on the server', () => {
		// PouchDB's idb adapter: createError(IDB_ERROR, evt.target.error.name).
		expect(kind(pouchError(500, 'indexed_db_went_bad', 'QuotaExceededError'))).toBe('device-full');
		expect(kind(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
			'device-full'
		);
	});

	it('a database that is not there', () => {
		expect(kind(pouchError(404, 'not_found', 'Database does not exist.'))).toBe('not-found');
		expect(describeSyncFailure(pouchError(404, 'not_found')).message).toBe(
			SYNC_MESSAGES['not-found']
		);
	});

	it('a server that fails: any 5xx', () => {
		for (const status of [500, 502, 503, 504])
			expect(kind(pouchError(status, 'error', 'bad gateway'))).toBe('server-error');
		expect(describeSyncFailure(pouchError(503, 'x')).message).toBe(SYNC_MESSAGES['server-error']);
	});

	it('no answer at all: offline', () => {
		const offline = [
			new TypeError('Failed to fetch'), // Chrome
			new TypeError('NetworkError when attempting to fetch resource.'), // Firefox
			new TypeError('Load failed'), // Safari
			new TypeError('fetch failed'), // Node
			{ status: 0 },
			{ status: 500, name: 'unknown_error', message: 'Database encountered an unknown error' },
			// PouchDB's replicator re-creates the TypeError, keeping the message but not the name.
			Object.assign(Object.create(Error.prototype) as object, { message: 'Failed to fetch' })
		];
		for (const error of offline) expect(kind(error)).toBe('offline');
		const failure = describeSyncFailure(new TypeError('Failed to fetch'));
		expect(failure.message).toMatch(/^Can’t reach the server\. Kith will try again/);
	});

	it('the browser offline makes any failure "offline"', () => {
		expect(kind(pouchError(500, 'error'), false)).toBe('offline');
		expect(kind(new Error('anything'), false)).toBe('offline');
		expect(kind(new Error('anything'), true)).toBe('server-error');
	});

	it('anything else: a server error in words that blame nobody', () => {
		for (const error of [
			new Error('Unexpected token < in JSON'),
			pouchError(400, 'bad_request'),
			pouchError(409, 'conflict'),
			'a string',
			undefined,
			null,
			42
		]) {
			expect(describeSyncFailure(error)).toEqual({
				kind: 'server-error',
				message: SYNC_MESSAGES.unexpected
			});
		}
	});

	it('writes its messages for people, not engineers', () => {
		for (const message of Object.values(SYNC_MESSAGES)) {
			expect(message).not.toMatch(/HTTP|\b[45]\d\d\b|status|error|exception|fetch|CouchDB/i);
			expect(message).toMatch(/^[A-Z].*\.$/);
		}
	});
});
