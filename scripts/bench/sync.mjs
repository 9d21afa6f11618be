// (h) Sync, against the project's own server (scripts/sync-server.mjs) started by the bench.
//
// First sync to a fresh device: device A (a browser context) holds 5,000 contacts and 20,000
// touchpoints, turns sync on through Settings and uploads them (not timed). Device B, a fresh
// context, turns sync on with the same passphrase: timed from its click on "Turn on sync" until
// its Kith database holds every contact and touchpoint and Settings says "Up to date." with no
// changes waiting. The baseline: PouchDB's browser build, in a fresh context on the same origin
// (the bench's bare page, which has no policy of the app's), replicating the same number of plain,
// unencrypted documents of the same sizes (each as long as the sealed one of the same id, padded)
// from a second user's database on the same server. Plain, app, app, plain; the best of each side
// is compared, the machine being shared. No CPU throttle on either side.
//
// The app's time includes opening the data key with the passphrase (PBKDF2-SHA-256 at the
// keyring's iterations), a fixed cost of turning sync on: it is timed on its own in B's page and
// reported, and the figure is given without it too.
//
// A save with sync on against sync off: save.mjs's method on two devices, saves alternating.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BARE_PATH } from './bare-page.mjs';
import { dbRequest, startBenchSyncServer, userDbName } from './sync-server.mjs';
import { openSaver } from './save.mjs';
import { appDatabaseReady, CPU_THROTTLE, median, percentile, ratio, summary } from './util.mjs';

export const SYNC_CONTACTS = 5_000;
export const SYNC_TOUCHPOINTS = 20_000;
export const SYNC_BUDGET = { firstSyncRatio: 1.5, saveRatio: 1.2 };

const POUCHDB = fileURLToPath(
	new URL('../../node_modules/pouchdb/dist/pouchdb.min.js', import.meta.url)
);
const PASSPHRASE = 'correct horse battery staple';
const CHANNELS = ['in-person', 'call', 'video', 'email', 'message', 'social', 'event'];
const OUTCOMES = ['inside-info', 'job-search-advice', 'resume-tips', 'names', 'interview'];
const ORGS = ['Riverside Library', 'Northwind Archives', 'City Museum', 'Harbour University'];
const ROLES = ['Archivist', 'Librarian', 'Curator', 'Records manager', 'Digital lead'];

/** Mulberry32, so every run syncs the same rows. @param {number} seed */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Rows as the app stores them (contacts without their derived search words). */
export function makeRows(contacts = SYNC_CONTACTS, touchpoints = SYNC_TOUCHPOINTS) {
	const rand = prng(20260315);
	const pick = (/** @type {string[]} */ list) => list[Math.floor(rand() * list.length)];
	const day = (/** @type {number} */ n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000);
	const iso = (/** @type {number} */ n) => day(n).toISOString().slice(0, 10);
	const at = 1_700_000_000_000;
	/** @type {Record<string, unknown>[]} */
	const people = [];
	for (let i = 0; i < contacts; i++) {
		const c = /** @type {Record<string, unknown>} */ ({
			id: `sync-c-${String(i).padStart(5, '0')}`,
			name: `Person ${i} Example`,
			organization: pick(ORGS),
			role: pick(ROLES),
			emails: rand() < 0.6 ? [`person${i}@example.org`] : [],
			phones: [],
			links: [],
			tags: rand() < 0.3 ? ['archives'] : [],
			createdAt: at + i,
			updatedAt: at + i,
			version: 1
		});
		if (rand() < 0.3) c.notes = 'Met at the spring conference; knows the digitisation team.';
		if (rand() < 0.1) c.nextFollowUpOn = iso(900 + Math.floor(rand() * 120));
		people.push(c);
	}
	/** @type {Record<string, unknown>[]} */
	const points = [];
	for (let i = 0; i < touchpoints; i++) {
		const on = Math.floor(rand() * 1400);
		const t = /** @type {Record<string, unknown>} */ ({
			id: `sync-t-${String(i).padStart(6, '0')}`,
			contactId: `sync-c-${String(Math.floor(rand() * contacts)).padStart(5, '0')}`,
			on: iso(on),
			channel: pick(CHANNELS),
			summary: 'Talked about openings in the archives team and a conference next spring.',
			received: rand() < 0.4 ? [pick(OUTCOMES)] : [],
			followUpDone: false,
			createdAt: at + i,
			updatedAt: at + i,
			version: 1
		});
		if (rand() < 0.3) t.gave = 'Sent a thank-you and an article';
		if (rand() < 0.15) {
			t.followUpOn = iso(on + 14);
			t.followUpDone = rand() < 0.8;
		}
		points.push(t);
	}
	return { contacts: people, interactions: points };
}

