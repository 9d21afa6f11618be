// @vitest-environment node
// The contact screens' read models: the list, the trash, a contact's page and the contact forms.
import { describe, expect, it } from 'vitest';
import { contactCount, lastBackupAt, sampleDataPresent, tagsInUse } from './common.reads';
import {
	contactById,
	contactNames,
	likelyDuplicates,
	mergeCandidates,
	mergePair,
	touchpointForm
} from './contact-forms.reads';
import { contactSearch, listedContacts, trashCount, trashedContacts } from './contact-list.reads';
import { contactPage, contactRelationships, referralChain } from './contact-page.reads';
import { makeContact, makeTouchpoint, NOON, testRepos } from './testing/rows';

async function network() {
	const r = testRepos();
	const ana = makeContact({ name: 'Ana Lima', tags: ['mentor', 'design'], circle: 'coworkers' });
	const ben = makeContact({ name: 'Ben Ode', introducedById: ana.id, tags: ['design'] });
	const cleo = makeContact({ name: 'Cleo Lima', introducedById: ben.id });
	const dan = makeContact({ name: 'Dan Vogt', introducedById: ana.id, deletedAt: NOON - 1000 });
	const eli = makeContact({ name: 'Eli Park', deletedAt: NOON });
	await r.contacts.bulkPut([ana, ben, cleo, dan, eli]);
	return { r, ana, ben, cleo, dan, eli };
}

describe('contact list and trash', () => {
	it('counts, searches and lists the trash, the latest deleted first', async () => {
		const { r, ana, cleo, dan, eli } = await network();
		expect(await contactCount(r)).toBe(3);
		expect(await trashCount(r)).toBe(2);
		expect((await trashedContacts(r)).map((c) => c.id)).toEqual([eli.id, dan.id]);
		const found = await contactSearch({ query: 'lima' })(r);
		expect(found.contacts.map((c) => c.id).sort()).toEqual([ana.id, cleo.id].sort());
		expect(found.truncated).toBe(false);
		expect(
			(await contactSearch({ query: '', tag: 'mentor' })(r)).contacts.map((c) => c.id)
		).toEqual([ana.id]);
		expect(await tagsInUse(r)).toEqual(['design', 'mentor']);
		const listed = await listedContacts(r);
		expect(listed.map((c) => c.name).sort()).toEqual(['Ana Lima', 'Ben Ode', 'Cleo Lima']);
		expect(listed.find((c) => c.id === ana.id)?.words).toEqual(
			expect.arrayContaining(['ana', 'lima', 'mentor'])
		);
	});

	it('reads the sample flag and the last backup from the settings', async () => {
		const { r, ana } = await network();
		expect(await sampleDataPresent(r)).toBe(false);
		expect(await lastBackupAt(r)).toBeUndefined();
		await r.settings.set('sampleContactIds', [ana.id]);
		await r.settings.set('lastBackupAt', NOON);
		expect(await sampleDataPresent(r)).toBe(true);
		expect(await lastBackupAt(r)).toBe(NOON);
	});
});

describe("a contact's page", () => {
	it('reads the contact, who introduced them and whom they introduced', async () => {
		const { r, ana, ben, cleo } = await network();
		const page = await contactPage(ben.id)(r);
		expect(page.contact?.name).toBe('Ben Ode');
		expect(page.introducer?.id).toBe(ana.id);
		expect(page.introduced.map((c) => c.id)).toEqual([cleo.id]);
		expect((await contactPage(ana.id)(r)).introduced.map((c) => c.name)).toEqual([
			'Ben Ode',
			'Dan Vogt'
		]);
		expect(await contactPage('nobody')(r)).toEqual({ introduced: [] });
	});

	it('adds up the touchpoints and follows the referral chain both ways', async () => {
		const { r, ana, ben, cleo } = await network();
		await r.interactions.put(makeTouchpoint(ben.id, { on: '2026-05-01', received: ['names'] }));
		await r.interactions.put(
			makeTouchpoint(ben.id, { on: '2026-05-09', received: ['names', 'interview'], gave: 'Coffee' })
		);
		const rel = await contactRelationships(ben.id)(r);
		expect(rel.touchpoints.map((t) => t.on)).toEqual(['2026-05-09', '2026-05-01']);
		expect(rel.balance.received).toEqual({ names: 2, interview: 1 });
		expect(rel.balance.receivedTotal).toBe(3);
		expect(rel.balance.gave).toEqual([{ on: '2026-05-09', text: 'Coffee' }]);

		const chain = await referralChain(cleo.id)(r);
		expect(chain.up.people.map((p) => p.name)).toEqual(['Ana Lima', 'Ben Ode']);
		const down = await referralChain(ana.id)(r);
		expect(down.down.count).toBe(3);
		expect(down.down.children.map((n) => n.person.name).sort()).toEqual(['Ben Ode', 'Dan Vogt']);
		expect(down.down.children.find((n) => n.person.name === 'Dan Vogt')?.person.deleted).toBe(true);
	});
});

describe('the contact forms', () => {
	it('read a contact, a touchpoint to edit, and the names of live contacts', async () => {
		const { r, ana, ben } = await network();
		expect((await contactById(ana.id)(r))?.name).toBe('Ana Lima');
		const t = makeTouchpoint(ana.id, { summary: 'Lunch' });
		await r.interactions.put(t);
		const editing = await touchpointForm(ana.id, t.id)(r);
		expect(editing.contact?.id).toBe(ana.id);
		expect(editing.existing?.summary).toBe('Lunch');
		expect(await touchpointForm(ben.id, 'new')(r)).toEqual({ contact: ben, existing: undefined });
		expect((await contactNames(r)).map((c) => c.name)).toEqual([
			'Ana Lima',
			'Ben Ode',
			'Cleo Lima'
		]);
	});

	it('read the two contacts of a merge, their introducers, and the likely duplicates', async () => {
		const { r, ana, ben, cleo } = await network();
		const pair = await mergePair(cleo.id, ben.id)(r);
		expect(pair.keep?.id).toBe(cleo.id);
		expect(pair.other?.id).toBe(ben.id);
		expect(pair.names).toEqual({ [ben.id]: 'Ben Ode', [ana.id]: 'Ana Lima' });
		expect((await mergePair(ana.id, '')(r)).other).toBeUndefined();
		expect((await mergeCandidates('lima', ana.id)(r)).map((c) => c.name)).toEqual(['Cleo Lima']);
		expect((await likelyDuplicates('Cleo Lima', cleo.id)(r)).map((c) => c.id)).toEqual([ana.id]);
		expect(await likelyDuplicates('', cleo.id)(r)).toEqual([]);
	});
});
