/** The user's speaking rate as pages need it: the calibrated one, or the default until then. */
import { DEFAULT_WPM } from '$lib/domain/pitch-timing';
import { live } from './live.svelte';
import { wordsPerMinute } from './reads/common.reads';

export function speakingRate() {
	const stored = live(() => wordsPerMinute, undefined);
	return {
		get wpm(): number {
			return stored.value ?? DEFAULT_WPM;
		},
		get calibrated(): boolean {
			return stored.value !== undefined;
		}
	};
}
