// The Network page's one read: every contact's place in the chains and every touchpoint's outcome.
import { networkStats, type NetworkStats } from '$lib/domain/network-stats';
import type { Query } from './query';

export const networkView: Query<NetworkStats> = async (r) => {
	const [people, touchpoints] = await Promise.all([r.contacts.network(), r.interactions.all()]);
	return networkStats(people, touchpoints);
};
