// Sync between two devices (two browser contexts, each with its own storage) through the real
// CouchDB-protocol server the project starts (scripts/sync-server.mjs), one per test.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { capture, goOffline, openControlled } from './support/app';
import { launchWithFakeMic } from './support/fake-mic';
import { readTable, seed } from './support/db';
import { SyncSettings } from './support/pages/sync';
import { authorization, rawDocs, startSyncServer, type SyncServer } from './support/sync-server';
import { makeContact } from '../src/lib/domain/testing/factories';

const PASSPHRASE = 'correct horse battery staple';

let server: SyncServer;
test.beforeEach(async () => {
	server = await startSyncServer();
});
test.afterEach(async () => {
	await server.stop();
});

/** A second device: a context of its own, so nothing is shared with the first but the server. */
async function secondDevice(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const use = test.info().project.use;
	const context = await browser.newContext({
		baseURL: use.baseURL,
		viewport: use.viewport,
		isMobile: use.isMobile,
		hasTouch: use.hasTouch,
		serviceWorkers: 'allow'
	});
	const page = await context.newPage();
	await openControlled(page, '/');
	return { context, page };
}

/** Sync turned on with the passphrase on this device, then on a second one; both up to date. */
async function syncBoth(page: Page, browser: Browser) {
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	await a.upToDate();
	const b = await secondDevice(browser);
	const onB = new SyncSettings(b.page);
	await onB.turnOn(server, PASSPHRASE);
	await onB.upToDate();
	return { a, b, onB };
}

async function contactNames(page: Page): Promise<string[]> {
	await page.goto('/contacts');
	await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
	const list = page.getByRole('list', { name: 'Contacts' });
	// The heading is drawn before the list is read: wait for the list or for the empty page.
	const empty = page.getByRole('heading', { name: 'Your network starts here' });
	await expect(list.or(empty)).toBeVisible();
	if (!(await list.isVisible())) return [];
	return (await list.locator('.name').allInnerTexts()).sort();
}

test('a contact captured on one device appears on the other; the server holds only ciphertext', async ({
	page,
	browser
}) => {
	await openControlled(page, '/');
	await capture(page, 'Zanzibar Quill', { organization: 'Sentinel Archive' });
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	await a.upToDate();
	// A device that held data copied it before its first sync.
	await expect(a.panel.getByText('Before the first sync on this device')).toBeVisible();

	const b = await secondDevice(browser);
	const onB = new SyncSettings(b.page);
	await onB.turnOn(server, PASSPHRASE);
	await onB.upToDate();
	await expect.poll(() => contactNames(b.page)).toEqual(['Zanzibar Quill']);

	// Captured on B, seen on A.
	await capture(b.page, 'Ola Brandt');
	await expect
		.poll(async () => (await contactNames(page)).sort(), { timeout: 30_000 })
		.toEqual(['Ola Brandt', 'Zanzibar Quill']);

	const docs = await rawDocs(server);
	const raw = JSON.stringify(docs);
	expect(docs.length).toBe(3); // the keyring and two contacts
	expect(raw).not.toContain('Zanzibar');
	expect(raw).not.toContain('Sentinel');
	expect(raw).not.toContain('Ola');
	for (const doc of docs) {
		if (doc._id === 'keyring') continue;
		expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 's']);
	}
	await b.context.close();
});

test('a wrong passphrase or password is refused in plain words, and nothing is written', async ({
	page,
	browser
}) => {
	await openControlled(page, '/');
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	await a.upToDate();

	const b = await secondDevice(browser);
	const onB = new SyncSettings(b.page);
	await onB.turnOn(server, 'not the right phrase');
	await expect(onB.panel.getByRole('alert')).toContainText('passphrase does not open');
	await expect(onB.panel.getByRole('button', { name: 'Turn on sync' })).toBeVisible();
	await onB.turnOn(server, PASSPHRASE, { password: 'wrong-password-1' });
	await expect(onB.panel.getByRole('alert')).toContainText('did not accept that username');
	const state = await b.page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('kith');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction('syncState').objectStore('syncState').count();
					req.onsuccess = () => resolve(req.result);
				};
			})
	);
	expect(state).toBe(0);
	await b.context.close();
});

