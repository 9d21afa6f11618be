/**
 * Recording a rehearsal with the microphone (MediaRecorder). Loaded only when the user asks to
 * record. Audio stays in memory until the run is stopped; only a finished recording is handed
 * over to be stored, so leaving the page mid-recording leaves nothing half-written behind.
 */

export interface FinishedRecording {
	blob: Blob;
	mimeType: string;
	durationMs: number;
}

export function recordingSupported(): boolean {
	return (
		typeof MediaRecorder !== 'undefined' &&
		typeof navigator !== 'undefined' &&
		typeof navigator.mediaDevices?.getUserMedia === 'function'
	);
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

const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

export class VoiceRecorder {
	status = $state<'off' | 'asking' | 'ready' | 'recording' | 'failed'>('off');
	problem = $state('');
	#stream: MediaStream | undefined;
	#recorder: MediaRecorder | undefined;
	#chunks: Blob[] = [];
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
			const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
			if (this.#disposed) {
				for (const t of stream.getTracks()) t.stop();
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
		const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported?.(t));
		try {
			this.#recorder = new MediaRecorder(this.#stream, mimeType ? { mimeType } : undefined);
		} catch (error) {
			this.status = 'failed';
			this.problem = describeMicError(error);
			return;
		}
		this.#chunks = [];
		this.#recorder.ondataavailable = (e) => {
			if (e.data.size > 0) this.#chunks.push(e.data);
		};
		this.#startedAt = Date.now();
		this.#recorder.start(500);
		this.status = 'recording';
	}

	/** Stops and returns the recording, or undefined when there is nothing worth keeping. */
	stop(): Promise<FinishedRecording | undefined> {
		const recorder = this.#recorder;
		if (!recorder || recorder.state === 'inactive') return Promise.resolve(undefined);
		return new Promise((resolve) => {
			recorder.onstop = () => {
				this.#recorder = undefined;
				if (!this.#disposed) this.status = 'ready';
				const type = recorder.mimeType || this.#chunks[0]?.type || 'audio/webm';
				const blob = new Blob(this.#chunks, { type });
				this.#chunks = [];
				resolve(
					this.#disposed || blob.size === 0
						? undefined
						: { blob, mimeType: type, durationMs: Date.now() - this.#startedAt }
				);
			};
			recorder.stop();
		});
	}

	/** Lets go of the microphone; a recording still running is thrown away. */
	dispose(): void {
		this.#disposed = true;
		if (this.#recorder && this.#recorder.state !== 'inactive') {
			this.#recorder.ondataavailable = null;
			this.#recorder.stop();
		}
		this.#chunks = [];
		for (const t of this.#stream?.getTracks() ?? []) t.stop();
		this.#stream = undefined;
		this.status = 'off';
	}
}
