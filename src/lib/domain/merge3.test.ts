import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepBoth, merge3, mergeLists, resolvedValue, type FieldKinds } from './merge3';

interface Rec {
	title: string;
	text: string;
	tags: string[];
	channel: string;
}

const KINDS: FieldKinds<Rec> = { title: 'text', text: 'long', tags: 'list', channel: 'value' };
const FIELDS = Object.keys(KINDS) as Array<keyof Rec>;

const small = fc.constantFrom('', 'a', 'b', 'c', 'hello there');
const rec: fc.Arbitrary<Rec> = fc.record({
	title: small,
	text: small,
	tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 4 }),
	channel: fc.constantFrom('call', 'email', 'video')
});

/** A base, and two sides that each changed a chosen set of fields to random values. */
const triple = fc
	.tuple(rec, rec, rec, fc.subarray(FIELDS), fc.subarray(FIELDS))
	.map(([base, a, b, mineFields, theirFields]) => {
		const mine = { ...base };
		const theirs = { ...base };
		for (const f of mineFields) (mine as Record<string, unknown>)[f] = a[f];
		for (const f of theirFields) (theirs as Record<string, unknown>)[f] = b[f];
		return { base, mine, theirs };
	});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('merge3', () => {
	it('is theirs when I changed nothing, and mine when they changed nothing', () => {
		fc.assert(
			fc.property(rec, rec, (base, other) => {
				expect(merge3(base, base, other, KINDS)).toEqual({ value: other, conflicts: [] });
				expect(merge3(base, other, base, KINDS)).toEqual({ value: other, conflicts: [] });
			})
		);
	});

	it('is the common value when both made the same change', () => {
		fc.assert(
			fc.property(rec, rec, (base, both) => {
				expect(merge3(base, both, both, KINDS)).toEqual({ value: both, conflicts: [] });
			})
		);
	});

	it('keeps both changes without asking when they touched different fields', () => {
		fc.assert(
			fc.property(triple, ({ base, mine, theirs }) => {
				const overlap = FIELDS.filter((f) => !same(mine[f], base[f]) && !same(theirs[f], base[f]));
				fc.pre(overlap.length === 0);
				const { value, conflicts } = merge3(base, mine, theirs, KINDS);
				expect(conflicts).toEqual([]);
				for (const f of FIELDS)
					expect(value[f]).toEqual(same(mine[f], base[f]) ? theirs[f] : mine[f]);
			})
		);
	});

	it('asks exactly about the fields both changed differently, lists aside, and shows mine meanwhile', () => {
		fc.assert(
			fc.property(triple, ({ base, mine, theirs }) => {
				const { value, conflicts } = merge3(base, mine, theirs, KINDS);
				const expected = FIELDS.filter(
					(f) =>
						KINDS[f] !== 'list' &&
						!same(mine[f], base[f]) &&
						!same(theirs[f], base[f]) &&
						!same(mine[f], theirs[f])
				);
				expect(conflicts.map((c) => c.field)).toEqual(expected);
				for (const c of conflicts) {
					expect(value[c.field]).toEqual(mine[c.field]);
					expect(c.theirs).toEqual(theirs[c.field]);
				}
			})
		);
	});

	it('finds the same conflicts whichever side is mine', () => {
		fc.assert(
			fc.property(triple, ({ base, mine, theirs }) => {
				const a = merge3(base, mine, theirs, KINDS).conflicts.map((c) => c.field);
				const b = merge3(base, theirs, mine, KINDS).conflicts.map((c) => c.field);
				expect(a).toEqual(b);
			})
		);
	});

	it('merges a list item by item: both sides’ additions and removals count', () => {
		fc.assert(
			fc.property(triple, ({ base, mine, theirs }) => {
				const merged = merge3(base, mine, theirs, KINDS).value.tags;
				for (const t of [...mine.tags, ...theirs.tags]) {
					const removed =
						(base.tags.includes(t) && !mine.tags.includes(t)) ||
						(base.tags.includes(t) && !theirs.tags.includes(t));
					expect(merged.includes(t)).toBe(!removed);
				}
				expect(new Set(merged).size).toBe(merged.length);
			})
		);
		expect(mergeLists(['a', 'b'], ['b', 'c'], ['a', 'b', 'd'])).toEqual(['b', 'd', 'c']);
	});
});

describe('settling a conflict', () => {
	const conflict = { field: 'text' as const, kind: 'long' as const, theirs: 'Their words.' };

	it('keeps mine, takes theirs, or joins both long texts', () => {
		expect(resolvedValue<Rec, 'text'>(conflict, 'My words.', 'mine')).toBe('My words.');
		expect(resolvedValue<Rec, 'text'>(conflict, 'My words.', 'theirs')).toBe('Their words.');
		expect(resolvedValue<Rec, 'text'>(conflict, 'My words.', 'both')).toBe(
			'My words.\n\nTheir words.'
		);
	});

	it('keeps both without repeating a text already inside the other', () => {
		expect(keepBoth('One. Two.', 'Two.')).toBe('One. Two.');
		expect(keepBoth('', 'Theirs')).toBe('Theirs');
		expect(keepBoth('Mine\n', '  ')).toBe('Mine');
	});
});