test('a second device joins with the join code: merged by id, the same person offered for merging, and it can leave', async ({
	page,
	browser
}) => {
	await openControlled(page, '/');
	await capture(page, 'Mira Okafor', { organization: 'City Library' });
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	await a.upToDate();
	const code = await a.joinCode();
	await expect(a.panel.getByRole('img', { name: 'The join code as a QR code' })).toBeVisible();

	// The second device already knows Mira, and someone else: joining adds, never replaces.
	const b = await secondDevice(browser);
	await capture(b.page, 'Mira Okafor', { organization: 'City Library' });
	await capture(b.page, 'Jun Park');
	const onB = new SyncSettings(b.page);
	await onB.join(code);
	await onB.upToDate();
	await expect(onB.panel.getByText('Before joining the data of another device')).toBeVisible();
	await expect.poll(() => contactNames(b.page)).toEqual(['Jun Park', 'Mira Okafor', 'Mira Okafor']);
	await onB.open();
	const same = b.page.getByRole('region', { name: 'Maybe the same person' });
	await expect(same).toContainText('Mira Okafor and Mira Okafor');
	await same.getByRole('link', { name: /Compare and merge/ }).click();
	await expect(b.page).toHaveURL(/\/merge\?with=/);

	// Turning sync off here keeps everything here.
	await onB.open();
	await onB.panel.getByRole('button', { name: 'Turn off sync on this device' }).click();
	await b.page.getByRole('dialog').getByRole('button', { name: 'Turn off sync' }).click();
	await expect(onB.panel.getByRole('button', { name: 'Turn on sync' })).toBeVisible();
	await expect.poll(() => contactNames(b.page)).toEqual(['Jun Park', 'Mira Okafor', 'Mira Okafor']);
	await b.context.close();
});

test('the server killed during a large push: restarted, it resumes with no duplicates', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await openControlled(page, '/');
	const people = Array.from({ length: 400 }, (_, i) =>
		makeContact({ name: `Person ${String(i).padStart(3, '0')}` })
	);
	await seed(page, { contacts: people });
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	// Kill it as soon as the first documents have arrived, mid-push.
	await expect
		.poll(async () => (await rawDocs(server)).length, { timeout: 30_000 })
		.toBeGreaterThan(1);
	await server.kill();
	await expect(a.panel.getByRole('status')).toHaveText(/Offline|stopped/, { timeout: 30_000 });
	server = await server.restart();
	await a.syncNow();
	const ids = (await rawDocs(server)).map((d) => d._id);
	expect(ids.length).toBe(401);
	expect(new Set(ids).size).toBe(401);

	const b = await secondDevice(browser);
	const onB = new SyncSettings(b.page);
	await onB.turnOn(server, PASSPHRASE);
	await onB.upToDate();
	await b.page.goto('/contacts');
	await expect(b.page.getByTestId('contact-count')).toHaveText('400');
	await b.context.close();
});

