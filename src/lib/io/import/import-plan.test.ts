import { describe, expect, it } from 'vitest';
import { makeContact } from '$lib/domain/testing/factories';
import type { Contact } from '$lib/domain/contact';
import fc from 'fast-check';
import {
	countImport,
	digestPlan,
	planImport,
	resolveImport,
	type DuplicateChoice,
	type ImportDecisions,
	type ImportDraft
} from './import-plan';

function draft(line: number, fields: Partial<ImportDraft> = {}): ImportDraft {
	return { line, name: `Person ${line}`, emails: [], phones: [], links: [], tags: [], ...fields };
}

const kept = makeContact({
	name: 'Ada Lovelace',
	organization: 'Analytical Engines',
	emails: ['ada@example.org']
});
const grace = makeContact({
	name: 'Grace Hopper',
	links: ['https://www.linkedin.com/in/grace-hopper'],
	role: 'Rear admiral'
});
const existing = new Map<string, Contact>([
	[kept.id, kept],
	[grace.id, grace]
]);

const drafts: ImportDraft[] = [
	draft(2, { name: 'Ada Lovelace', emails: ['ADA@example.org'], phones: ['+1 555 0100'] }),
	draft(3, {
		name: 'G. Hopper',
		links: ['https://linkedin.com/in/grace-hopper/'],
		organization: 'US Navy'
	}),
	draft(4, { name: 'Sam Lee', organization: 'Acme Inc', emails: ['sam@example.org'] }),
	draft(5, { name: 'Lee, Sam', organization: 'ACME', role: 'Designer' }),
	draft(6, { name: 'Noor Haddad' })
];

function ids() {
	let n = 0;
	return () => `new-${++n}`;
}

function decide(fields: Partial<ImportDecisions> = {}): ImportDecisions {
	return { choices: new Map(), all: 'merge', prefer: 'existing', ...fields };
}

describe('planImport', () => {
	it('finds duplicates of kept contacts and of earlier rows, with their reasons', () => {
		const plan = planImport(drafts, [...existing.values()]);
		expect(plan.duplicates).toEqual([
			{
				index: 0,
				row: { line: 2, name: 'Ada Lovelace' },
				target: {
					kind: 'existing',
					id: kept.id,
					name: 'Ada Lovelace',
					organization: 'Analytical Engines'
				},
				reasons: ['email']
			},
			{
				index: 1,
				row: { line: 3, name: 'G. Hopper', organization: 'US Navy' },
				target: { kind: 'existing', id: grace.id, name: 'Grace Hopper' },
				reasons: ['linkedin']
			},
			{
				index: 3,
				row: { line: 5, name: 'Lee, Sam', organization: 'ACME' },
				target: { kind: 'row', index: 2, line: 4, name: 'Sam Lee', organization: 'Acme Inc' },
				reasons: ['name']
			}
		]);
	});

	it('leaves the trash out when given only live contacts, and finds nothing in an empty book', () => {
		expect(planImport(drafts, []).duplicates.map((d) => d.index)).toEqual([3]);
	});
});