/**
 * Runs in the page: puts the rows into the app's database the raw way, as a restore would (turning
 * sync on then marks them all to be sent).
 * @param {{ contacts: object[], interactions: object[] }} rows
 */
export function seedRaw(rows) {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('kith');
		open.onerror = () => reject(open.error);
		open.onsuccess = () => {
			const db = open.result;
			const tx = db.transaction(['contacts', 'interactions'], 'readwrite');
			for (const c of rows.contacts) tx.objectStore('contacts').put(c);
			for (const t of rows.interactions) tx.objectStore('interactions').put(t);
			tx.oncomplete = () => {
				db.close();
				resolve(undefined);
			};
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error ?? new Error('The seeding transaction was aborted'));
		};
	});
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {{ url: string, name: string, password: string }} account
 */
export async function fillTurnOn(page, account) {
	const panel = page.getByRole('region', { name: 'Sync between devices' });
	await panel.getByLabel('Server address').fill(account.url);
	await panel.getByLabel('Username').fill(account.name);
	await panel.getByLabel('Password', { exact: true }).fill(account.password);
	await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	return panel;
}

/** @param {import('@playwright/test').Locator} panel */
export async function upToDate(panel, timeout = 600_000) {
	await panel.getByRole('status').getByText('Up to date.', { exact: true }).waitFor({ timeout });
	await panel.getByText('No changes waiting', { exact: true }).waitFor({ timeout });
}

/**
 * Opens /settings in a new context, waits for the service worker (so its precaching is over before
 * anything is timed) and for the app's database.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {object} contextOptions
 */
export async function openSettings(browser, origin, contextOptions) {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	await page.goto(`${origin}/settings`);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.getByRole('region', { name: 'Sync between devices' }).waitFor();
	await appDatabaseReady(page);
	return { context, page };
}

/**
 * Runs in device B's page before the click: notes the click on "Turn on sync", then every 100 ms
 * reads the status in Settings, until it says "Up to date." with no changes waiting and Kith's
 * database holds every row. Cheap reads only while the sync runs (a count walks the whole store):
 * whether the replica exists and Kith's first row is in (one key each), and the status's text.
 * @param {{ contacts: number, touchpoints: number }} want
 */
