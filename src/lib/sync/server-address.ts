/**
 * The sync server's address as a person types it (`couch.example.org`, `127.0.0.1:5984`,
 * `https://couch.example.org/kith/`) turned into the one form Kith stores and hands to PouchDB,
 * and the name of a user's own database on a CouchDB that gives each user one.
 */
import { SyncError } from './errors';

const notAnAddress = () =>
	new SyncError(
		'bad-address',
		'That does not look like a server address. It should look like couch.example.org or https://couch.example.org/kith.'
	);

/** This computer: the only place a browser lets an installed app sync over plain http. */
function isLocal(hostname: string): boolean {
	return (
		hostname === 'localhost' ||
		hostname.endsWith('.localhost') ||
		hostname === '[::1]' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
	);
}

/**
 * `https://host[:port][/path]` (http for this computer when no scheme is typed), with no trailing
 * slash; or a `bad-address` SyncError saying what to fix.
 */
export function normaliseServerAddress(input: string): string | SyncError {
	const text = input.trim();
	if (text === '')
		return new SyncError(
			'bad-address',
			'Enter the address of your sync server, for example couch.example.org.'
		);
	if (/\s/.test(text)) return notAnAddress();
	// `localhost:5984` has the shape of a scheme too; a scheme is letters then `:` and no digit.
	const scheme = /^([a-z][a-z0-9+.-]*):(?:\/\/|(?![0-9]))/i.exec(text)?.[1]?.toLowerCase();
	if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
		return new SyncError(
			'bad-address',
			'Kith syncs only with a web address, one that starts with https:// (or just the server’s name, like couch.example.org).'
		);
	let url: URL;
	try {
		url = new URL(scheme ? text : `https://${text}`);
	} catch {
		return notAnAddress();
	}
	if (url.username !== '' || url.password !== '')
		return new SyncError(
			'bad-address',
			'Leave the username and password out of the address; Kith asks for them separately.'
		);
	// PouchDB adds the database's path to the address; a query or a # would end up in the middle.
	if (/[?#]/.test(text)) return notAnAddress();
	const { hostname } = url;
	// A name without a dot (`couch`) is almost always a typo on a phone, not an intranet host.
	if (!isLocal(hostname) && !hostname.includes('.') && !hostname.startsWith('[')) {
		return notAnAddress();
	}
	if (!scheme && isLocal(hostname)) url.protocol = 'http:';
	return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The database CouchDB's `couch_peruser` makes for `username`: `userdb-` and the hex of the name's
 * UTF-8 bytes.
 */
export function databaseName(username: string): string {
	const hex = Array.from(new TextEncoder().encode(username), (byte) =>
		byte.toString(16).padStart(2, '0')
	).join('');
	return `userdb-${hex}`;
}
