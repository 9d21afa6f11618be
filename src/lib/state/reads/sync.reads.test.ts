// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDay } from '$lib/domain/day-format';
import { conflictId, type ConflictTable, type SyncConflict } from '$lib/domain/sync-conflict';
import {
	allConflicts,
	conflictsOf,
	contactConflicts,
	NO_CONFLICTS,
	recordConflicts
} from './sync.reads';
import {
	makeContact,
	makeInterview,
	makePitch,
	makeTouchpoint,
	NOON,
	testRepos
} from './testing/rows';

function card(
	table: ConflictTable,
	rowId: string,
	field: string,
	more: Partial<SyncConflict> = {}
): SyncConflict {
	return {
		id: conflictId(table, rowId, field),
		table,
		rowId,
		field,
		kind: 'text',
		kept: 'kept',
		other: 'other',
		at: NOON,
		...more
	};
}

describe('the "Changed on two devices" read models', () => {
	it("read every card, and one record's cards in the order of its form", async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana' });
		const pitch = makePitch();
		await r.conflicts.bulkPut([
			card('contacts', ana.id, 'notes', { kind: 'long' }),
			card('contacts', ana.id, 'name'),
			card('contacts', ana.id, 'deletedAt', { kind: 'value', revived: true }),
			card('pitches', pitch.id, 'title')
		]);
		expect((await conflictsOf('contacts', ana.id)(r)).map((c) => c.field)).toEqual([
			'deletedAt',
			'name',
			'notes'
		]);
		expect((await conflictsOf('pitches', pitch.id)(r)).map((c) => c.field)).toEqual(['title']);
		expect(await conflictsOf('interviews', pitch.id)(r)).toEqual([]);
		expect((await allConflicts(r)).length).toBe(4);
	});

	it('name the contacts and pitches the values point to, deleted ones too', async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana' });
		const ben = makeContact({ name: 'Ben', deletedAt: NOON });
		await r.contacts.bulkPut([ana, ben]);
		const pitch = makePitch({ title: 'Career fair' });
		await r.pitches.put(pitch);
		const interview = makeInterview(ana.id);
		await r.interviews.put(interview);
		await r.conflicts.bulkPut([
			card('interviews', interview.id, 'contactId', { kind: 'value', kept: ana.id, other: ben.id }),
			card('interviews', interview.id, 'pitchId', { kind: 'value', kept: pitch.id, other: 'gone' })
		]);
		const view = await recordConflicts('interviews', interview.id)(r);
		expect(view.conflicts.map((c) => c.field)).toEqual(['contactId', 'pitchId']);
		expect(view.names).toEqual({ [ana.id]: 'Ana', [ben.id]: 'Ben', [pitch.id]: 'Career fair' });
		expect(view.subjects).toEqual({});
		expect(await recordConflicts('pitches', pitch.id)(r)).toEqual(NO_CONFLICTS);
	});

	it("read a contact's cards, then their touchpoints', each named by its day", async () => {
		const r = testRepos();
		const ana = makeContact({ name: 'Ana' });
		const ben = makeContact({ name: 'Ben' });
		await r.contacts.bulkPut([ana, ben]);
		const older = makeTouchpoint(ana.id, { on: '2026-03-03' });
		const newer = makeTouchpoint(ana.id, { on: '2026-05-20' });
		const bens = makeTouchpoint(ben.id, { on: '2026-04-01' });
		const trashed = makeTouchpoint(ana.id, { on: '2026-04-02', deletedAt: NOON });
		await r.interactions.bulkPut([older, newer, bens, trashed]);
		await r.conflicts.bulkPut([
			card('interactions', older.id, 'summary', { kind: 'long' }),
			card('interactions', older.id, 'on', { kind: 'value' }),
			card('interactions', newer.id, 'gave', { kind: 'long' }),
			card('interactions', bens.id, 'summary'),
			card('interactions', trashed.id, 'summary'),
			card('contacts', ana.id, 'introducedById', { kind: 'value', kept: null, other: ben.id }),
			card('contacts', ben.id, 'name')
		]);
		const view = await contactConflicts(ana.id)(r);
		expect(view.conflicts.map((c) => `${c.table}:${c.rowId}:${c.field}`)).toEqual([
			`contacts:${ana.id}:introducedById`,
			`interactions:${newer.id}:gave`,
			`interactions:${older.id}:on`,
			`interactions:${older.id}:summary`
		]);
		expect(view.subjects).toEqual({
			[conflictId('interactions', newer.id, 'gave')]: `Touchpoint on ${formatDay('2026-05-20')}`,
			[conflictId('interactions', older.id, 'on')]: `Touchpoint on ${formatDay('2026-03-03')}`,
			[conflictId('interactions', older.id, 'summary')]: `Touchpoint on ${formatDay('2026-03-03')}`
		});
		expect(view.names).toEqual({ [ben.id]: 'Ben' });
		expect(await contactConflicts(makeContact().id)(r)).toEqual(NO_CONFLICTS);
	});
});
