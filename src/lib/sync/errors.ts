/**
 * The ways sync can fail, each with a message written for the person holding the phone, and the
 * translation of what PouchDB and fetch throw into one of them. The kind is for the code (retry
 * or not, which field to point at); the message is for the screen as it is.
 */

export type SyncErrorKind =
	| 'no-passphrase'
	| 'weak-passphrase'
	| 'wrong-passphrase'
	| 'bad-keyring'
	| 'unreadable'
	| 'bad-join-code'
	| 'offline'
	| 'unauthorized'
	| 'forbidden'
	| 'server-full'
	| 'device-full'
	| 'server-error'
	| 'not-found'
	| 'bad-address';

export class SyncError extends Error {
	override name = 'SyncError';
	constructor(
		readonly kind: SyncErrorKind,
		message: string
	) {
		super(message);
	}
}

export const SYNC_MESSAGES = {
	offline:
		'Can’t reach the server. Kith will try again in a little while; your changes are safe on this phone.',
	unauthorized:
		'The server did not accept that username and password. Check them (capitals, spaces) and try again.',
	forbidden:
		'The server let you sign in but refused to share this data with your account. Check the username, or ask whoever runs the server.',
	'server-full':
		'The server is out of space, so your latest changes could not be sent. They are safe on this phone; ask whoever runs the server to make room.',
	'device-full':
		'This phone is out of space for Kith’s copy of the synced data. Free some space and Kith will try again; nothing has been lost.',
	'server-error':
		'The server had a problem with this sync. Kith will try again in a little while; your changes are safe on this phone.',
	'not-found':
		'Kith could not find your data at that address. Check the server address and the username.',
	unexpected:
		'Sync stopped because of a problem Kith did not expect. It will try again in a little while; your changes are safe on this phone.'
} as const;

export interface SyncFailure {
	kind: SyncErrorKind;
	message: string;
}

/** Whatever a message-bearing error says, in lower case, or ''. */
function text(value: unknown): string {
	return typeof value === 'string' ? value.toLowerCase() : '';
}

// What each browser's fetch (and Node's) says when no answer came back at all: Chrome, Firefox,
// Safari, Node, React Native's polyfill. PouchDB copies the message when it wraps the error, but
// not the TypeError name, so the words are what is left to go on.
const NO_ANSWER =
	/failed to fetch|networkerror when attempting to fetch|load failed|fetch failed|network request failed|econnrefused|econnreset|enotfound|etimedout/;

// CouchDB reports a full disk as 507/`insufficient_storage` or an `enospc` reason; a proxy in
// front of it may say 413 or talk of quota.
const NO_SPACE = /quota|no space|out of space|insufficient_storage|insufficient storage|enospc/;

/**
 * What went wrong, in a kind and in plain words. `online` is the browser's `navigator.onLine`,
 * passed in because sync holds no browser globals: false means offline whatever the error says.
 */
export function describeSyncFailure(
	error: unknown,
	{ online }: { online?: boolean } = {}
): SyncFailure {
	if (error instanceof SyncError) return { kind: error.kind, message: error.message };
	const failure = (kind: keyof typeof SYNC_MESSAGES): SyncFailure => ({
		kind: kind === 'unexpected' ? 'server-error' : kind,
		message: SYNC_MESSAGES[kind]
	});
	if (online === false) return failure('offline');
	if (typeof error !== 'object' || error === null) return failure('unexpected');

	const e = error as { status?: unknown; name?: unknown; reason?: unknown; message?: unknown };
	const status = typeof e.status === 'number' ? e.status : undefined;
	const name = text(e.name);
	const words = `${text(e.reason)} ${text(e.message)}`;

	// The phone's own IndexedDB full (PouchDB says `indexed_db_went_bad` with the DOMException's
	// name as the reason) must not be blamed on the server.
	if (name === 'quotaexceedederror' || (name === 'indexed_db_went_bad' && /quota/.test(words)))
		return failure('device-full');
	if (status === 0 || name === 'unknown_error' || NO_ANSWER.test(words)) return failure('offline');
	// Sync Gateway and some proxies name the refusal without a status.
	if (status === 401 || name === 'unauthorized') return failure('unauthorized');
	// A full CouchDB may name its refusal `forbidden`: the status says what it is.
	if (status === 413 || status === 507 || NO_SPACE.test(words)) return failure('server-full');
	if (status === 403 || name === 'forbidden') return failure('forbidden');
	if (status === 404) return failure('not-found');
	if (status !== undefined && status >= 500 && status < 600) return failure('server-error');
	return failure('unexpected');
}