export function armFirstSync(want) {
	const w = /** @type {any} */ (window);
	/** @param {string} name @returns {Promise<IDBDatabase>} */
	const openDb = (name) =>
		new Promise((resolve, reject) => {
			const open = indexedDB.open(name);
			open.onsuccess = () => {
				open.result.onversionchange = () => open.result.close();
				resolve(open.result);
			};
			open.onerror = () => reject(open.error);
		});
	/** @param {IDBDatabase} db @param {string} store @param {boolean} [all] */
	const count = (db, store, all = true) =>
		new Promise((resolve, reject) => {
			const s = db.transaction(store).objectStore(store);
			const req = all ? s.count() : s.getAllKeys(null, 1);
			req.onsuccess = () =>
				resolve(all ? req.result : /** @type {unknown[]} */ (req.result).length);
			req.onerror = () => reject(req.error);
		});
	w.__firstSync = new Promise((resolve, reject) => {
		let click = 0;
		/** @type {Record<string, number>} when each was first seen, ms after the click */
		const seen = {};
		const note = (/** @type {string} */ what) => {
			if (!(what in seen)) seen[what] = Math.round(performance.now() - click);
		};
		window.addEventListener(
			'click',
			(e) => {
				const button = /** @type {Element} */ (e.target).closest('button');
				if (!click && button?.textContent?.trim() === 'Turn on sync') click = performance.now();
			},
			{ capture: true }
		);
		const kith = openDb('kith');
		const tick = async () => {
			if (!click) return;
			if (performance.now() - click > 600_000) throw new Error('No first sync in 10 minutes');
			const panel = document.querySelector('section[aria-labelledby="sync-title"]');
			const status = panel?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
			if (status === 'Syncing…') note('syncing');
			const db = await kith;
			if (!('kithFirst' in seen)) {
				// The replica's first documents come only after the passphrase and the engine's start;
				// Kith's first rows only once the replica has them all (the pull follows replication).
				if (!('replica' in seen)) {
					const all = await indexedDB.databases();
					if (all.some((d) => d.name === '_pouch_kith-sync-replica')) note('replica');
				}
				const first =
					/** @type {number} */ (await count(db, 'contacts', false)) +
					/** @type {number} */ (await count(db, 'interactions', false));
				if (first > 0) note('kithFirst');
			}
			if (status !== 'Up to date.' || !panel?.textContent?.includes('No changes waiting')) return;
			const contacts = /** @type {number} */ (await count(db, 'contacts'));
			const touchpoints = /** @type {number} */ (await count(db, 'interactions'));
			if (contacts < want.contacts || touchpoints < want.touchpoints) return;
			return { ms: performance.now() - click, seen, contacts, touchpoints };
		};
		const loop = () =>
			tick().then(
				(done) => {
					if (done) {
						void kith.then((db) => db.close());
						resolve(done);
					} else setTimeout(loop, 100);
				},
				(error) => reject(error)
			);
		loop();
	});
}

/** Runs in the page: PBKDF2-SHA-256 of the passphrase at `iterations`, as opening the keyring does. */
async function timePbkdf2(/** @type {{ passphrase: string, iterations: number }} */ o) {
	const start = performance.now();
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(o.passphrase),
		'PBKDF2',
		false,
		['deriveBits']
	);
	await crypto.subtle.deriveBits(
		{
			name: 'PBKDF2',
			hash: 'SHA-256',
			salt: crypto.getRandomValues(new Uint8Array(16)),
			iterations: o.iterations
		},
		material,
		256
	);
	return performance.now() - start;
}

/**
 * Runs in the bare page with PouchDB's browser build: replicates the plain documents from the
 * server into a fresh local database.
 * @param {{ dbUrl: string, username: string, password: string, want: number }} o
 */
async function replicatePlain(o) {
	const Pouch = /** @type {any} */ (window).PouchDB;
	const local = new Pouch(`plain-${Date.now()}`);
	const remote = new Pouch(o.dbUrl, {
		auth: { username: o.username, password: o.password },
		skip_setup: true
	});
	const start = performance.now();
	// The app's engine replicates with the same batch size (engine.ts).
	const result = await local.replicate.from(remote, { batch_size: 100 });
	const ms = performance.now() - start;
	const info = await local.info();
	await local.destroy();
	if (result.docs_written !== o.want || info.doc_count !== o.want)
		throw new Error(`Plain replication wrote ${result.docs_written} (${info.doc_count})`);
	return ms;
}

/**
 * Puts in `to`'s database a plain copy of every row in `from`'s: the row unencrypted, under the
 * same id, padded to the sealed document's JSON size. Returns the sizes, and the keyring's PBKDF2
 * iterations.
 * @param {string} url
 * @param {{ from: { name: string, password: string }, to: { name: string, password: string } }} users
 * @param {Record<string, Record<string, unknown>[]>} rows
 */
