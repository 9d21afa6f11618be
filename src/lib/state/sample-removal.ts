/** The words of the confirmation before the sample network is removed. Stores nothing. */
import type { SampleDataSummary } from '$lib/services/sample-data.service';

export type SampleRemoval = SampleDataSummary;

/** The confirmation before the sample data goes: how many, including edited ones, and what stays. */
export function removeSampleMessage({ count, edited }: SampleRemoval): string {
	const people = `${count} sample ${count === 1 ? 'contact' : 'contacts'}`;
	const including = edited > 0 ? `, including ${edited} you changed` : '';
	return `${people} will be deleted for good${including}. This cannot be undone. Your own contacts stay.`;
}