describe('resolveImport', () => {
	const plan = planImport(drafts, [...existing.values()]);
	const at = 1_800_000_000_000;

	it('merges by default: fills kept contacts and joins repeated rows', () => {
		const r = resolveImport(plan, decide(), existing, { now: at, newId: ids() });
		expect(r.counts).toEqual({ added: 2, updated: 2, skipped: 0, unchanged: 0, combined: 1 });
		const ada = r.update.find((c) => c.id === kept.id)!;
		expect(ada.phones).toEqual(['+1 555 0100']);
		expect(ada.emails).toEqual(['ada@example.org']);
		expect(ada.updatedAt).toBe(at);
		expect(ada.createdAt).toBe(kept.createdAt);
		const g = r.update.find((c) => c.id === grace.id)!;
		expect(g).toMatchObject({
			name: 'Grace Hopper',
			role: 'Rear admiral',
			organization: 'US Navy'
		});
		expect(r.add.map((c) => c.name)).toEqual(['Sam Lee', 'Noor Haddad']);
		expect(r.add[0]).toMatchObject({ role: 'Designer', emails: ['sam@example.org'] });
		expect(r.add[0]).not.toHaveProperty('line');
	});

	it('skips, adds anyway, or merges, one duplicate at a time', () => {
		const r = resolveImport(
			plan,
			decide({
				choices: new Map([
					[0, 'skip'],
					[1, 'add']
				]),
				all: 'merge'
			}),
			existing,
			{ now: at, newId: ids() }
		);
		expect(r.counts).toEqual({ added: 3, updated: 0, skipped: 1, unchanged: 0, combined: 1 });
		expect(r.add.map((c) => c.name)).toEqual(['G. Hopper', 'Sam Lee', 'Noor Haddad']);
	});

	it('applies a choice for all, and adds every row when told to', () => {
		const skipAll = resolveImport(plan, decide({ all: 'skip' }), existing, {
			now: at,
			newId: ids()
		});
		expect(skipAll.counts).toMatchObject({ added: 2, updated: 0, skipped: 3 });
		const addAll = resolveImport(plan, decide({ all: 'add' }), existing, {
			now: at,
			newId: ids()
		});
		expect(addAll.counts).toMatchObject({ added: 5, updated: 0, skipped: 0 });
	});

	it('counts a merge that brings nothing new as unchanged, and writes nothing for it', () => {
		const same = planImport(
			[draft(2, { name: 'Ada Lovelace', emails: ['ada@example.org'] })],
			[kept]
		);
		const r = resolveImport(same, decide(), existing, { now: at, newId: ids() });
		expect(r.update).toEqual([]);
		expect(r.counts).toEqual({ added: 0, updated: 0, skipped: 0, unchanged: 1, combined: 0 });
	});

	it('adds a row whose kept contact is gone since the preview rather than lose it', () => {
		const r = resolveImport(plan, decide(), new Map(), { now: at, newId: ids() });
		expect(r.counts.added).toBe(4);
	});

	it('tags every imported contact once, and keeps vCard lines for new and merged contacts', () => {
		const withExtra = planImport(
			[
				draft(1, { name: 'Ada Lovelace', emails: ['ada@example.org'], extra: ['BDAY:18151210'] }),
				draft(9, { name: 'New One', tags: ['linkedin'], extra: ['X-A:1'] })
			],
			[kept]
		);
		const r = resolveImport(withExtra, decide({ tag: 'LinkedIn' }), existing, {
			now: at,
			newId: ids()
		});
		expect(r.add[0]!.tags).toEqual(['linkedin']);
		expect(r.update[0]!.tags).toEqual(['LinkedIn']);
		expect([...r.extras]).toEqual([
			[kept.id, ['BDAY:18151210']],
			['new-1', ['X-A:1']]
		]);
	});
});

describe('countImport', () => {
	it('keeps only the rows in duplicates, and counts as the whole plan does', () => {
		const plan = planImport(drafts, [...existing.values()]);
		const digest = digestPlan(plan);
		expect(digest.total).toBe(5);
		expect(digest.kept).toEqual([0, 1, 2, 3]);
		expect(digest.drafts.map((d) => d.line)).toEqual([2, 3, 4, 5]);
		const choices = new Map<number, DuplicateChoice>([[3, 'add']]);
		expect(countImport(digest, decide({ choices }), existing)).toEqual(
			resolveImport(plan, decide({ choices }), existing, { now: 1, newId: ids() }).counts
		);
	});

	it('gives the counts resolveImport gives for any file, contacts and choices', () => {
		// Few names, emails and organisations, so that rows repeat each other and kept contacts.
		const name = fc.constantFrom('Ada Lovelace', 'Lovelace, Ada', 'Sam Lee', 'Noor', 'Zoë Kim');
		const org = fc.option(fc.constantFrom('Acme', 'ACME Inc.', 'Library'), { nil: undefined });
		const emails = fc.array(fc.constantFrom('a@x.org', 'S@x.org', 's@x.org', 'n@x.org'), {
			maxLength: 2
		});
		const role = fc.option(fc.constantFrom('Designer', 'Archivist'), { nil: undefined });
		const fields = fc.record({ name, organization: org, emails, role });
		const choice = fc.constantFrom<DuplicateChoice>('skip', 'merge', 'add');
		fc.assert(
			fc.property(
				fc.array(fields, { maxLength: 30 }),
				fc.array(fields, { maxLength: 6 }),
				fc.array(fc.tuple(fc.nat(29), choice), { maxLength: 10 }),
				choice,
				fc.constantFrom<'existing' | 'incoming'>('existing', 'incoming'),
				fc.option(fc.constantFrom('LinkedIn', 'Imported'), { nil: undefined }),
				(rows, people, picked, all, prefer, tag) => {
					const clean = <T extends object>(o: T) =>
						Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
					const fileRows = rows.map((r, i) => draft(i + 2, clean({ ...r, tags: [] })));
					const kept = people.map((p) => makeContact(clean(p)));
					const plan = planImport(fileRows, kept);
					const decisions = decide({
						choices: new Map(picked),
						all,
						prefer,
						...(tag ? { tag } : {})
					});
					const byId = new Map(kept.map((c) => [c.id, c]));
					const whole = resolveImport(plan, decisions, byId, { now: 2, newId: ids() }).counts;
					expect(countImport(digestPlan(plan), decisions, byId)).toEqual(whole);
				}
			),
			{ numRuns: 300 }
		);
	});
});