export async function putPlainCopies(url, { from, to }, rows) {
	const sealed = await dbRequest(url, from, '/_all_docs?include_docs=true');
	/** @type {Map<string, number>} */
	const sizes = new Map();
	let keyringIterations = 0;
	let sealedBytes = 0;
	for (const { doc } of sealed.rows) {
		if (doc._id === 'keyring') keyringIterations = doc.kdf.iterations;
		const n = JSON.stringify({ ...doc, _rev: undefined }).length;
		sizes.set(doc._id, n);
		if (doc._id !== 'keyring') sealedBytes += n;
	}
	/** @type {object[]} */
	const docs = [];
	let plainBytes = 0;
	for (const [table, list] of Object.entries(rows)) {
		for (const row of list) {
			const _id = `${table}:${row.id}`;
			const doc = { _id, v: 1, row, pad: '' };
			const short = (sizes.get(_id) ?? 0) - JSON.stringify(doc).length;
			doc.pad = 'x'.repeat(Math.max(0, short));
			plainBytes += JSON.stringify(doc).length;
			docs.push(doc);
		}
	}
	for (let i = 0; i < docs.length; i += 500) {
		const res = await dbRequest(url, to, '/_bulk_docs', {
			method: 'POST',
			body: JSON.stringify({ docs: docs.slice(i, i + 500) })
		});
		if (res.some((/** @type {any} */ r) => !r.ok)) throw new Error('Plain docs refused');
	}
	return { count: docs.length, sealedBytes, plainBytes, keyringIterations };
}

/**
 * The baseline: PouchDB's browser build replicating `user`'s database in a fresh context, on a
 * page with no policy that would keep the script out.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} pageUrl
 * @param {{ url: string, user: { name: string, password: string }, contextOptions: object, want?: number }} o
 */
export async function timePlainReplication(browser, pageUrl, { url, user, contextOptions, want }) {
	const context = await browser.newContext(contextOptions);
	try {
		const page = await context.newPage();
		await page.goto(pageUrl);
		await page.addScriptTag({ content: await readFile(POUCHDB, 'utf8') });
		return await page.evaluate(replicatePlain, {
			dbUrl: `${url}/${userDbName(user.name)}`,
			username: user.name,
			password: user.password,
			want: want ?? SYNC_CONTACTS + SYNC_TOUCHPOINTS
		});
	} finally {
		await context.close();
	}
}

/**
 * The first figure: see the top of this file.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ server: { url: string, quiet: () => Promise<number> }, kith: User, plain: User, contextOptions: object }} options
 */
