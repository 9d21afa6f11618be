/**
 * The microphone and the browser's recorder (MediaRecorder). A take is held in memory, in
 * chunks, until it is stopped; nothing is stored here. Loaded only when the user asks to record.
 */

// The first of these the browser records wins; Safari records only mp4.
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

export function recordingSupported(): boolean {
	return (
		typeof MediaRecorder !== 'undefined' &&
		typeof navigator !== 'undefined' &&
		typeof navigator.mediaDevices?.getUserMedia === 'function'
	);
}

/** Asks for the microphone. */
export function openMicrophone(): Promise<MediaStream> {
	return navigator.mediaDevices.getUserMedia({ audio: true });
}

/** One recording from an open microphone, from `start` to `stop`. */
export class AudioTake {
	readonly #recorder: MediaRecorder;
	#chunks: Blob[] = [];

	/** Throws when the browser cannot record this stream. */
	constructor(stream: MediaStream) {
		const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported?.(t));
		this.#recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
		this.#recorder.ondataavailable = (e) => {
			if (e.data.size > 0) this.#chunks.push(e.data);
		};
	}

	get running(): boolean {
		return this.#recorder.state !== 'inactive';
	}

	start(): void {
		this.#recorder.start(500);
	}

	/** Stops and hands over the audio (possibly empty) and its type. */
	stop(): Promise<{ blob: Blob; mimeType: string }> {
		const recorder = this.#recorder;
		return new Promise((resolve) => {
			recorder.onstop = () => {
				const mimeType = recorder.mimeType || this.#chunks[0]?.type || 'audio/webm';
				const blob = new Blob(this.#chunks, { type: mimeType });
				this.#chunks = [];
				resolve({ blob, mimeType });
			};
			recorder.stop();
		});
	}

	/** Stops without keeping anything. */
	discard(): void {
		this.#recorder.ondataavailable = null;
		if (this.running) this.#recorder.stop();
		this.#chunks = [];
	}
}
