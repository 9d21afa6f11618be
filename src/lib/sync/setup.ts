/**
 * Turning sync on and off on this device. Turning on checks the login and the passphrase against
 * the server before anything is written here: a refusal changes nothing. The first time a device
 * that already holds records syncs, its records are copied into an automatic backup first (the
 * usual backup format, kept in `syncBackups`), and then marked to be sent; joining merges by id,
 * never replaces. Turning off keeps every record here and leaves the server as it is.
 */
import {
	LATEST_VERSION,
	markAllForSync,
	read,
	readSnapshot,
	write,
	type KithDB,
	type SyncBackup
} from '$lib/db';
import { SYNCED_TABLES } from '$lib/domain/sync-tables';
import { fromBase64, toBase64 } from '$lib/io/backup-base64';
import { serializeBackup } from '$lib/io/backup';
import { CONFIG_KEY, REPLICA_NAME, STATUS_KEY, type SyncConfig } from './config';
import { openRemote } from './engine';
import { describeSyncFailure, SyncError } from './errors';
import { encodeJoinCode, parseJoinCode } from './join-code';
import {
	createKeyring,
	importDataKey,
	KEYRING_ID,
	keyringMatches,
	openKeyring,
	type OpenedKey
} from './seal';
import { databaseName, normaliseServerAddress } from './server-address';
import PouchDB from 'pouchdb-browser';

export interface TurnOnInput {
	server: string;
	username: string;
	password: string;
	passphrase: string;
}

interface Options {
	appVersion: string;
	now?: number;
	/** Tests only: fewer PBKDF2 rounds. */
	iterations?: number;
	online?: boolean;
}

function refused(error: unknown, online?: boolean): SyncError {
	const { kind, message } = describeSyncFailure(error, { online });
	return error instanceof SyncError ? error : new SyncError(kind, message);
}

function login(input: Pick<TurnOnInput, 'server' | 'username' | 'password'>) {
	const server = normaliseServerAddress(input.server);
	if (server instanceof SyncError) throw server;
	const username = input.username.trim();
	if (!username) throw new SyncError('unauthorized', 'Enter the username for the server.');
	return { server, username, password: input.password, database: databaseName(username) };
}

async function fetchKeyring(remote: ReturnType<typeof openRemote>): Promise<unknown> {
	try {
		return await remote.get(KEYRING_ID);
	} catch (error) {
		if ((error as { status?: number }).status === 404) return undefined;
		throw error;
	}
}

/** Turns sync on with a passphrase: the first device sets the data key, others open it. */
export async function turnOn(db: KithDB, input: TurnOnInput, options: Options): Promise<void> {
	const account = login(input);
	const remote = openRemote(account);
	let opened: OpenedKey;
	try {
		await remote.info();
		const stored = await fetchKeyring(remote);
		if (stored) opened = await openKeyring(stored, input.passphrase);
		else {
			const made = await createKeyring(input.passphrase, { iterations: options.iterations });
			await remote.put(made.keyring as unknown as Record<string, unknown>);
			opened = made;
		}
	} catch (error) {
		throw refused(error, options.online);
	} finally {
		await remote.close().catch(() => undefined);
	}
	await begin(db, account, opened.raw, 'first-sync', options);
}

/** Joins with a code shown on a device that already syncs: no passphrase to type. */
export async function joinWithCode(db: KithDB, text: string, options: Options): Promise<void> {
	const code = parseJoinCode(text);
	const account = login(code);
	const remote = openRemote(account);
	try {
		await remote.info();
		const stored = await fetchKeyring(remote);
		if (!stored || !(await keyringMatches(stored, await importDataKey(code.key))))
			throw new SyncError(
				'bad-join-code',
				'This join code does not fit the data on that server. Show a fresh code on the other device and try again.'
			);
	} catch (error) {
		throw refused(error, options.online);
	} finally {
		await remote.close().catch(() => undefined);
	}
	await begin(db, account, new Uint8Array(code.key), 'join', options);
}

async function begin(
	db: KithDB,
	account: ReturnType<typeof login>,
	key: Uint8Array,
	reason: SyncBackup['reason'],
	{ appVersion, now = Date.now() }: Options
) {
	await backUpFirst(db, reason, appVersion, now);
	const config: SyncConfig = { ...account, key: toBase64(key), since: now };
	await write(db, ['syncState', 'syncBase', 'syncHeld'], async (r) => {
		await r.syncState.clear();
		await r.syncBase.clear();
		await r.syncHeld.clear();
		await r.syncState.save(CONFIG_KEY, config);
		await r.syncState.save(STATUS_KEY, {
			phase: 'starting',
			lastSyncedAt: null,
			problem: null,
			pausedDeletes: null
		});
	});
	// Every record here goes up in the first round; records from elsewhere come down beside them.
	await markAllForSync(db);
}

/** An automatic backup of what is here, unless there is nothing to lose. */
async function backUpFirst(
	db: KithDB,
	reason: SyncBackup['reason'],
	appVersion: string,
	now: number
): Promise<SyncBackup | undefined> {
	const tables = await readSnapshot(db);
	const counts: Record<string, number> = {};
	let total = 0;
	for (const name of SYNCED_TABLES)
		if (name in tables) {
			const n = (tables as unknown as Record<string, unknown[]>)[name]!.length;
			counts[name] = n;
			total += n;
		}
	if (total === 0) return undefined;
	const text = await serializeBackup(tables, {
		schemaVersion: LATEST_VERSION,
		exportedAt: now,
		appVersion
	});
	const backup: SyncBackup = { id: crypto.randomUUID(), at: now, reason, text, counts };
	await write(db, ['syncBackups'], (r) => r.syncBackups.put(backup));
	return backup;
}

/** Makes an automatic backup before a risky step (a paused mass delete being applied). */
export function backUpBefore(db: KithDB, reason: SyncBackup['reason'], appVersion: string) {
	return backUpFirst(db, reason, appVersion, Date.now());
}

/** Turns sync off here: records stay, the server is left alone, the replica is removed. */
export async function turnOff(db: KithDB): Promise<void> {
	await write(db, ['syncState', 'syncBase', 'syncHeld', 'syncOutbox'], async (r) => {
		await r.syncState.clear();
		await r.syncBase.clear();
		await r.syncHeld.clear();
		await r.syncOutbox.clear();
	});
	await new PouchDB(REPLICA_NAME).destroy();
}

/** The join code for another device: the login and the data key, as text (shown as a QR code). */
export async function joinCode(db: KithDB): Promise<string> {
	const config = await read(db, ['syncState'], (r) => r.syncState.read<SyncConfig>(CONFIG_KEY));
	const key = config && fromBase64(config.key);
	if (!config || !key) throw new SyncError('bad-join-code', 'Sync is not on on this device.');
	return encodeJoinCode({
		server: config.server,
		username: config.username,
		password: config.password,
		key
	});
}

/** Whether recordings made on other devices come to this one. */
export async function setRecordings(db: KithDB, on: boolean): Promise<void> {
	await write(db, ['syncState'], async (r) => {
		const config = await r.syncState.read<SyncConfig>(CONFIG_KEY);
		if (config) await r.syncState.save(CONFIG_KEY, { ...config, recordings: on });
	});
}