async function firstSyncBench(browser, origin, { server, kith, plain, contextOptions }) {
	const total = SYNC_CONTACTS + SYNC_TOUCHPOINTS;
	const rows = makeRows();

	// Device A: the rows, then sync on, until the server holds them all (the upload, not timed).
	const a = await openSettings(browser, origin, contextOptions);
	let uploadMs;
	try {
		await a.page.evaluate(seedRaw, rows);
		const panel = await fillTurnOn(a.page, { url: server.url, ...kith });
		const start = performance.now();
		await panel.getByRole('button', { name: 'Turn on sync' }).click();
		// Every row, and the keyring. (A's round goes on to read them back; closing A spares that.)
		for (;;) {
			const info = await dbRequest(server.url, kith, '');
			if (info.doc_count === total + 1) break;
			if (performance.now() - start > 600_000)
				throw new Error(`The server holds ${info.doc_count} docs after 10 minutes`);
			await new Promise((r) => setTimeout(r, 500));
		}
		uploadMs = performance.now() - start;
	} finally {
		await a.context.close();
	}
	const copies = await putPlainCopies(server.url, { from: kith, to: plain }, rows);

	// Each timed step starts with the server idle (LevelDB may go on compacting after many writes).
	/** @type {number[]} ms waited for the server before each timed step */
	const settled = [];
	const plainReplication = async () => {
		settled.push(await server.quiet());
		return timePlainReplication(browser, `${origin}${BARE_PATH}`, {
			url: server.url,
			user: plain,
			contextOptions
		});
	};
	/** A fresh device B, timed from its click on "Turn on sync". */
	const deviceB = async () => {
		const b = await openSettings(browser, origin, contextOptions);
		settled.push(await server.quiet());
		try {
			const panel = await fillTurnOn(b.page, { url: server.url, ...kith });
			await b.page.evaluate(armFirstSync, {
				contacts: SYNC_CONTACTS,
				touchpoints: SYNC_TOUCHPOINTS
			});
			await panel.getByRole('button', { name: 'Turn on sync' }).click();
			const first = await b.page.evaluate(() => /** @type {any} */ (window).__firstSync);
			if (first.contacts !== SYNC_CONTACTS || first.touchpoints !== SYNC_TOUCHPOINTS)
				throw new Error(
					`Device B holds ${first.contacts} contacts, ${first.touchpoints} touchpoints`
				);
			// The passphrase's share, timed on its own in the same page once sync is idle.
			const pbkdf2Ms = await b.page.evaluate(timePbkdf2, {
				passphrase: PASSPHRASE,
				iterations: copies.keyringIterations
			});
			return { ms: first.ms, seen: first.seen, pbkdf2Ms };
		} finally {
			await b.context.close();
		}
	};
	// Plain, app, app, plain: a drift in the machine's load (it is shared) falls on both sides
	// alike, and each side's best run is compared, as the one least disturbed by other work.
	const base = [await plainReplication()];
	const app = [await deviceB(), await deviceB()];
	base.push(await plainReplication());
	const best = app.reduce((x, y) => (y.ms < x.ms ? y : x));
	const bestBase = Math.min(...base);
	const pbkdf2Ms = median(app.map((x) => x.pbkdf2Ms));
	const withoutKdf = best.ms - pbkdf2Ms;
	return {
		method: `device A (raw rows, then Settings > Turn on sync, until the server holds every document; not timed); device B, a fresh context: from its click on "Turn on sync" (capture listener on window) until its Kith database holds all ${SYNC_CONTACTS} contacts and ${SYNC_TOUCHPOINTS} touchpoints and Settings says "Up to date." with "No changes waiting" (the status polled in the page every 100 ms, the rows counted once it says so). Baseline: PouchDB's browser build (pouchdb.min.js, idb adapter as the app's replica) in a fresh context on the bench's bare page, new PouchDB(local).replicate.from(remote, { batch_size: 100 }) of ${total} plain documents, each padded to its sealed twin's JSON size, from a second user's database on the same server. Order: plain, app, app, plain, each after the server went idle; the ratio is the best app run over the best plain run. No CPU throttle on either side. PBKDF2 (the keyring's iterations) timed on its own in B's page afterwards, and taken off the app's time for ratioWithoutPbkdf2.`,
		contacts: SYNC_CONTACTS,
		touchpoints: SYNC_TOUCHPOINTS,
		documents: total,
		sealedBytes: copies.sealedBytes,
		plainBytes: copies.plainBytes,
		uploadFromAMs: Math.round(uploadMs),
		app: {
			ms: Math.round(best.ms),
			// ms after the click when each was first seen (polled every 100 ms), in the best run
			seen: best.seen,
			runsMs: app.map((x) => Math.round(x.ms))
		},
		baselineMs: Math.round(bestBase),
		baselineRunsMs: base.map(Math.round),
		// before each timed step, in order
		serverQuietWaitMs: settled,
		pbkdf2: { iterations: copies.keyringIterations, ms: Math.round(pbkdf2Ms) },
		appWithoutPbkdf2Ms: Math.round(withoutKdf),
		ratio: ratio(best.ms / bestBase),
		ratioWithoutPbkdf2: ratio(withoutKdf / bestBase)
	};
}

