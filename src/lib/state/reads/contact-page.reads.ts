// A contact's page: the contact with who introduced them and whom they introduced, their
// touchpoints and interviews, and their referral chain. Three live queries, so that logging a
// touchpoint does not re-read the chain.
import type { Contact } from '$lib/domain/contact';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Interview } from '$lib/domain/interview';
import { balance, type Balance } from '$lib/domain/reciprocity';
import {
	chainDown,
	chainUp,
	gatherChain,
	type ChainDown,
	type ChainPerson,
	type ChainUp
} from '$lib/domain/referral-chain';
import type { Query } from './query';

export interface ContactPageView {
	contact?: Contact;
	introducer?: Contact;
	introduced: Contact[];
}

export function contactPage(id: string): Query<ContactPageView> {
	return async (r) => {
		const contact = await r.contacts.get(id);
		if (!contact) return { introduced: [] };
		const [introducer, introduced] = await Promise.all([
			contact.introducedById ? r.contacts.get(contact.introducedById) : undefined,
			r.contacts.introducedBy(id)
		]);
		return { contact, introducer, introduced };
	};
}

export interface Relationships {
	touchpoints: Touchpoint[];
	interviews: Interview[];
	balance: Balance;
}

export const NO_RELATIONSHIPS: Relationships = {
	touchpoints: [],
	interviews: [],
	balance: { received: {}, receivedTotal: 0, gave: [] }
};

/** A contact's touchpoints, interviews and what was given and received. */
export function contactRelationships(id: string): Query<Relationships> {
	return async (r) => {
		const [list, interviews] = await Promise.all([
			r.interactions.ofContact(id),
			r.interactions.interviewsOf(id)
		]);
		return { touchpoints: list, interviews, balance: balance(list) };
	};
}

export interface ChainView {
	up: ChainUp;
	down: ChainDown;
}

export const NO_CHAIN: ChainView = {
	up: { people: [], missing: false, cycle: false, truncated: false },
	down: { children: [], count: 0, truncated: false }
};

const asPerson = (c: Contact): ChainPerson => ({
	id: c.id,
	name: c.name,
	introducedById: c.introducedById,
	deleted: c.deletedAt !== undefined
});

/** A contact's referral chain, up to who started it and down to everyone it led to. */
export function referralChain(id: string): Query<ChainView> {
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
}
