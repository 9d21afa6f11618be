import { describe, expect, it } from 'vitest';
import { mergeBase, mergeRows } from './merge';

const base = {
	id: 'c1',
	name: 'Ana Ruiz',
	organization: 'Library',
	notes: 'Met at the fair',
	tags: ['mentor'],
	createdAt: 1,
	updatedAt: 10,
	version: 2
};

describe('mergeRows', () => {
	it('takes changes to different fields from both sides, with no card', () => {
		const winner = { ...base, organization: 'City Library', updatedAt: 20, version: 3 };
		const loser = { ...base, notes: 'Met at the fair; likes archives', updatedAt: 15, version: 3 };
		const { row, conflicts, revived } = mergeRows('contacts', base, winner, loser);
		expect(row.organization).toBe('City Library');
		expect(row.notes).toBe('Met at the fair; likes archives');
		expect(conflicts).toEqual([]);
		expect(revived).toBe(false);
		expect(row.version).toBe(4);
		expect(row.updatedAt).toBe(20);
		expect(row.createdAt).toBe(1);
	});

	it('keeps the winner on a field changed on both sides, and a card with the other value', () => {
		const winner = { ...base, organization: 'City Library', updatedAt: 20, version: 3 };
		const loser = { ...base, organization: 'State Archive', updatedAt: 25, version: 3 };
		const { row, conflicts } = mergeRows('contacts', base, winner, loser);
		expect(row.organization).toBe('City Library');
		expect(conflicts).toEqual([
			expect.objectContaining({
				id: 'contacts/c1/organization',
				table: 'contacts',
				rowId: 'c1',
				field: 'organization',
				kind: 'text',
				kept: 'City Library',
				other: 'State Archive'
			})
		]);
	});

	it('offers long text as long, so it can keep both', () => {
		const winner = { ...base, notes: 'One' };
		const loser = { ...base, notes: 'Two' };
		expect(mergeRows('contacts', base, winner, loser).conflicts[0]?.kind).toBe('long');
	});

	it('merges lists item by item', () => {
		const winner = { ...base, tags: ['mentor', 'alumni'] };
		const loser = { ...base, tags: ['archives'] };
		const { row, conflicts } = mergeRows('contacts', base, winner, loser);
		expect([...(row.tags as string[])].sort()).toEqual(['alumni', 'archives']);
		expect(conflicts).toEqual([]);
	});

	it('lets an edit beat a delete, and says so', () => {
		const deleted = { ...base, deletedAt: 30, updatedAt: 30, version: 3 };
		const edited = { ...base, notes: 'Now at the archive', updatedAt: 28, version: 3 };
		for (const [w, l] of [
			[deleted, edited],
			[edited, deleted]
		] as const) {
			const { row, conflicts, revived } = mergeRows('contacts', base, w, l);
			expect(revived).toBe(true);
			expect(row.deletedAt).toBeUndefined();
			expect(row.notes).toBe('Now at the archive');
			expect(conflicts).toEqual([
				expect.objectContaining({ field: 'deletedAt', revived: true, other: 30 })
			]);
		}
	});

	it('keeps a delete when the other side did not edit', () => {
		const deleted = { ...base, deletedAt: 30, updatedAt: 30, version: 3 };
		const touched = { ...base, updatedAt: 28, version: 3 };
		const { row, revived } = mergeRows('contacts', base, touched, deleted);
		expect(revived).toBe(false);
		expect(row.deletedAt).toBe(30);
	});

	it('makes every differing field a card when no common version is known', () => {
		const winner = { ...base, organization: 'A' };
		const loser = { ...base, organization: 'B', notes: 'x' };
		const { conflicts } = mergeRows('contacts', null, winner, loser);
		expect(conflicts.map((c) => c.field).sort()).toEqual(['notes', 'organization']);
	});

	it('keeps the review schedule of the side that saw more rehearsals, not a mix', () => {
		const pitch = {
			id: 'p1',
			title: 'Hi',
			text: 'Hello',
			card: { due: 5, reps: 1, lastReview: 4 },
			updatedAt: 1,
			version: 1
		};
		const w = { ...pitch, card: { due: 50, reps: 2, lastReview: 40 } };
		const l = { ...pitch, card: { due: 90, reps: 3, lastReview: 30 } };
		const { row, conflicts } = mergeRows('pitches', pitch, w, l);
		expect(row.card).toEqual(l.card);
		expect(conflicts).toEqual([]);
	});

	it('reaches the same result on both devices', () => {
		const winner = { ...base, organization: 'A', tags: ['x'] };
		const loser = { ...base, organization: 'B', notes: 'y' };
		expect(mergeRows('contacts', base, winner, loser)).toEqual(
			mergeRows('contacts', structuredClone(base), structuredClone(winner), structuredClone(loser))
		);
	});

	it('merges a criss-cross against both common versions: no card for a field one side kept', () => {
		// Each device settled the same clash its own way: one base has the note, one the tag.
		const noted = { ...base, notes: 'n1' };
		const tagged = { ...base, tags: ['mentor', 'archives'] };
		const winner = { ...base, notes: 'n2', tags: ['mentor', 'archives'], organization: 'X' };
		const loser = { ...base, notes: 'n1', tags: ['archives'] };
		const both = mergeBase([noted, tagged], winner, loser);
		expect(both).toMatchObject({ notes: 'n1', tags: ['mentor', 'archives'] });
		const { row, conflicts } = mergeRows('contacts', both, winner, loser);
		expect(row).toMatchObject({ notes: 'n2', organization: 'X', tags: ['archives'] });
		expect(conflicts).toEqual([]);
		expect(mergeBase([noted], winner, loser)).toBe(noted);
		expect(mergeBase([], winner, loser)).toBeNull();
	});

	it('takes a record out of the trash on one side over a new move to the trash on the other', () => {
		// In the trash at 5 on both; then one side took it out and renamed it while the other's
		// trash time moved (its own move to the trash, merged with the first).
		const trashed = { ...base, deletedAt: 5 };
		const winner = { ...base, deletedAt: 7, updatedAt: 20 };
		const loser = { ...base, name: 'Ana R', updatedAt: 15 };
		const { row, conflicts, revived } = mergeRows('contacts', trashed, winner, loser);
		expect(row.deletedAt).toBeUndefined();
		expect(row.name).toBe('Ana R');
		expect(revived).toBe(true);
		expect(conflicts.map((c) => c.field)).toEqual(['deletedAt']);
		// Only taken out, nothing else changed: out of the trash still, with no card.
		const out = mergeRows('contacts', trashed, winner, { ...base, updatedAt: 15 });
		expect(out.row.deletedAt).toBeUndefined();
		expect(out.conflicts).toEqual([]);
	});
});
