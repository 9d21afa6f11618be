/**
 * Recording a rehearsal with the microphone: what the recorder is doing, in words for the card.
 * The browser part is device/microphone. Loaded only when the user asks to record. Audio stays
 * in memory until the run is stopped; only a finished recording is handed over to be stored, so
 * leaving the page mid-recording leaves nothing half-written behind.
 */
import { stopStream } from '$lib/device/media-stream';
import { AudioTake, openMicrophone, recordingSupported } from '$lib/device/microphone';

export interface FinishedRecording {
	blob: Blob;
	mimeType: string;
	durationMs: number;
}

export function describeMicError(error: unknown): string {
	const name = (error as { name?: string } | null)?.name;
	if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
		return 'Kith is not allowed to use the microphone, so it cannot record. To record yourself, allow the microphone for this site in your browser settings. Rehearsing works just the same without it.';
	if (name === 'NotFoundError' || name === 'OverconstrainedError')
		return 'No microphone was found on this device. Rehearsing works just the same without recording.';
	if (name === 'NotReadableError' || name === 'AbortError')
		return 'The microphone is busy with another app. Close it and try again, or rehearse without recording.';
	return 'The microphone could not be started. Rehearsing works just the same without recording.';
}

export class VoiceRecorder {
	status = $state<'off' | 'asking' | 'ready' | 'recording' | 'failed'>('off');
	problem = $state('');
	#stream: MediaStream | undefined;
	#take: AudioTake | undefined;
	#startedAt = 0;
	#disposed = false;

	/** Asks for the microphone; true when recording can start. */
	async prepare(): Promise<boolean> {
		if (this.#stream) return true;
		if (!recordingSupported()) {
			this.status = 'failed';
			this.problem =
				'This browser cannot record audio. Rehearsing works just the same without recording.';
			return false;
		}
		this.status = 'asking';
		try {
			const stream = await openMicrophone();
			if (this.#disposed) {
				stopStream(stream);
				return false;
			}
			this.#stream = stream;
			this.status = 'ready';
			this.problem = '';
			return true;
		} catch (error) {
			this.status = 'failed';
			this.problem = describeMicError(error);
			return false;
		}
	}

	start(): void {
		if (!this.#stream || this.status !== 'ready') return;
		try {
			this.#take = new AudioTake(this.#stream);
		} catch (error) {
			this.status = 'failed';
			this.problem = describeMicError(error);
			return;
		}
		this.#startedAt = Date.now();
		this.#take.start();
		this.status = 'recording';
	}

	/** Stops and returns the recording, or undefined when there is nothing worth keeping. */
	async stop(): Promise<FinishedRecording | undefined> {
		const take = this.#take;
		if (!take?.running) return undefined;
		const { blob, mimeType } = await take.stop();
		this.#take = undefined;
		if (!this.#disposed) this.status = 'ready';
		return this.#disposed || blob.size === 0
			? undefined
			: { blob, mimeType, durationMs: Date.now() - this.#startedAt };
	}

	/** Lets go of the microphone; a recording still running is thrown away. */
	dispose(): void {
		this.#disposed = true;
		this.#take?.discard();
		stopStream(this.#stream);
		this.#stream = undefined;
		this.status = 'off';
	}
}
