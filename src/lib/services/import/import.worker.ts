/// <reference lib="webworker" />
/**
 * The import's heavy work, off the page's thread: reading the picked file, finding duplicates
 * among the kept contacts, and writing thousands of contacts in one transaction. The page keeps a
 * progress bar moving and hears only the preview and the receipt. Writes reach the page's own
 * database connection, and its live queries, through Dexie's cross-context change events.
 */
import { getDb } from '$lib/db';
import { ImportJob } from './import-job';
import { toWire, type FromWorker, type ToWorker } from './import-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const job = new ImportJob(getDb());
let lastSent = 0;

// Opened while the person picks a file, so the preview does not wait for it.
getDb()
	.open()
	.catch(() => {
		// Reported with the step that needs the database.
	});

function send(message: FromWorker) {
	scope.postMessage(message);
}

function progress(done: number, total: number) {
	const now = performance.now();
	// Enough updates for a smooth bar without flooding the page with messages.
	if (done < total && now - lastSent < 30) return;
	lastSent = now;
	send({ type: 'progress', done, total });
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
	const message = event.data;
	try {
		if (message.type === 'parse') {
			const bytes = new Uint8Array(await message.file.arrayBuffer());
			send({
				type: 'result',
				outcome: await job.read(bytes, message.name, progress, message.encoding)
			});
		} else if (message.type === 'map') {
			send({ type: 'result', outcome: await job.map(message.mapping, progress) });
		} else {
			send({ type: 'saved', receipt: await job.run(message.decisions, progress) });
		}
	} catch (error) {
		send({ type: 'failed', error: toWire(error) });
	}
};
