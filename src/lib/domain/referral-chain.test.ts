import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	chainDown,
	chainUp,
	gatherChain,
	type ChainNode,
	type ChainPerson
} from './referral-chain';

function graph(people: ChainPerson[]) {
	const byId = new Map(people.map((p) => [p.id, p]));
	const kids = new Map<string, ChainPerson[]>();
	for (const p of people) {
		if (!p.introducedById) continue;
		kids.set(p.introducedById, [...(kids.get(p.introducedById) ?? []), p]);
	}
	return {
		get: (id: string) => byId.get(id),
		childrenOf: (id: string) => kids.get(id) ?? [],
		async: {
			get: async (id: string) => byId.get(id),
			childrenOf: async (ids: string[]) => ids.flatMap((id) => kids.get(id) ?? [])
		}
	};
}

const person = (id: string, introducedById?: string, deleted = false): ChainPerson => ({
	id,
	name: id.toUpperCase(),
	introducedById,
	deleted
});

/** Random introduction graphs over a few ids: links to anyone (itself included), or to nobody stored. */
const randomGraph = fc
	.integer({ min: 1, max: 14 })
	.chain((n) =>
		fc.array(
			fc.record({
				to: fc.option(fc.integer({ min: 0, max: n }), { nil: undefined }),
				deleted: fc.boolean()
			}),
			{ minLength: n, maxLength: n }
		)
	)
	.map((links) =>
		links.map((l, i) => person(`p${i}`, l.to === undefined ? undefined : `p${l.to}`, l.deleted))
	);

function flatten(nodes: ChainNode[], depth = 1): Array<{ node: ChainNode; depth: number }> {
	return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

describe('chain up', () => {
	it('goes from whoever started it down to the introducer', () => {
		const g = graph([person('a'), person('b', 'a'), person('c', 'b'), person('d', 'c')]);
		expect(chainUp('d', g.get).people.map((p) => p.id)).toEqual(['a', 'b', 'c']);
		expect(chainUp('a', g.get)).toEqual({
			people: [],
			missing: false,
			cycle: false,
			truncated: false
		});
	});

	it('stops at a loop and says so', () => {
		const g = graph([person('a', 'c'), person('b', 'a'), person('c', 'b')]);
		const up = chainUp('c', g.get);
		expect(up.people.map((p) => p.id)).toEqual(['a', 'b']);
		expect(up.cycle).toBe(true);
		expect(chainUp('s', graph([person('s', 's')]).get)).toMatchObject({ people: [], cycle: true });
	});

	it('notes an introducer that is gone, and keeps one in the trash', () => {
		const g = graph([person('a', 'gone'), person('b', 'a', true), person('c', 'b')]);
		const up = chainUp('c', g.get);
		expect(up.people.map((p) => [p.id, p.deleted])).toEqual([
			['a', false],
			['b', true]
		]);
		expect(up.missing).toBe(true);
	});

	it('stops at its depth limit', () => {
		const people = Array.from({ length: 50 }, (_, i) =>
			person(`n${i}`, i ? `n${i - 1}` : undefined)
		);
		const up = chainUp('n49', graph(people).get, 10);
		expect(up.people).toHaveLength(10);
		expect(up.truncated).toBe(true);
		expect(up.people.at(-1)!.id).toBe('n48');
	});

	it('on any graph, ends, never repeats anyone, and follows real links', () => {
		fc.assert(
			fc.property(randomGraph, fc.nat(), fc.integer({ min: 1, max: 20 }), (people, pick, max) => {
				const g = graph(people);
				const start = people[pick % people.length]!;
				const up = chainUp(start.id, g.get, max);
				const ids = up.people.map((p) => p.id);
				expect(new Set(ids).size).toBe(ids.length);
				expect(ids).not.toContain(start.id);
				expect(ids.length).toBeLessThanOrEqual(max);
				// Each person was introduced by the one before; the last introduced the start.
				const path = [...up.people, start];
				for (let i = 1; i < path.length; i++) expect(path[i]!.introducedById).toBe(path[i - 1]!.id);
				if (!up.cycle && !up.missing && !up.truncated && up.people.length)
					expect(up.people[0]!.introducedById).toBeUndefined();
			})
		);
	});
});

describe('chain down', () => {
	it('lists whom they introduced, and whom those introduced, by name', () => {
		const g = graph([
			person('a'),
			person('c', 'a'),
			person('b', 'a'),
			person('d', 'b'),
			person('x')
		]);
		const down = chainDown('a', g.childrenOf);
		expect(down.count).toBe(3);
		expect(down.children.map((n) => n.person.id)).toEqual(['b', 'c']);
		expect(down.children[0]!.children.map((n) => n.person.id)).toEqual(['d']);
	});

	it('does not loop on a cycle, nor show the person themselves', () => {
		const g = graph([person('a', 'b'), person('b', 'a')]);
		const down = chainDown('a', g.childrenOf);
		expect(flatten(down.children).map((f) => f.node.person.id)).toEqual(['b']);
	});

	it('keeps to its depth and size limits and says so', () => {
		const people = Array.from({ length: 30 }, (_, i) =>
			person(`n${i}`, i ? `n${i - 1}` : undefined)
		);
		const deep = chainDown('n0', graph(people).childrenOf, { depth: 4 });
		expect(deep.count).toBe(4);
		expect(deep.truncated).toBe(true);
		const wide = [person('hub'), ...Array.from({ length: 30 }, (_, i) => person(`k${i}`, 'hub'))];
		const cut = chainDown('hub', graph(wide).childrenOf, { max: 10 });
		expect(cut.count).toBe(10);
		expect(cut.truncated).toBe(true);
	});

	it('on any graph, ends, shows each person once, under the one who introduced them', () => {
		fc.assert(
			fc.property(
				randomGraph,
				fc.nat(),
				fc.integer({ min: 1, max: 6 }),
				fc.integer({ min: 1, max: 20 }),
				(people, pick, depth, max) => {
					const g = graph(people);
					const start = people[pick % people.length]!;
					const down = chainDown(start.id, g.childrenOf, { depth, max });
					const all = flatten(down.children);
					const ids = all.map((f) => f.node.person.id);
					expect(new Set(ids).size).toBe(ids.length);
					expect(ids).not.toContain(start.id);
					expect(ids.length).toBe(down.count);
					expect(down.count).toBeLessThanOrEqual(max);
					for (const { node, depth: d } of all) {
						expect(d).toBeLessThanOrEqual(depth);
						for (const child of node.children)
							expect(child.person.introducedById).toBe(node.person.id);
					}
					for (const top of down.children) expect(top.person.introducedById).toBe(start.id);
				}
			)
		);
	});

	it('reading through gatherChain gives the same chains as reading everything', async () => {
		await fc.assert(
			fc.asyncProperty(randomGraph, fc.nat(), async (people, pick) => {
				const g = graph(people);
				const start = people[pick % people.length]!.id;
				const { people: found, children } = await gatherChain(start, g.async);
				const get = (id: string) => found.get(id);
				const childrenOf = (id: string) => children.get(id) ?? [];
				expect(chainUp(start, get)).toEqual(chainUp(start, g.get));
				expect(chainDown(start, childrenOf)).toEqual(chainDown(start, g.childrenOf));
			})
		);
	});
});
