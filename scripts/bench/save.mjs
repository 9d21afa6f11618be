// (c) Save: from the click on Save to the IndexedDB transaction that holds the new contact
// committing, against a raw IndexedDB put of the same record in the same page.
//
// Both are measured the same way: a click (Playwright, through CDP) on a button, timed from when
// the page's own code first sees that click (performance.now() in a capture listener on window, the
// first listener the event reaches) to the `complete` event of the transaction holding the record.
// For the app the button is Save; for the baseline it is a button the bench adds to the same page,
// whose click handler puts a copy of the record the app just stored (new id) on an open raw
// connection. Not from the event's timeStamp: under the 4x CPU throttle the input waits 8-20 ms in
// the browser's input pipeline before the page sees it, which is the harness and the browser, not
// the app. And not against a put started from a script: right after a click the browser is busy
// with it (a new frame, focus), and a put then takes about twice as long as one from a quiet
// script, for the app and a raw put alike. The other two figures stay in the JSON for reference:
// `inputToCommit` (from the timeStamp) and `rawPutFromScript` (a put timed inside one script).
// The sync part (sync.mjs) times the same save on a device with sync on and on one with it off.
import {
	appDatabaseReady,
	CPU_THROTTLE,
	median,
	percentile,
	ratio,
	summary,
	throttle
} from './util.mjs';

