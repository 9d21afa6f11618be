import type { Contact } from '$lib/domain/contact';
import {
	chainDown,
	chainUp,
	gatherChain,
	type ChainDown,
	type ChainPerson,
	type ChainUp
} from '$lib/domain/referral-chain';
import { live } from './live.svelte';

export interface ChainView {
	up: ChainUp;
	down: ChainDown;
}

const asPerson = (c: Contact): ChainPerson => ({
	id: c.id,
	name: c.name,
	introducedById: c.introducedById,
	deleted: c.deletedAt !== undefined
});

const EMPTY: ChainView = {
	up: { people: [], missing: false, cycle: false, truncated: false },
	down: { children: [], count: 0, truncated: false }
};

/** A contact's referral chain, up and down, kept in step with the database. */
export function liveReferralChain(getId: () => string) {
	return live<ChainView>(() => {
		const id = getId();
		return async (r) => {
			const { people, children } = await gatherChain(id, {
				get: async (key) => {
					const c = await r.contacts.get(key);
					return c && asPerson(c);
				},
				childrenOf: async (ids) => (await r.contacts.introducedByAny(ids)).map(asPerson)
			});
			return {
				up: chainUp(id, (key) => people.get(key)),
				down: chainDown(id, (key) => children.get(key) ?? [])
			};
		};
	}, EMPTY);
}
