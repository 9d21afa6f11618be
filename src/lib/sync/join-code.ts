/**
 * The join code a syncing device shows, as text and as a QR code, so a second device can join
 * without typing: the server, the account and the data key itself, so the passphrase is not
 * needed there. Whoever holds the code holds the data; the screen showing it must say so.
 *
 * `kith-join:1:` then the base64url of a small JSON object: one token that survives being pasted
 * into a chat or a URL, and short enough for a QR code a phone camera reads easily.
 */
import { z } from 'zod/mini';
import { fromBase64, toBase64 } from '$lib/io/backup-base64';
import { SyncError } from './errors';
import { normaliseServerAddress } from './server-address';

export interface JoinCode {
	server: string;
	username: string;
	password: string;
	/** The 32-byte data key. */
	key: Uint8Array;
}

const PREFIX = 'kith-join:';
const VERSION = 1;
const KEY_BYTES = 32;
// Generous for a QR code, small enough that a pasted novel is refused before it is decoded.
const MAX_LENGTH = 2000;

// Short member names: every character makes the QR code denser.
const payloadSchema = z.object({
	s: z.string().check(z.minLength(1), z.maxLength(500)),
	u: z.string().check(z.minLength(1), z.maxLength(200)),
	p: z.string().check(z.maxLength(500)),
	k: z.string().check(z.length(43))
});

function toBase64Url(bytes: Uint8Array): string {
	return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
	const padded =
		text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	return fromBase64(padded);
}

const notAJoinCode = () =>
	new SyncError(
		'bad-join-code',
		'This is not a Kith join code. Show the join code again on a device that already syncs, and scan or copy it from there.'
	);

export function encodeJoinCode({ server, username, password, key }: JoinCode): string {
	const address = normaliseServerAddress(server);
	if (address instanceof SyncError) throw address;
	if (key.length !== KEY_BYTES) throw new TypeError('encodeJoinCode: the key is not 32 bytes');
	const payload = { s: address, u: username, p: password, k: toBase64Url(key) };
	return `${PREFIX}${VERSION}:${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;
}

/** What a scanned or pasted join code holds, or `SyncError('bad-join-code')`. */
export function parseJoinCode(text: string): JoinCode {
	// A code pasted from a chat may come wrapped over lines or with spaces around it.
	const code = text.replace(/\s+/g, '');
	if (code.length > MAX_LENGTH || !code.toLowerCase().startsWith(PREFIX)) throw notAJoinCode();
	const [version, body, ...rest] = code.slice(PREFIX.length).split(':');
	if (version !== String(VERSION)) {
		if (/^[0-9]+$/.test(version ?? '') && Number(version) > VERSION)
			throw new SyncError(
				'bad-join-code',
				'This join code comes from a newer version of Kith. Update Kith on this device, then scan it again.'
			);
		throw notAJoinCode();
	}
	if (body === undefined || rest.length > 0) throw notAJoinCode();
	const bytes = fromBase64Url(body);
	if (!bytes) throw notAJoinCode();
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		throw notAJoinCode();
	}
	const parsed = payloadSchema.safeParse(json);
	if (!parsed.success) throw notAJoinCode();
	const { s, u, p, k } = parsed.data;
	const key = fromBase64Url(k);
	// A code's server is only ever http(s), spelled out: a join code must not be a way to point Kith
	// anywhere else.
	const server = /^https?:\/\//i.test(s) ? normaliseServerAddress(s) : undefined;
	if (!key || key.length !== KEY_BYTES || server === undefined || server instanceof SyncError)
		throw notAJoinCode();
	return { server, username: u, password: p, key };
}
