// @vitest-environment node
// The Settings screens' and the Network page's read models.
import { describe, expect, it } from 'vitest';
import { networkView } from './network.reads';
import { savedMyCard } from './settings.reads';
import { makeContact, makeTouchpoint, NOON, testRepos } from './testing/rows';

describe('settings and network read models', () => {
	it("read the user's own card as saved", async () => {
		const r = testRepos();
		expect(await savedMyCard(r)).toBeUndefined();
		await r.settings.set('myCard', { name: 'Sam Rivers', headline: 'Designer', links: [] });
		expect(await savedMyCard(r)).toEqual({ name: 'Sam Rivers', headline: 'Designer', links: [] });
	});

	it('count the network: live people, who introduced whom, and what came of it', async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana', circle: 'coworkers' });
		const ben = makeContact({ name: 'Ben', introducedById: ana.id, circle: 'coworkers' });
		const cleo = makeContact({ name: 'Cleo', introducedById: ben.id });
		const gone = makeContact({ name: 'Gone', deletedAt: NOON });
		await r.contacts.bulkPut([ana, ben, cleo, gone]);
		await r.interactions.put(makeTouchpoint(cleo.id, { received: ['interview'] }));
		await r.interactions.put(makeTouchpoint(ben.id, { received: ['names', 'interview'] }));
		const stats = await networkView(r);
		expect(stats.live).toBe(3);
		expect(stats.outcomes).toEqual({ interview: 2, names: 1 });
		const byName = Object.fromEntries(stats.introducers.map((p) => [p.name, p]));
		expect(byName.Ana).toMatchObject({ direct: 1, reach: 2 });
		expect(byName.Ben).toMatchObject({ direct: 1, reach: 1 });
		expect(stats.circles.find((c) => c.id === 'coworkers')?.count).toBe(2);
	});
});
