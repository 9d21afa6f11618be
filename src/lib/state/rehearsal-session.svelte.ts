/**
 * One card of a rehearsal (deck or cram): the timer, the measured run, and the optional
 * recording. The recorder code loads only when the user asks to record.
 */
import { Stopwatch } from './rehearsal-stopwatch.svelte';
import type { FinishedRecording, VoiceRecorder } from './rehearsal-recorder.svelte';

export interface KeptRecording {
	id: string;
	url: string;
	durationMs: number;
}

export class RehearsalSession {
	stopwatch = new Stopwatch();
	/** Milliseconds of the last stopped run on this card. */
	measuredMs = $state<number>();
	recordWanted = $state(false);
	recorder = $state<VoiceRecorder>();
	last = $state<KeptRecording>();
	/** Set when the recording could not be kept. */
	saveProblem = $state('');

	constructor(
		private readonly keep: (recording: FinishedRecording) => Promise<string | undefined>
	) {}

	get status() {
		return this.recorder?.status ?? 'off';
	}

	get problem() {
		return this.recorder?.problem || this.saveProblem;
	}

	async toggleRecording(on: boolean): Promise<void> {
		this.recordWanted = on;
		this.saveProblem = '';
		if (!on) {
			this.recorder?.dispose();
			this.recorder = undefined;
			return;
		}
		const { VoiceRecorder } = await import('./rehearsal-recorder.svelte');
		this.recorder ??= new VoiceRecorder();
		await this.recorder.prepare();
	}

	start(): void {
		this.measuredMs = undefined;
		this.stopwatch.start();
		if (this.recordWanted && this.recorder?.status === 'ready') this.recorder.start();
	}

	async stop(): Promise<void> {
		this.measuredMs = this.stopwatch.stop();
		if (this.recorder?.status !== 'recording') return;
		const finished = await this.recorder.stop();
		if (!finished) return;
		try {
			const id = await this.keep(finished);
			if (!id) return;
			this.#forgetLast();
			this.last = { id, url: URL.createObjectURL(finished.blob), durationMs: finished.durationMs };
		} catch {
			this.saveProblem =
				'The recording could not be kept: the phone may be out of space. Your rehearsal still counts.';
		}
	}

	/** The recording on screen was deleted. */
	dropLast(): void {
		this.#forgetLast();
	}

	/** On to the next card: the timer starts from zero; the microphone stays ready. */
	next(): void {
		this.stopwatch.reset();
		this.measuredMs = undefined;
		this.#forgetLast();
	}

	#forgetLast() {
		if (this.last) URL.revokeObjectURL(this.last.url);
		this.last = undefined;
	}

	/** Leaving the page: a recording still running is thrown away, never half kept. */
	dispose(): void {
		this.stopwatch.dispose();
		this.recorder?.dispose();
		this.#forgetLast();
	}
}