/**
 * Runs in a page of the app: waits until the sync engine has finished its round and nothing is
 * waiting to be sent (status idle, outbox empty), read from the app's database.
 */
function syncQuiet() {
	/** @returns {Promise<boolean>} */
	const check = () =>
		new Promise((resolve, reject) => {
			const open = indexedDB.open('kith');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const db = open.result;
				const tx = db.transaction(['syncState', 'syncOutbox']);
				const status = tx.objectStore('syncState').get('status');
				const waiting = tx.objectStore('syncOutbox').count();
				tx.oncomplete = () => {
					db.close();
					resolve(status.result?.value?.phase === 'idle' && waiting.result === 0);
				};
				tx.onerror = () => reject(tx.error);
			};
		});
	const until = performance.now() + 60_000;
	const loop = async () => {
		while (!(await check())) {
			if (performance.now() > until) throw new Error('Sync did not go quiet in 60 s');
			await new Promise((r) => setTimeout(r, 50));
		}
	};
	return loop();
}

/**
 * The second figure: the save part's method (save.mjs: click on Save to the commit of its
 * transaction, 4x CPU throttle, after the page went idle) on two devices, one with sync on (its
 * first sync done, its server running) and one with it off, saves alternating between them, and
 * each save starting once the sync device has finished its round (so neither device's save meets
 * the other's sync work, and the sync device is as it is between two saves of a person).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ server: { url: string }, user: User, runs: number, contextOptions: object }} options
 */
async function saveWithSyncBench(browser, origin, { server, user, runs, contextOptions }) {
	const off = await openSaver(browser, origin, { contextOptions, raw: false });
	/** @type {Awaited<ReturnType<typeof openSaver>> | undefined} */
	let on;
	try {
		on = await openSaver(browser, origin, {
			contextOptions,
			raw: false,
			async prepare(page) {
				await page.goto(`${origin}/settings`);
				const panel = await fillTurnOn(page, { url: server.url, ...user });
				await panel.getByRole('button', { name: 'Turn on sync' }).click();
				await upToDate(panel, 60_000);
			}
		});
		const quiet = () => /** @type {NonNullable<typeof on>} */ (on).page.evaluate(syncQuiet);
		/** @type {number[]} */
		const onMs = [];
		/** @type {number[]} */
		const offMs = [];
		for (let i = -1; i < runs; i++) {
			// In turns, so that a drift in the machine's load falls on both alike.
			const order = i % 2 === 0 ? [off, on] : [on, off];
			for (const saver of order) {
				await quiet();
				const timed = await saver.save(i);
				if (timed) (saver === on ? onMs : offMs).push(timed.app);
			}
		}
		await quiet();
		// Every contact the sync device saved reached the server (and the keyring is there).
		const info = await dbRequest(server.url, user, '');
		if (info.doc_count !== runs + 2)
			throw new Error(`The server holds ${info.doc_count} documents, not ${runs + 2}`);
		return {
			method: `save.mjs's method (click on Save to the complete event of the transaction holding the contact, ${CPU_THROTTLE}x CPU throttle, after the page went idle), ${runs} saves after one warm-up on each of two devices, alternating: one with sync on (turned on in Settings against the bench's server, first sync done), one with sync off; every save waits until the sync device's round is over (status idle, outbox empty).`,
			runs,
			syncOn: summary(onMs),
			syncOff: summary(offMs),
			ratio: {
				median: ratio(median(onMs) / median(offMs)),
				p95: ratio(percentile(onMs, 95) / percentile(offMs, 95))
			}
		};
	} finally {
		await on?.close();
		await off.close();
	}
}

/** @typedef {{ name: string, password: string }} User */

/**
 * (h) Both figures, against one sync server started for them.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin the bench's static server (build/ and the bare page)
 * @param {{ saveRuns: number, contextOptions: object }} options
 */
