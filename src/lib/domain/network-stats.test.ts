import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from './touchpoint';
import { networkStats, outcomeCount, type NetworkContact } from './network-stats';

const c = (id: string, fields: Partial<NetworkContact> = {}): NetworkContact => ({
	id,
	name: id,
	...fields
});
const got = (contactId: string, ...received: Outcome[]) => ({ contactId, received });

describe('network stats', () => {
	it('spreads live contacts over circles, largest first', () => {
		const stats = networkStats(
			[
				c('a', { circle: 'alumni' }),
				c('b', { circle: 'alumni' }),
				c('c', { circle: 'gym' }),
				c('d'),
				c('e', { circle: 'gym', deletedAt: 1 })
			],
			[]
		);
		expect(stats.live).toBe(4);
		expect(stats.circles.map((x) => [x.id, x.count, x.share])).toEqual([
			['alumni', 2, 0.5],
			['gym', 1, 0.25],
			['', 1, 0.25]
		]);
		expect(stats.circles.at(-1)!.label).toBe('No circle yet');
	});

	it('ranks introducers by the people they introduced, with their whole reach', () => {
		const stats = networkStats(
			[
				c('Maya'),
				c('Ben', { introducedById: 'Maya' }),
				c('Cleo', { introducedById: 'Maya' }),
				c('Dev', { introducedById: 'Ben' }),
				c('Eli', { introducedById: 'Ben' }),
				c('Fay', { introducedById: 'Ben' }),
				c('Gus', { introducedById: 'Maya', deletedAt: 5 })
			],
			[]
		);
		expect(stats.introducers.map((i) => [i.id, i.direct, i.reach])).toEqual([
			['Ben', 3, 3],
			['Maya', 2, 5]
		]);
	});

	it('credits outcomes to everyone up the chain of the person they came from', () => {
		const stats = networkStats(
			[
				c('Maya'),
				c('Ben', { introducedById: 'Maya' }),
				c('Dev', { introducedById: 'Ben' }),
				c('Solo')
			],
			[
				got('Dev', 'interview', 'interview'),
				got('Dev', 'interview', 'resume-tips'),
				got('Ben', 'interview'),
				got('Solo', 'job-offer'),
				{ ...got('Ben', 'job-offer'), deletedAt: 3 }
			]
		);
		expect(stats.outcomes).toEqual({ interview: 3, 'resume-tips': 1, 'job-offer': 1 });
		expect(stats.sources.map((s) => [s.id, s.counts])).toEqual([
			['Maya', { interview: 3, 'resume-tips': 1 }],
			['Ben', { interview: 2, 'resume-tips': 1 }]
		]);
		expect(outcomeCount(stats.sources[0]!.counts.interview!, 'interview')).toBe('3 interviews');
		expect(outcomeCount(1, 'job-offer')).toBe('1 job offer');
	});

	it('tells a chain that brought the same outcomes once, by its start', () => {
		const stats = networkStats(
			[
				c('Zed'),
				c('Ben', { introducedById: 'Zed' }),
				c('Cleo', { introducedById: 'Ben' }),
				c('Dev', { introducedById: 'Cleo' })
			],
			[got('Dev', 'interview')]
		);
		expect(stats.sources.map((s) => [s.id, s.via.map((v) => v.id)])).toEqual([
			['Zed', ['Ben', 'Cleo']]
		]);
	});

	it('does not hang or double count on a loop', () => {
		const stats = networkStats(
			[
				c('a', { introducedById: 'b' }),
				c('b', { introducedById: 'a' }),
				c('s', { introducedById: 's' })
			],
			[got('a', 'interview'), got('s', 'names')]
		);
		expect(stats.sources.map((s) => [s.id, s.counts])).toEqual([['b', { interview: 1 }]]);
		expect(stats.introducers.map((i) => [i.id, i.direct])).toEqual([
			['a', 1],
			['b', 1]
		]);
	});

	it('on any graph, no one is credited more than was received', () => {
		const graph = fc.integer({ min: 1, max: 12 }).chain((n) =>
			fc.tuple(
				fc.array(fc.option(fc.integer({ min: 0, max: n }), { nil: undefined }), {
					minLength: n,
					maxLength: n
				}),
				fc.array(
					fc.tuple(
						fc.integer({ min: 0, max: n - 1 }),
						fc.constantFrom<Outcome>('interview', 'names')
					)
				)
			)
		);
		fc.assert(
			fc.property(graph, ([links, received]) => {
				const contacts = links.map((to, i) =>
					c(`p${i}`, to === undefined ? {} : { introducedById: `p${to}` })
				);
				const stats = networkStats(
					contacts,
					received.map(([who, o]) => got(`p${who}`, o)),
					{ top: 100 }
				);
				for (const s of stats.sources)
					for (const [o, n] of Object.entries(s.counts))
						expect(n).toBeLessThanOrEqual(stats.outcomes[o as Outcome] ?? 0);
				expect(stats.circles.reduce((a, x) => a + x.count, 0)).toBe(contacts.length);
			})
		);
	});
});
