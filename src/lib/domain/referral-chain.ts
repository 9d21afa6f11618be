/**
 * Referral chains: who introduced whom. Each contact names at most one introducer, so the chain up
 * is a path and the people it led to form a tree. Imported or hand-edited data can still hold a
 * loop or a link to nobody, so every walk keeps a visited set and a depth limit: nothing here can
 * run forever, whatever the data says.
 */

export interface ChainPerson {
	id: string;
	name: string;
	introducedById?: string;
	/** In the trash: shown as deleted, still part of the chain (restoring brings it back). */
	deleted: boolean;
}

/** How far up a chain is followed; real chains are a handful of people long. */
export const CHAIN_UP_MAX = 30;
/** How many generations down are shown, and how many people in all. */
export const CHAIN_DOWN_DEPTH = 6;
export const CHAIN_DOWN_MAX = 200;

export interface ChainUp {
	/** From whoever started the chain down to the person who introduced this contact. */
	people: ChainPerson[];
	/** The top of the chain names an introducer that is no longer stored at all. */
	missing: boolean;
	/** The data loops back on itself; the walk stopped where it would have repeated. */
	cycle: boolean;
	/** The chain goes on beyond CHAIN_UP_MAX people. */
	truncated: boolean;
}

export interface ChainNode {
	person: ChainPerson;
	children: ChainNode[];
}

export interface ChainDown {
	children: ChainNode[];
	/** Everyone shown in the tree. */
	count: number;
	/** Some people were left out to keep the tree to its depth and size limits. */
	truncated: boolean;
}

export interface ChainLimits {
	up?: number;
	depth?: number;
	max?: number;
}

/** The chain from its start down to `id`'s introducer (not `id` itself). */
export function chainUp(
	id: string,
	get: (id: string) => ChainPerson | undefined,
	max = CHAIN_UP_MAX
): ChainUp {
	const people: ChainPerson[] = [];
	const seen = new Set([id]);
	let missing = false;
	let cycle = false;
	let truncated = false;
	let cursor = get(id)?.introducedById;
	while (cursor !== undefined) {
		if (seen.has(cursor)) {
			cycle = true;
			break;
		}
		if (people.length >= max) {
			truncated = true;
			break;
		}
		const person = get(cursor);
		if (!person) {
			missing = true;
			break;
		}
		seen.add(cursor);
		people.push(person);
		cursor = person.introducedById;
	}
	return { people: people.reverse(), missing, cycle, truncated };
}

/** The people `id` introduced, the people they introduced, and so on, names in order. */
export function chainDown(
	id: string,
	childrenOf: (id: string) => ChainPerson[],
	{ depth = CHAIN_DOWN_DEPTH, max = CHAIN_DOWN_MAX }: ChainLimits = {}
): ChainDown {
	const seen = new Set([id]);
	let count = 0;
	let truncated = false;
	const root: ChainNode[] = [];
	// Breadth first, so that when the size limit cuts the tree it keeps the nearest people.
	let level: Array<{ id: string; into: ChainNode[] }> = [{ id, into: root }];
	for (let generation = 0; level.length > 0; generation++) {
		const next: typeof level = [];
		for (const parent of level) {
			const kids = childrenOf(parent.id).filter((c) => !seen.has(c.id));
			if (kids.length === 0) continue;
			if (generation >= depth) {
				truncated = true;
				continue;
			}
			for (const person of [...kids].sort((a, b) => a.name.localeCompare(b.name))) {
				if (seen.has(person.id)) continue;
				if (count >= max) {
					truncated = true;
					break;
				}
				seen.add(person.id);
				count++;
				const node: ChainNode = { person, children: [] };
				parent.into.push(node);
				next.push({ id: person.id, into: node.children });
			}
		}
		level = next;
	}
	return { children: root, count, truncated };
}

/**
 * Reads just the people a contact's chain needs, through the given lookups (a database, a map),
 * with the same limits as the walks above; the result feeds `chainUp` and `chainDown`.
 */
export async function gatherChain(
	id: string,
	fetch: {
		get: (id: string) => Promise<ChainPerson | undefined>;
		childrenOf: (ids: string[]) => Promise<ChainPerson[]>;
	},
	{ up = CHAIN_UP_MAX, depth = CHAIN_DOWN_DEPTH, max = CHAIN_DOWN_MAX }: ChainLimits = {}
): Promise<{ people: Map<string, ChainPerson>; children: Map<string, ChainPerson[]> }> {
	const people = new Map<string, ChainPerson>();
	const children = new Map<string, ChainPerson[]>();
	const self = await fetch.get(id);
	if (self) people.set(id, self);
	let cursor = self?.introducedById;
	for (let i = 0; cursor !== undefined && i <= up && !people.has(cursor); i++) {
		const person = await fetch.get(cursor);
		if (!person) break;
		people.set(cursor, person);
		cursor = person.introducedById;
	}
	const reached = new Set([id]);
	let level = [id];
	for (let generation = 0; level.length > 0 && generation <= depth; generation++) {
		const kids = await fetch.childrenOf(level);
		const next: string[] = [];
		for (const kid of kids) {
			if (!kid.introducedById) continue;
			const list = children.get(kid.introducedById) ?? [];
			list.push(kid);
			children.set(kid.introducedById, list);
			if (!people.has(kid.id)) people.set(kid.id, kid);
			if (!reached.has(kid.id) && reached.size <= max) {
				reached.add(kid.id);
				next.push(kid.id);
			}
		}
		level = next;
	}
	return { people, children };
}
