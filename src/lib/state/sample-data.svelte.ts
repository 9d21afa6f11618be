/**
 * Removing the sample network, as Today and Settings both offer it: say how many people go
 * (edited ones included) and wait for a yes, then remove them and say so.
 */
import { count } from '$lib/domain/plural';
import { sampleData } from '$lib/services/app';
import { attempt } from './attempt';
import { removeSampleMessage, type SampleRemoval } from './sample-removal';

export class SampleRemovalFlow {
	/** What the removal would delete, while the confirmation is open. */
	pending = $state<SampleRemoval>();

	get message(): string {
		return this.pending ? removeSampleMessage(this.pending) : '';
	}

	async ask(): Promise<void> {
		const summary = await attempt(() => sampleData.summary());
		if (summary.ok) this.pending = summary.value;
	}

	cancel(): void {
		this.pending = undefined;
	}

	/** True when the sample contacts are gone. */
	async confirm(): Promise<boolean> {
		this.pending = undefined;
		const removed = await attempt(() => sampleData.remove(), {
			success: (n) =>
				`Removed ${count(n, 'sample contact', 'sample contacts')} and what came with them. Your own records are still here.`
		});
		return removed.ok;
	}
}