test('offline on both: different fields merge; the same field gives one value and a card on both', async ({
	page,
	context,
	browser
}) => {
	// Two devices, four rounds of sync and six page loads: 49 s alone on a two-core machine, and
	// over the default minute beside another test.
	test.slow();
	await openControlled(page, '/');
	await capture(page, 'Ana Ruiz', { organization: 'City Library' });
	const { a, b, onB } = await syncBoth(page, browser);

	await goOffline(context, page);
	await goOffline(b.context, b.page);
	await editContact(page, 'Ana Ruiz', { Organisation: 'State Archive', Role: 'Archivist' });
	await editContact(b.page, 'Ana Ruiz', {
		Organisation: 'County Records',
		Notes: 'Knows everyone'
	});
	await context.setOffline(false);
	await b.context.setOffline(false);
	await a.syncNow();
	await onB.syncNow();
	await a.syncNow();

	for (const p of [page, b.page]) {
		await p.goto('/contacts');
		await p.getByRole('link', { name: /Ana Ruiz/ }).click();
		await expect(p.getByText('Archivist')).toBeVisible();
		await expect(p.getByText('Knows everyone')).toBeVisible();
		const cards = p.getByRole('region', { name: 'Changed on two devices' });
		await expect(cards).toBeVisible();
		await expect(cards).toContainText('State Archive');
		await expect(cards).toContainText('County Records');
	}
	// Today says so too, until it is settled.
	await b.page.goto('/');
	await expect(b.page.getByRole('region', { name: 'Sync needs you' })).toContainText(
		'1 change was made on two devices'
	);
	// One tap settles it everywhere.
	const cards = page.getByRole('region', { name: 'Changed on two devices' });
	await cards.getByRole('button', { name: /Use the other/ }).click();
	await expect(cards).toBeHidden();
	await a.syncNow();
	await onB.syncNow();
	await b.page.goto('/contacts');
	await b.page.getByRole('link', { name: /Ana Ruiz/ }).click();
	await expect(b.page.getByRole('region', { name: 'Changed on two devices' })).toBeHidden();
	await b.page.goto('/');
	await expect(b.page.getByRole('region', { name: 'Sync needs you' })).toBeHidden();
	await b.context.close();
});

test('an edit made offline beats a delete on the other device, and the person is told', async ({
	page,
	browser
}) => {
	await openControlled(page, '/');
	await capture(page, 'Ana Ruiz');
	const { a, b, onB } = await syncBoth(page, browser);

	await goOffline(b.context, b.page);
	await editContact(b.page, 'Ana Ruiz', { Role: 'Archivist' });
	await page.goto('/contacts');
	await page.getByRole('link', { name: /Ana Ruiz/ }).click();
	await page.getByRole('button', { name: 'Delete' }).click();
	// Deleted on this device before it syncs, as the test means: not raced by the sync.
	await expect(page.getByText('Ana Ruiz moved to the trash.')).toBeVisible();
	await a.syncNow();
	await b.context.setOffline(false);
	await onB.syncNow();
	await a.syncNow();
	await expect.poll(() => contactNames(page)).toEqual(['Ana Ruiz']);
	await page.getByRole('link', { name: /Ana Ruiz/ }).click();
	await expect(page.getByText('Archivist')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Changed on two devices' })).toContainText(
		'Deleted on another device'
	);
	await b.context.close();
});

async function editContact(page: Page, name: string, fields: Record<string, string>) {
	await page.goto('/contacts');
	await page.getByRole('link', { name: new RegExp(name) }).click();
	await page.getByRole('link', { name: 'Edit' }).click();
	const more = page.getByRole('button', { name: /More details/ });
	if (await more.isVisible()) await more.click();
	for (const [label, value] of Object.entries(fields))
		await page.getByLabel(label, { exact: true }).fill(value);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a record saved by a newer Kith is held back, and the person is asked to update', async ({
	page
}) => {
	await openControlled(page, '/');
	await capture(page, 'Ana Ruiz');
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	await a.upToDate();
	// A newer Kith on another device wrote this: sealed with the same data key, schema from the future.
	const id = 'contacts:from-the-future';
	const sealed = await page.evaluate(async (id) => {
		const config = await new Promise<{ key: string }>((resolve, reject) => {
			const open = indexedDB.open('kith');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const req = open.result.transaction('syncState').objectStore('syncState').get('config');
				req.onsuccess = () => resolve((req.result as { value: { key: string } }).value);
			};
		});
		const raw = Uint8Array.from(atob(config.key), (c) => c.charCodeAt(0));
		const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const body = { v: 999, row: { id: 'from-the-future', name: 'Future Person', hologram: true } };
		const ct = new Uint8Array(
			await crypto.subtle.encrypt(
				{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) },
				key,
				new TextEncoder().encode(JSON.stringify(body))
			)
		);
		const all = new Uint8Array(iv.length + ct.length);
		all.set(iv);
		all.set(ct, iv.length);
		return btoa(String.fromCharCode(...all));
	}, id);
	const put = await fetch(`${server.dbUrl}/${encodeURIComponent(id)}`, {
		method: 'PUT',
		headers: { Authorization: authorization(server), 'Content-Type': 'application/json' },
		body: JSON.stringify({ s: sealed })
	});
	expect(put.status).toBe(201);

	await a.syncNow();
	await expect(a.panel).toContainText(
		'Update Kith on this device: 1 record was saved by a newer version'
	);
	expect(await contactNames(page)).toEqual(['Ana Ruiz']);
	await page.goto('/');
	const needs = page.getByRole('region', { name: 'Sync needs you' });
	await expect(needs).toContainText('Update Kith on this device');
});

