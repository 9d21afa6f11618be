// `npm run sync-server`: a CouchDB-protocol sync server for one person's devices, for
// development, the tests and a home machine (express 4 + express-pouchdb 4.2 + PouchDB 9). It
// stores, in the data folder (`.sync-data/` in the repo unless `--data <dir>`): `users.json`, each
// user's name and a salted PBKDF2 hash of their password (never the password), and one LevelDB
// folder per database (each user's `userdb-<hex of name>`, and PouchDB's own list of databases).
// Kith seals every body on the device, so the documents here are ciphertext under ids.
//
// Auth is ours, not express-pouchdb's. Its full CouchDB mode (pouchdb-auth 4.2) starts as an
// "admin party" where anonymous requests create and read databases, hashes with 10 rounds of
// PBKDF2-SHA-1 in JavaScript, writes config.json and log.txt into the working folder, and on
// PouchDB 9 it crashed the process ("db.info is not a function") creating the first database after
// an admin was set. So express-pouchdb runs in its `minimumForPouchDB` mode behind a Basic-auth
// check, and a user reaches only their own database, named as CouchDB's couch_peruser names it, so
// the app finds its database the same way here and on Apache CouchDB.
import cors from 'cors';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';
import { createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const USAGE = `Usage: npm run sync-server -- [options]

  --data <dir>       data folder (default: .sync-data/ in the repo)
  --host <address>   address to listen on (default: 127.0.0.1)
  --port <n>         port (default: $SYNC_PORT or 5984; 0 picks a free one)
  --user <name>      user name (default: $SYNC_USER or kith)
  --password <pw>    set this user's password (default: $SYNC_PASSWORD; on first start without
                     one, a random password is made and printed once)
  --max-docs <n>     refuse writes that would store more than n documents (to test "server full")
  --help             this text`;

/** @type {import('node:util').ParseArgsConfig['options']} */
const OPTIONS = {
	data: { type: 'string' },
	host: { type: 'string' },
	port: { type: 'string' },
	user: { type: 'string' },
	password: { type: 'string' },
	'max-docs': { type: 'string' },
	help: { type: 'boolean' }
};

/**
 * @type {Partial<Record<'data' | 'host' | 'port' | 'user' | 'password' | 'max-docs', string>>
 *   & { help?: boolean }}
 */
let flags;
try {
	flags = parseArgs({ options: OPTIONS, strict: true }).values;
} catch (error) {
	console.error(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
	process.exit(2);
}
if (flags.help) {
	console.log(USAGE);
	process.exit(0);
}

const dataDir = flags.data
	? resolve(flags.data)
	: fileURLToPath(new URL('../.sync-data', import.meta.url));
const host = flags.host ?? '127.0.0.1';
const port = wholeNumber('port', flags.port ?? process.env.SYNC_PORT ?? '5984');
const userName = flags.user ?? process.env.SYNC_USER ?? 'kith';
const givenPassword = flags.password ?? process.env.SYNC_PASSWORD;
const maxDocs =
	flags['max-docs'] === undefined ? undefined : wholeNumber('max-docs', flags['max-docs']);

/** @param {string} name @param {string} text */
function wholeNumber(name, text) {
	if (!/^\d+$/.test(text)) {
		console.error(`--${name} must be a whole number, not "${text}".`);
		process.exit(2);
	}
	return Number(text);
}

// A colon cannot be sent in a Basic-auth name; the rest keeps names readable in a terminal.
if (!/^[\w.@-]{1,64}$/.test(userName)) {
	console.error('The user name may use letters, digits and . _ @ - (up to 64 characters).');
	process.exit(2);
}
if (givenPassword !== undefined && givenPassword.length < 8) {
	console.error('The password must be at least 8 characters.');
	process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Users

// OWASP's figure for PBKDF2-SHA256 (2023). It costs about 0.1 s here, once per process and
// password: a verified password is remembered in memory, since replication sends it on every
// request.
const ITERATIONS = 600_000;
const KEY_BYTES = 32;
const pbkdf2Async = promisify(pbkdf2);

/** @typedef {{ salt: string, iterations: number, hash: string, created: string }} StoredUser */
/** @typedef {{ version: 1, users: Record<string, StoredUser> }} UsersFile */

const usersPath = resolve(dataDir, 'users.json');

/** @returns {UsersFile | undefined} */
function readUsers() {
	try {
		return JSON.parse(readFileSync(usersPath, 'utf8'));
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** @param {UsersFile} file */
function writeUsers(file) {
	// Written aside and renamed, so a crash never leaves half a file and no way in.
	const temporary = `${usersPath}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify(file, null, '\t') + '\n', { mode: 0o600 });
	renameSync(temporary, usersPath);
}

/** @param {string} password @returns {Promise<StoredUser>} */
async function hashPassword(password) {
	const salt = randomBytes(16);
	const hash = await pbkdf2Async(password, salt, ITERATIONS, KEY_BYTES, 'sha256');
	return {
		salt: salt.toString('base64'),
		iterations: ITERATIONS,
		hash: hash.toString('base64'),
		created: new Date().toISOString()
	};
}

/** CouchDB's couch_peruser name for a user's database. @param {string} name */
function userDbName(name) {
	return `userdb-${Buffer.from(name, 'utf8').toString('hex')}`;
}

mkdirSync(dataDir, { recursive: true, mode: 0o700 });
/** @type {UsersFile} */
const usersFile = readUsers() ?? { version: 1, users: {} };
const firstStart = Object.keys(usersFile.users).length === 0;
/** @type {string | undefined} the password to print: only one this process made up */
let newPassword;
if (!usersFile.users[userName] || givenPassword !== undefined) {
	const password = givenPassword ?? randomBytes(18).toString('base64url');
	if (givenPassword === undefined) newPassword = password;
	usersFile.users[userName] = await hashPassword(password);
	writeUsers(usersFile);
}

/** Remembers verified passwords by keyed digest, so only this process could look one up. */
const cacheKey = randomBytes(32);
/** @type {Map<string, Promise<string | undefined>>} digest → the user name, or undefined */
const checked = new Map();
const dummy = { salt: randomBytes(16).toString('base64'), iterations: ITERATIONS, hash: '' };

/**
 * The user these credentials belong to, or undefined.
 * @param {string} name
 * @param {string} password
 */
function authenticate(name, password) {
	const digest = createHmac('sha256', cacheKey).update(`${name}\0${password}`).digest('base64');
	let result = checked.get(digest);
	if (!result) {
		// One computation for the burst of requests a replication starts with.
		result = verify(name, password);
		checked.set(digest, result);
		void result.then((user) => {
			if (!user) checked.delete(digest);
			else if (checked.size > 1000) checked.clear();
		});
	}
	return result;
}

/** @param {string} name @param {string} password @returns {Promise<string | undefined>} */
async function verify(name, password) {
	const user = Object.hasOwn(usersFile.users, name) ? usersFile.users[name] : undefined;
	// An unknown name costs as much as a wrong password, so timing does not tell names apart.
	const stored = user ?? dummy;
	const expected = Buffer.from(stored.hash, 'base64');
	const actual = await pbkdf2Async(
		password,
		Buffer.from(stored.salt, 'base64'),
		stored.iterations,
		KEY_BYTES,
		'sha256'
	);
	return user && expected.length === actual.length && timingSafeEqual(expected, actual)
		? name
		: undefined;
}

/** @param {string | undefined} header */
function basicCredentials(header) {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	const text = Buffer.from(/** @type {string} */ (match[1]), 'base64').toString('utf8');
	const colon = text.indexOf(':');
	return colon < 0 ? undefined : { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

// ---------------------------------------------------------------------------------------------
// Databases

const Pouch = PouchDB.defaults(/** @type {object} */ ({ prefix: dataDir + '/' }));

// No view, temporary view or design-document code runs here: express-pouchdb would evaluate a
// user's map or filter function inside this process.
const pouchApp = expressPouchDB({
	mode: 'minimumForPouchDB',
	overrideMode: { exclude: ['routes/temp-views', 'routes/views', 'routes/view-cleanup'] }
});
await pouchApp.setPouchDB(Pouch);

/** @type {Set<{ close(): Promise<void> }>} */
const openDbs = new Set();
/** Queues quota checks with their writes, so two batches cannot both squeeze under the limit. */
let quotaQueue = Promise.resolve();

pouchApp.dbWrapper.registerWrapper(
	/** @param {string} _name @param {any} db @param {() => unknown} next */
	(_name, db, next) => {
		openDbs.add(db);
		guardWrites(db);
		return next();
	}
);

/**
 * Refuses design documents, and new documents beyond --max-docs. PouchDB's put, post and
 * putAttachment all write through bulkDocs, so this sees every write. @param {any} db
 */
function guardWrites(db) {
	const original = db.bulkDocs.bind(db);
	/** @param {any} docs @param {any[]} rest */
	db.bulkDocs = (docs, ...rest) => {
		const callback = rest.find((arg) => typeof arg === 'function');
		const options = rest.filter((arg) => typeof arg !== 'function');
		const list = /** @type {{ _id?: string, _deleted?: boolean }[]} */ (
			Array.isArray(docs) ? docs : (docs?.docs ?? [])
		);
		/** @type {Promise<unknown>} */
		let result;
		if (list.some((doc) => doc._id?.startsWith('_design/')))
			result = Promise.reject(refusal(403, 'Design documents are not accepted on this server.'));
		else if (maxDocs === undefined) result = original(docs, ...options);
		else {
			result = quotaQueue.then(async () => {
				await checkQuota(db, list);
				return original(docs, ...options);
			});
			quotaQueue = result.then(
				() => undefined,
				() => undefined
			);
		}
		// The promise is returned even to a caller with a callback: PouchDB calls this method (the
		// instance's, so this one) again from its task queue when the database was not open yet (the
		// first request to it since the server started), and takes what it returns as the answer;
		// returning nothing there answered express-pouchdb's _bulk_docs with undefined, and the
		// process died on `response.map`. A callback's error is handled there, not left unhandled.
		if (callback) {
			result.then(
				(value) => callback(null, value),
				(error) => callback(error)
			);
			result.catch(() => undefined);
		}
		return result;
	};
}

/** @param {number} status @param {string} reason */
function refusal(status, reason) {
	return Object.assign(new Error(reason), { name: 'forbidden', status });
}

/** @param {any} db @param {{ _id?: string, _deleted?: boolean }[]} docs */
async function checkQuota(db, docs) {
	if (maxDocs === undefined) return;
	const incoming = new Set();
	let unnamed = 0;
	for (const doc of docs) {
		if (doc._deleted) continue;
		if (doc._id === undefined) unnamed += 1;
		else if (!doc._id.startsWith('_local/')) incoming.add(doc._id);
	}
	if (incoming.size === 0 && unnamed === 0) return;
	const { rows } = await db.allDocs({ keys: [...incoming] });
	const fresh =
		unnamed +
		rows.filter(/** @param {any} row */ (row) => 'error' in row || row.value?.deleted === true)
			.length;
	if (fresh === 0) return;
	const { doc_count: count } = await db.info();
	// The whole request is refused: PouchDB's replication skips (and checkpoints past) single
	// documents refused inside a 201 response, but stops and retries when the request fails.
	if (count + fresh > maxDocs)
		throw refusal(
			413,
			`This sync server is full: it keeps at most ${maxDocs} documents (--max-docs). ` +
				'Nothing in this request was stored.'
		);
}

// Every user has their database from the start, as under couch_peruser.
for (const name of Object.keys(usersFile.users)) {
	const db = new Pouch(userDbName(name));
	await db.info();
	await db.close();
}

// ---------------------------------------------------------------------------------------------
// HTTP

const app = express();
app.disable('x-powered-by');

// Any origin may ask: a request is only served with the right password, and no cookie or session
// ever stands in for it. PouchDB's fetch sends credentials: 'include', so the origin is reflected.
app.use(
	cors({
		origin: true,
		credentials: true,
		methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'COPY'],
		allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'Destination', 'If-Match'],
		exposedHeaders: [
			'Content-Type',
			'Cache-Control',
			'Accept-Ranges',
			'ETag',
			'Server',
			'X-Couch-Request-ID',
			'X-Couch-Update-NewRev',
			'X-CouchDB-Body-Time'
		],
		maxAge: 600
	})
);

/** @param {any} res an Express response @param {number} status @param {object} body */
function sendJSON(res, status, body) {
	res
		.status(status)
		.type('application/json')
		.send(JSON.stringify(body) + '\n');
}

// No WWW-Authenticate header on a 401, as CouchDB by default: it would make a browser open its own
// password dialog instead of letting Kith say "wrong password".
app.use((req, res, next) => {
	const given = basicCredentials(req.headers.authorization);
	if (!given)
		return sendJSON(res, 401, { error: 'unauthorized', reason: 'Authentication required.' });
	authenticate(given.name, given.password).then((user) => {
		if (!user)
			return sendJSON(res, 401, {
				error: 'unauthorized',
				reason: 'Name or password is incorrect.'
			});
		res.locals.user = user;
		next();
	}, next);
});

app.get('/_session', (_req, res) =>
	sendJSON(res, 200, {
		ok: true,
		userCtx: { name: res.locals.user, roles: [] },
		info: { authentication_handlers: ['default'], authenticated: 'default' }
	})
);

// A user reaches the server's welcome, their session and their own database, nothing else.
app.use((req, res, next) => {
	if (req.path === '/') return next();
	const first = req.path.split('/')[1] ?? '';
	let db;
	try {
		db = decodeURIComponent(first);
	} catch {
		return sendJSON(res, 400, { error: 'bad_request', reason: 'The path is not valid.' });
	}
	if (db !== userDbName(res.locals.user))
		return sendJSON(res, 403, {
			error: 'forbidden',
			reason: 'You are not allowed to access this db.'
		});
	// As under couch_peruser, a user may use their database but not delete it.
	if (req.method === 'DELETE' && req.path.replace(/\/$/, '') === `/${first}`)
		return sendJSON(res, 403, {
			error: 'forbidden',
			reason: 'Your database cannot be deleted here.'
		});
	next();
});

app.use((req, res, next) => {
	res.on('finish', () => {
		if (res.statusCode >= 500)
			console.error(`${new Date().toISOString()} ${req.method} ${req.path} ${res.statusCode}`);
	});
	next();
});

app.use(pouchApp);

const server = app.listen(port, host);
await new Promise((done, fail) => {
	server.once('listening', done);
	server.once('error', fail);
}).catch((error) => {
	console.error(`Could not listen on ${host}:${port}: ${error.message}`);
	process.exit(1);
});

const address = /** @type {import('node:net').AddressInfo} */ (server.address());
const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
const origin = `http://${shownHost}:${address.port}`;

console.log(`Kith sync server, data in ${dataDir}`);
if (firstStart || newPassword !== undefined || givenPassword !== undefined) {
	console.log(`  Server address: ${origin}`);
	console.log(`  Username:       ${userName}`);
	if (newPassword !== undefined)
		console.log(`  Password:       ${newPassword}   (shown once: only a hash of it is kept)`);
	else console.log('  Password:       the one given');
	console.log(`  Database:       ${origin}/${userDbName(userName)}`);
} else {
	const names = Object.keys(usersFile.users).join(', ');
	console.log(
		`  Users: ${names}. A forgotten password: start with --user <name> --password <new>.`
	);
}
if (maxDocs !== undefined) console.log(`  Holds at most ${maxDocs} documents (--max-docs).`);
console.log(`Sync server listening on ${origin}`);

// ---------------------------------------------------------------------------------------------
// Shutdown

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
	if (stopping) process.exit(1);
	stopping = true;
	// Open _changes feeds would hold close() for ever.
	setTimeout(() => process.exit(1), 5000).unref();
	await new Promise((done) => {
		server.close(done);
		server.closeAllConnections();
	});
	await Promise.allSettled([...openDbs].map((db) => db.close()));
	console.log(`Sync server stopped (${signal}).`);
	process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
