/** A contact's referral chain as runes that follow the database (its read model is contact-page.reads). */
import { live } from './live.svelte';
import { NO_CHAIN, referralChain } from './reads/contact-page.reads';

export type { ChainView } from './reads/contact-page.reads';

/** A contact's referral chain, up and down, kept in step with the database. */
export function liveReferralChain(getId: () => string) {
	return live(() => referralChain(getId()), NO_CHAIN);
}
