// Starts sync when the app opens, if this device has it on, or when another tab turns it on;
// nothing of sync, or of Dexie, loads in a tab that has no use for it.
import { peekSyncOn } from '$lib/db/peek';

let listening = false;

async function start() {
	const { startSyncIfOn } = await import('./sync.svelte');
	await startSyncIfOn();
}

export async function startSyncIfOn(): Promise<void> {
	if (await peekSyncOn().catch(() => false)) return start();
	// Turned on in another tab later: this tab joins in (and takes over when that tab closes).
	if (listening || typeof BroadcastChannel === 'undefined') return;
	listening = true;
	const channel = new BroadcastChannel('kith-sync');
	channel.onmessage = (event: MessageEvent<string>) => {
		if (event.data !== 'start') return;
		channel.close();
		void start();
	};
}