export async function syncBench(browser, origin, { saveRuns, contextOptions }) {
	const kith = { name: 'kith', password: 'bench-sync-password-1' };
	const plain = { name: 'plain', password: 'bench-sync-password-2' };
	const solo = { name: 'solo', password: 'bench-sync-password-3' };
	const server = await startBenchSyncServer([kith, plain, solo]);
	try {
		const firstSync = await firstSyncBench(browser, origin, {
			server,
			kith,
			plain,
			contextOptions
		});
		const save = await saveWithSyncBench(browser, origin, {
			server,
			user: solo,
			runs: saveRuns,
			contextOptions
		});
		return { firstSync, save };
	} catch (error) {
		console.error(`\nThe sync server's output:\n${server.output()}`);
		throw error;
	} finally {
		await server.stop();
	}
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** @param {number} ms */
const f = (ms) =>
	ms < 10
		? `${ms.toFixed(1)} ms`
		: ms < 10_000
			? `${Math.round(ms)} ms`
			: `${(ms / 1000).toFixed(1)} s`;

/**
 * The checks (budgets) and the report table's rows of the sync part.
 * @param {Awaited<ReturnType<typeof syncBench>>} r
 */
export function syncChecks(r) {
	const { firstSync: first, save } = r;
	const checks = [
		{
			id: 'syncFirstRatio',
			label: '(h) first sync to a fresh device, app / plain PouchDB',
			value: first.ratio,
			budget: SYNC_BUDGET.firstSyncRatio
		},
		{
			id: 'syncSaveRatio',
			label: '(h) save with sync on / off (medians)',
			value: save.ratio.median,
			budget: SYNC_BUDGET.saveRatio
		},
		{
			id: 'syncSaveRatioP95',
			label: '(h) save with sync on / off (p95s)',
			value: save.ratio.p95,
			budget: SYNC_BUDGET.saveRatio
		}
	].map((c) => ({
		...c,
		shown: `${c.value.toFixed(2)}×`,
		budgetShown: `≤ ${c.budget.toFixed(2)}×`,
		ok: c.value <= c.budget
	}));
	const seen = first.app.seen;
	/** @type {Array<[string, string, string?, string?]>} */
	const rows = [];
	const row = (/** @type {string} */ id) => {
		const c = /** @type {(typeof checks)[number]} */ (checks.find((x) => x.id === id));
		rows.push([c.label, c.shown, c.budgetShown, c.ok ? 'ok' : 'OVER BUDGET']);
	};
	row('syncFirstRatio');
	const runs = (/** @type {number[]} */ ms) => ms.map(f).join(', ');
	rows.push(
		[`    app, click to "Up to date.", best of ${runs(first.app.runsMs)}`, f(first.app.ms)],
		[`    plain PouchDB, best of ${runs(first.baselineRunsMs)}`, f(first.baselineMs)],
		[
			`    app without the passphrase's PBKDF2 (${f(first.pbkdf2.ms)}) / plain`,
			`${first.ratioWithoutPbkdf2.toFixed(2)}× (${f(first.appWithoutPbkdf2Ms)})`
		],
		[
			'    app: until its first row is in Kith, then the rest',
			`${f(seen.kithFirst ?? NaN)} + ${f(first.app.ms - (seen.kithFirst ?? NaN))}`
		],
		['    upload from the first device (no budget)', f(first.uploadFromAMs)],
		[`    documents, sealed / plain, JSON`, `${kb(first.sealedBytes)} / ${kb(first.plainBytes)}`]
	);
	row('syncSaveRatio');
	rows.push([
		`    sync on, median / p95 of ${save.runs}`,
		`${f(save.syncOn.medianMs)} / ${f(save.syncOn.p95Ms)}`
	]);
	rows.push([
		`    sync off, median / p95 of ${save.runs}`,
		`${f(save.syncOff.medianMs)} / ${f(save.syncOff.p95Ms)}`
	]);
	row('syncSaveRatioP95');
	return { checks, rows };
}