// Installed in the page before the app's scripts (Dexie binds IDBDatabase#transaction when it opens
// the database). It watches for the commit without polling: every read-write transaction on
// `contacts` gets a `complete` listener, the same event Dexie waits for.
function installProbe() {
	const w = /** @type {any} */ (window);
	if (w.__bench) return;
	const original = IDBDatabase.prototype.transaction;
	/** @type {{ click: number, input: number, resolve: (value: { click: number, input: number, commit: number }) => void } | undefined} */
	let armed;
	IDBDatabase.prototype.transaction = function (...args) {
		const tx = original.apply(this, /** @type {any} */ (args));
		const stores = [...tx.objectStoreNames];
		// With sync on, the engine's apply of arrived records writes contacts too: never a save.
		if (
			armed &&
			tx.mode === 'readwrite' &&
			stores.includes('contacts') &&
			!stores.includes('syncBase')
		) {
			const waiting = armed;
			tx.addEventListener('complete', () => {
				if (armed !== waiting || !waiting.click) return;
				armed = undefined;
				waiting.resolve({ click: waiting.click, input: waiting.input, commit: performance.now() });
			});
		}
		return tx;
	};
	/** @type {Promise<IDBDatabase> | undefined} */
	let connection;
	// Opened only once the app has created the database, and closed if the app ever upgrades it:
	// a connection held open would block the app's own open forever.
	const raw = () =>
		(connection ??= new Promise((resolve, reject) => {
			const open = indexedDB.open('kith');
			open.onsuccess = () => {
				open.result.onversionchange = () => {
					open.result.close();
					connection = undefined;
				};
				resolve(open.result);
			};
			open.onerror = () => reject(open.error);
		}));
	/** @param {IDBDatabase} db */
	const count = (db) =>
		new Promise((resolve, reject) => {
			const req = db.transaction('contacts').objectStore('contacts').count();
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	/** @type {{ record: Record<string, unknown>, click: number, resolve: (v: { click: number, commit: number }) => void } | undefined} */
	let rawArmed;
	/** A button of the bench's own whose click puts a record the raw way, as Save does the app's way. */
	const rawButton = () => {
		let b = /** @type {HTMLButtonElement | null} */ (document.getElementById('bench-raw-put'));
		if (b) return b;
		b = document.createElement('button');
		b.id = 'bench-raw-put';
		b.type = 'button';
		b.textContent = 'Raw put';
		b.style.cssText =
			'position:fixed;top:0;right:0;z-index:2147483647;width:44px;height:44px;opacity:0.01';
		b.addEventListener('click', () => {
			const job = rawArmed;
			if (!job) return;
			void raw().then((db) => {
				const tx = db.transaction('contacts', 'readwrite');
				tx.objectStore('contacts').put(job.record);
				tx.oncomplete = () => {
					rawArmed = undefined;
					job.resolve({ click: job.click, commit: performance.now() });
				};
			});
		});
		document.body.append(b);
		return b;
	};
	window.addEventListener(
		'click',
		(e) => {
			if (rawArmed && /** @type {Element} */ (e.target).id === 'bench-raw-put')
				rawArmed.click = performance.now();
		},
		{ capture: true }
	);
	w.__bench = {
		/**
		 * Readies the bench's button to put a copy of `record` (new id) on the next click; the
		 * connection is opened now, as the app's is before Save is tapped.
		 * @param {Record<string, unknown>} record
		 */
		async armRaw(record) {
			await raw();
			rawButton();
			const now = Date.now();
			const copy = { ...record, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
			w.__benchRawCommitted = new Promise(
				(resolve) => (rawArmed = { record: copy, click: 0, resolve })
			);
		},
		/** Resolves when the next contacts write after a click on Save commits. */
		arm() {
			/** @type {Promise<{ click: number, input: number, commit: number }>} */
			const done = new Promise((resolve) => (armed = { click: 0, input: 0, resolve }));
			const onClick = (/** @type {MouseEvent} */ e) => {
				const target = /** @type {Element} */ (e.target);
				if (armed && target.closest('button')?.textContent?.trim() === 'Save') {
					// Dispatched to the page now; a trusted event's timeStamp is when the browser took it.
					armed.click = performance.now();
					armed.input = e.timeStamp;
				}
			};
			window.addEventListener('click', onClick, { capture: true });
			w.__benchCommitted = done.finally(() =>
				window.removeEventListener('click', onClick, { capture: true })
			);
		},
		count: async () => count(await raw()),
		/** The record the app stored last, to put a copy of it the raw way. */
		async newest() {
			const db = await raw();
			return new Promise((resolve, reject) => {
				const req = db
					.transaction('contacts')
					.objectStore('contacts')
					.index('createdAt')
					.openCursor(null, 'prev');
				req.onsuccess = () => resolve(req.result?.value);
				req.onerror = () => reject(req.error);
			});
		},
		/** @param {Record<string, unknown>} record */
		async rawPut(record) {
			const db = await raw();
			const now = Date.now();
			const copy = { ...record, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
			const start = performance.now();
			await new Promise((resolve, reject) => {
				const tx = db.transaction('contacts', 'readwrite');
				tx.objectStore('contacts').put(copy);
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
				tx.onabort = () => reject(tx.error);
			});
			const put = performance.now() - start;
			// The same again with a connection of its own, as code that does not keep one open would.
			const second = { ...copy, id: crypto.randomUUID() };
			const start2 = performance.now();
			await new Promise((resolve, reject) => {
				const open = indexedDB.open('kith');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db2 = open.result;
					const tx = db2.transaction('contacts', 'readwrite');
					tx.objectStore('contacts').put(second);
					tx.oncomplete = () => {
						db2.close();
						resolve(undefined);
					};
					tx.onerror = () => reject(tx.error);
				};
			});
			return { put, openAndPut: performance.now() - start2 };
		}
	};
}

/**
 * One device (a browser context) on /capture, ready to save contact after contact the way the
 * bench times it. `prepare` runs first on the page (the sync part turns sync on there); `raw` also
 * times the raw puts of the baseline in each round.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {{ contextOptions: object, raw?: boolean, prepare?: (page: import('@playwright/test').Page) => Promise<void> }} options
 */
export async function openSaver(browser, origin, { contextOptions, raw = true, prepare }) {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	const name = page.getByLabel('Name', { exact: true });
	const saveButton = page.getByRole('button', { name: 'Save', exact: true });
	const cpu = await throttle(context, page, { rate: 1 });
	const close = async () => {
		await cpu.detach().catch(() => {});
		await context.close();
	};
	try {
		await page.addInitScript(installProbe);
		if (prepare) await prepare(page);
		await page.goto(`${origin}/capture`);
		await name.waitFor();
	} catch (error) {
		await close();
		throw error;
	}
	// Each measured step starts from a quiet page (or after 2 s of waiting for one).
	const idle = () =>
		page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
	/**
	 * Saves contact `i + 1`; `i` = -1 is the unmeasured first save (it opens the database and
	 * compiles the save path), which returns undefined.
	 * @param {number} i
	 */
	const save = async (i) => {
		await name.fill(`Bench Person ${i + 1}`);
		// The user typed a moment ago, so the autosaved draft is already stored.
		await page.getByText('Draft kept on this device').waitFor();
		// Capture creates the database on the first change only; the bench opens it after that.
		if (i === -1) await appDatabaseReady(page);
		const before = /** @type {number} */ (
			await page.evaluate(() => /** @type {any} */ (window).__bench.count())
		);
		await cpu.set(CPU_THROTTLE);
		/** @type {{ put: number, scriptPut: number, openPut: number } | undefined} */
		let rawTimes;
		if (i >= 0 && raw) {
			// The record the app saved last time, put again the raw way, in the same idle page.
			await idle();
			const fromScript = await page.evaluate(async () => {
				const bench = /** @type {any} */ (window).__bench;
				return bench.rawPut(await bench.newest());
			});
			// The baseline proper: the same record put the raw way from a click, timed like Save.
			await idle();
			await page.evaluate(async () => {
				const bench = /** @type {any} */ (window).__bench;
				await bench.armRaw(await bench.newest());
			});
			await idle();
			await page.locator('#bench-raw-put').click();
			const put = await page.evaluate(() => /** @type {any} */ (window).__benchRawCommitted);
			rawTimes = {
				put: put.commit - put.click,
				scriptPut: fromScript.put,
				openPut: fromScript.openAndPut
			};
		}
		await idle();
		await page.evaluate(() => /** @type {any} */ (window).__bench.arm());
		await saveButton.click();
		const { click, input, commit } = await page.evaluate(
			() => /** @type {any} */ (window).__benchCommitted
		);
		await cpu.set(1);
		const stored = await page.evaluate(() => /** @type {any} */ (window).__bench.newest());
		const after = await page.evaluate(() => /** @type {any} */ (window).__bench.count());
		const expected = before + (i >= 0 && raw ? 4 : 1);
		if (after !== expected || stored?.name !== `Bench Person ${i + 1}`) {
			throw new Error(`Save ${i + 1}: the contact was not committed as expected`);
		}
		// Saving opens the new contact's page; the Capture tab brings back an empty form.
		await page.waitForURL(/\/contacts\/[^/]+$/);
		await page.getByRole('link', { name: 'Capture', exact: true }).click();
		await name.waitFor();
		while ((await name.inputValue()) !== '') await page.waitForTimeout(20);
		// The "Saved …" toast sits over the Save button on a phone; a user would close it first.
		const dismiss = page.getByRole('button', { name: 'Dismiss message' });
		for (let tries = 0; tries < 5 && (await dismiss.count()) > 0; tries++) {
			await dismiss
				.first()
				.click({ timeout: 2000 })
				.catch(() => {});
		}
		if (i < 0) return undefined;
		return { app: commit - click, input: commit - input, raw: rawTimes };
	};
	return { page, save, close };
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} origin
 * @param {number} runs
 * @param {object} contextOptions
 */
export async function saveBench(browser, origin, runs, contextOptions) {
	const saver = await openSaver(browser, origin, { contextOptions });
	try {
		/** @type {number[]} */
		const appMs = [];
		/** @type {number[]} */
		const inputMs = [];
		/** @type {number[]} */
		const putMs = [];
		/** @type {number[]} */
		const scriptPutMs = [];
		/** @type {number[]} */
		const openPutMs = [];
		for (let i = -1; i < runs; i++) {
			const timed = await saver.save(i);
			if (!timed?.raw) continue;
			appMs.push(timed.app);
			inputMs.push(timed.input);
			putMs.push(timed.raw.put);
			scriptPutMs.push(timed.raw.scriptPut);
			openPutMs.push(timed.raw.openPut);
		}
		return {
			method:
				'both timed from a click as the page sees it (performance.now() in a capture-phase click listener on window, the first code the event reaches) to the complete event of the IndexedDB transaction holding the record: for the app a click on Save; for the baseline a click on a button the bench adds to the same page, whose handler puts the same stored record with a new id on an already open raw connection; both at 4x CPU throttle, each after the page went idle. inputToCommit starts at the event timeStamp instead (when the browser took the CDP input); rawPutFromScript is a raw put timed inside one page script, with no click.',
			runs,
			app: summary(appMs),
			inputToCommit: summary(inputMs),
			rawPut: summary(putMs),
			rawPutFromScript: summary(scriptPutMs),
			rawOpenAndPut: summary(openPutMs),
			ratio: {
				median: ratio(median(appMs) / median(putMs)),
				p95: ratio(percentile(appMs, 95) / percentile(putMs, 95))
			}
		};
	} finally {
		await saver.close();
	}
}
