import { describe, expect, it } from 'vitest';
import { contactSchema } from './contact';
import { defaultChoices, differs, mergedContact, planMerge } from './merge';
import { makeContact, makeTouchpoint, makeInterview } from './testing/factories';

const NOW = 1_800_000_000_000;

const touch = (id: string, contactId: string) => makeTouchpoint({ id, contactId });

const interview = (id: string, contactId: string, referralIds: string[]) =>
	makeInterview({ id, contactId, referralIds });

describe('merge choices', () => {
	it('cut joined notes that run over the limit at a whole character', () => {
		const keep = makeContact({ notes: 'a'.repeat(99_996) });
		const other = makeContact({ notes: 'b🙂' });
		const merged = mergedContact(
			keep,
			other,
			{ ...defaultChoices(keep, other), notes: 'both' },
			NOW
		);
		expect(merged.notes).toBe(`${'a'.repeat(99_996)}\n\nb`);
		expect(contactSchema.safeParse(merged).success).toBe(true);
	});

	it('keep the staying contact’s values, fill its gaps, and join lists and notes', () => {
		const keep = makeContact({
			name: 'Maya L.',
			organization: 'Acme',
			notes: 'Met at the fair',
			tags: ['mentor']
		});
		const other = makeContact({
			name: 'Maya Lopez',
			role: 'Archivist',
			organization: 'Other',
			notes: 'Likes coffee',
			tags: ['Mentor', 'archives'],
			emails: ['maya@example.org']
		});
		const choices = defaultChoices(keep, other);
		expect(choices).toMatchObject({
			name: 'keep',
			organization: 'keep',
			role: 'other',
			notes: 'both',
			tags: 'both',
			emails: 'both'
		});
		const merged = mergedContact(keep, other, choices, NOW);
		expect(merged).toMatchObject({
			id: keep.id,
			name: 'Maya L.',
			organization: 'Acme',
			role: 'Archivist',
			notes: 'Met at the fair\n\nLikes coffee',
			tags: ['mentor', 'archives'],
			emails: ['maya@example.org']
		});
		expect(contactSchema.safeParse(merged).success).toBe(true);
		expect(differs(keep, other, 'name')).toBe(true);
		expect(differs(keep, other, 'phones')).toBe(false);
	});

	it('takes the other value where the user picks it, and only one list when asked', () => {
		const keep = makeContact({ name: 'A', phones: ['1'], circle: 'gym' });
		const other = makeContact({ name: 'B', phones: ['2'] });
		const merged = mergedContact(
			keep,
			other,
			{ ...defaultChoices(keep, other), name: 'other', circle: 'other', phones: 'other' },
			NOW
		);
		expect(merged.name).toBe('B');
		expect(merged.phones).toEqual(['2']);
		expect('circle' in merged).toBe(false);
	});

	it('keeps every intro request of both', () => {
		const keep = makeContact({ introRequests: [{ id: 'r1', who: 'Editor', createdAt: 1 }] });
		const other = makeContact({ introRequests: [{ id: 'r2', who: 'Curator', createdAt: 2 }] });
		const merged = mergedContact(keep, other, defaultChoices(keep, other), NOW);
		expect(merged.introRequests?.map((r) => r.id)).toEqual(['r1', 'r2']);
	});
});

describe('merge keeps a keep-in-touch rhythm', () => {
	it("takes the other's rhythm when the staying contact has none, and its own otherwise", () => {
		const keep = makeContact({ name: 'Keep' });
		const other = makeContact({ name: 'Other', keepInTouchDays: 60 });
		expect(mergedContact(keep, other, defaultChoices(keep, other), 10).keepInTouchDays).toBe(60);
		const withOwn = { ...keep, keepInTouchDays: 30 };
		expect(mergedContact(withOwn, other, defaultChoices(withOwn, other), 10).keepInTouchDays).toBe(
			30
		);
	});
});

describe('merge plan', () => {
	it('moves touchpoints, interviews and introductions to the one that stays', () => {
		const keep = makeContact({ name: 'Keep' });
		const other = makeContact({ name: 'Other' });
		const child = makeContact({ name: 'Child', introducedById: other.id });
		const plan = planMerge({
			keep,
			other,
			choices: defaultChoices(keep, other),
			interactions: [touch('t1', other.id), touch('t2', other.id)],
			interviews: [interview('v1', other.id, ['x']), interview('v2', 'y', [other.id, keep.id])],
			introduced: [child],
			introducerChain: [],
			now: NOW
		});
		expect(plan.interactions.map((i) => i.contactId)).toEqual([keep.id, keep.id]);
		expect(plan.interviews.map((v) => [v.contactId, v.referralIds])).toEqual([
			[keep.id, ['x']],
			['y', [keep.id]]
		]);
		expect(plan.introduced.map((c) => c.introducedById)).toEqual([keep.id]);
		expect(plan.merged).toMatchObject({ id: other.id, deletedAt: NOW, mergedIntoId: keep.id });
		expect(contactSchema.safeParse(plan.merged).success).toBe(true);
	});

	it('never leaves the survivor introduced by itself (A introduced B, A and B merged)', () => {
		const a = makeContact({ name: 'A' });
		const b = makeContact({ name: 'B', introducedById: a.id });
		for (const [keep, other] of [
			[a, b],
			[b, a]
		] as const) {
			const plan = planMerge({
				keep,
				other,
				choices: { ...defaultChoices(keep, other), introducedById: keep === a ? 'other' : 'keep' },
				interactions: [],
				interviews: [],
				introduced: other === a ? [b] : [],
				introducerChain: [a.id],
				now: NOW
			});
			expect(plan.survivor.introducedById).toBeUndefined();
			expect(plan.introduced.every((c) => c.id !== keep.id)).toBe(true);
		}
	});

	it('drops an introducer whose own chain runs through either contact', () => {
		const keep = makeContact({ name: 'Keep' });
		const other = makeContact({ name: 'Other' });
		const x = makeContact({ name: 'X', introducedById: other.id });
		const plan = planMerge({
			keep: { ...keep, introducedById: x.id },
			other,
			choices: defaultChoices(keep, other),
			interactions: [],
			interviews: [],
			introduced: [x],
			introducerChain: [x.id, other.id],
			now: NOW
		});
		expect(plan.survivor.introducedById).toBeUndefined();
	});

	it('refuses to merge a contact with itself', () => {
		const a = makeContact();
		expect(() =>
			planMerge({
				keep: a,
				other: a,
				choices: defaultChoices(a, a),
				interactions: [],
				interviews: [],
				introduced: [],
				introducerChain: [],
				now: NOW
			})
		).toThrow();
	});
});
