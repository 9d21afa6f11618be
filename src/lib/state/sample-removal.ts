/** The words of the confirmation before the sample network is removed. Stores nothing. */
import { count } from '$lib/domain/plural';
import type { SampleDataSummary } from '$lib/services/sample-data.service';

export type SampleRemoval = SampleDataSummary;

/**
 * The confirmation before the sample data goes: how many people, including edited ones, the
 * sample pitches and interviews that go with them, and what stays.
 */
export function removeSampleMessage({
	count: people,
	edited,
	pitches = 0,
	interviews = 0
}: Pick<SampleRemoval, 'count' | 'edited'> & Partial<SampleRemoval>): string {
	const who = `${count(people, 'sample contact', 'sample contacts')} will be deleted for good`;
	const including = edited > 0 ? `, including ${edited} you changed` : '';
	const more = [
		pitches > 0 ? count(pitches, 'sample pitch', 'sample pitches') : '',
		interviews > 0 ? count(interviews, 'interview', 'interviews') : ''
	].filter(Boolean);
	const also = more.length > 0 ? `, and so will ${more.join(' and ')}` : '';
	const stays =
		more.length > 0
			? 'Your own contacts stay, and so do your own pitches and interviews.'
			: 'Your own contacts stay.';
	return `${who}${including}${also}. This cannot be undone. ${stays}`;
}