test('a recording made on one device plays on the other', async ({ baseURL }) => {
	test.setTimeout(90_000);
	// Fake media: Chromium's own test microphone, so a real recording is made.
	const withMic = await launchWithFakeMic();
	try {
		const phone = {
			baseURL,
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		};
		const page = await (await withMic.newContext(phone)).newPage();
		await openControlled(page, '/');
		await page.goto('/pitches/new');
		await page.getByLabel('Title').fill('Voice test');
		await page
			.getByLabel('Your pitch')
			.fill('Hi, I am Ama, a records manager who loves rare maps.');
		await page.getByRole('button', { name: 'Save pitch' }).click();
		await page.getByRole('link', { name: 'Rehearse now' }).click();
		await page.getByRole('checkbox', { name: 'Record my voice (optional)' }).check();
		await expect(page.getByText('The next run is recorded when you press Start.')).toBeVisible();
		await page.getByRole('button', { name: 'Start', exact: true }).click();
		await expect(page.getByText('Recording', { exact: true })).toBeVisible();
		await page.waitForTimeout(1200);
		await page.getByRole('button', { name: 'Stop', exact: true }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect.poll(async () => (await readTable(page, 'rehearsals')).length).toBe(1);
		const a = new SyncSettings(page);
		await a.turnOn(server, PASSPHRASE);
		await a.upToDate();
		// The audio reached the server sealed: an attachment, not the recording's bytes.
		const docs = await rawDocs(server, { attachments: true });
		const rec = docs.find((d) => d._id.startsWith('recordings:'));
		expect(Object.keys((rec?._attachments as object) ?? {})).toEqual(['audio']);

		const other = await (await withMic.newContext(phone)).newPage();
		await openControlled(other, '/');
		const b = new SyncSettings(other);
		await b.turnOn(server, PASSPHRASE);
		await b.upToDate();
		await other.goto('/pitches');
		await other.getByRole('link', { name: 'Voice test' }).click();
		await expect(other.getByText('1 recording of this pitch')).toBeVisible();
		const played = await other.getByLabel(/^Recording of/).evaluate(async (el) => {
			const audio = el as HTMLAudioElement;
			await audio.play();
			await new Promise((r) => setTimeout(r, 300));
			return { playing: !audio.paused || audio.ended, error: audio.error };
		});
		expect(played).toEqual({ playing: true, error: null });
	} finally {
		await withMic.close();
	}
});

test('a full server is said in plain words, and the changes wait on the device', async ({
	page
}) => {
	await server.stop();
	server = await startSyncServer({ maxDocs: 5 });
	await openControlled(page, '/');
	await seed(page, {
		contacts: Array.from({ length: 20 }, (_, i) => makeContact({ name: `Person ${i}` }))
	});
	const a = new SyncSettings(page);
	await a.turnOn(server, PASSPHRASE);
	await expect(a.panel.getByRole('alert')).toContainText('The server is out of space', {
		timeout: 30_000
	});
	await expect(a.panel.getByText(/\d+ changes waiting/)).toBeVisible();
});
