/// <reference lib="webworker" />
/**
 * Reads a picked file off the main thread, so a page with a 5,000-row file stays responsive and
 * its progress bar moves. Keeps a generic CSV's rows until the person has mapped its columns.
 */
import type { SniffedCsv } from './csv-import';
import type { FromWorker, ToWorker } from './import-messages';
import { mapRows, parseImport, withKeys } from './import-parse';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let pending: SniffedCsv | undefined;
let lastSent = 0;

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
			pending = undefined;
			const bytes = new Uint8Array(await message.file.arrayBuffer());
			const { outcome, csv } = parseImport(bytes, message.name, progress);
			pending = csv;
			send({ type: 'result', outcome: withKeys(outcome) });
		} else if (pending) {
			send({ type: 'result', outcome: withKeys(mapRows(pending, message.mapping, progress)) });
		} else {
			send({ type: 'failed', message: 'Choose the file again: Kith no longer holds its rows.' });
		}
	} catch (error) {
		send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
