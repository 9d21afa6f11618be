/**
 * Runs sync in the background of the app, when it is on. One tab at a time runs the engine (a Web
 * Lock); the others ask it to act through a BroadcastChannel. Nothing of sync loads while it is
 * off: the engine and PouchDB are imported only when the device's sync setting says so.
 * Holds nothing but the running engine, in memory.
 */
import { getDb, read } from '$lib/db';
import type { Engine } from '$lib/sync/engine';
import type { TurnOnInput } from '$lib/sync/setup';

const LOCK = 'kith-sync-engine';
const CHANNEL = 'kith-sync';
type Message = 'sync-now' | 'apply-deletes' | 'keep-deleted' | 'stop' | 'start';

let engine: Engine | null = null;
let release: (() => void) | null = null;
let channel: BroadcastChannel | null = null;
let started = false;
/** False once sync is being turned off: a tab waiting for the lock must not start it again. */
let wanted = true;

function appVersion(): string {
	return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
}

async function isOn(): Promise<boolean> {
	return (await read(getDb(), ['syncState'], (r) => r.syncState.read('config'))) !== undefined;
}

function listen() {
	if (channel || typeof BroadcastChannel === 'undefined') return;
	channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent<Message>) => void act(event.data, false);
	addEventListener('online', () => void engine?.syncNow());
}

async function act(message: Message, tellOthers: boolean) {
	if (tellOthers) channel?.postMessage(message);
	if (message === 'start') {
		wanted = true;
		return run();
	}
	if (message === 'stop') {
		wanted = false;
		return halt();
	}
	if (!engine) return;
	if (message === 'sync-now') await engine.syncNow();
	else if (message === 'apply-deletes') {
		const { backUpBefore } = await import('$lib/sync/setup');
		await backUpBefore(getDb(), 'mass-delete', appVersion());
		await engine.applyDeletes();
	} else if (message === 'keep-deleted') await engine.keepDeleted();
}

/** Starts the engine in this tab once no other tab runs it. */
function run() {
	if (release || !navigator.locks) {
		if (!navigator.locks && !engine) void startHere(() => undefined);
		return;
	}
	void navigator.locks.request(LOCK, async () => {
		if (!wanted || !(await isOn())) return;
		await new Promise<void>((done) => void startHere(done));
	});
}

async function startHere(done: () => void) {
	try {
		const { startEngine } = await import('$lib/sync/engine');
		engine = await startEngine(getDb(), { online: () => navigator.onLine });
		release = done;
	} catch {
		done();
	}
}

async function halt() {
	const stopping = engine;
	engine = null;
	await stopping?.stop();
	release?.();
	release = null;
}

/** Called once by the layout: starts sync if this device has it on. */
export async function startSyncIfOn(): Promise<void> {
	if (started) return;
	started = true;
	if (!(await isOn())) {
		listen();
		return;
	}
	listen();
	run();
}

export const syncActions = {
	async turnOn(input: TurnOnInput) {
		const { turnOn } = await import('$lib/sync/setup');
		await turnOn(getDb(), input, { appVersion: appVersion(), online: navigator.onLine });
		listen();
		await act('start', true);
	},
	async join(code: string) {
		const { joinWithCode } = await import('$lib/sync/setup');
		await joinWithCode(getDb(), code, { appVersion: appVersion(), online: navigator.onLine });
		listen();
		await act('start', true);
	},
	async turnOff() {
		await act('stop', true);
		const { turnOff } = await import('$lib/sync/setup');
		// Waits for whichever tab ran the engine to let go, so the replica is closed everywhere.
		if (navigator.locks) await navigator.locks.request(LOCK, () => turnOff(getDb()));
		else await turnOff(getDb());
	},
	syncNow: () => act('sync-now', true),
	async recordings(on: boolean) {
		const { setRecordings } = await import('$lib/sync/setup');
		await setRecordings(getDb(), on);
		await act('sync-now', true);
	},
	applyDeletes: () => act('apply-deletes', true),
	keepDeleted: () => act('keep-deleted', true),
	async joinCode() {
		const { joinCode } = await import('$lib/sync/setup');
		return joinCode(getDb());
	},
	/** The text of an automatic backup, to restore with the usual restore flow. */
	async backupText(id: string): Promise<string | undefined> {
		return (await read(getDb(), ['syncBackups'], (r) => r.syncBackups.get(id)))?.text;
	}
};
