import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { cardStateSchema } from './pitch';
import { dueDeck, endOfDay, newCardState } from './pitch-card';
import { fromCardState, previewDue, schedule, toCardState } from './pitch-schedule';
import type { Pitch } from './pitch';

const now = new Date(2026, 10, 24, 9, 0).getTime();
const f = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

describe('the ts-fsrs adapter', () => {
	it('makes the same new card as ts-fsrs', () => {
		expect(newCardState(now)).toEqual(toCardState(createEmptyCard(new Date(now))));
	});

	it('round-trips real cards, and they fit the stored schema', () => {
		let card = createEmptyCard(new Date(now));
		let at = now;
		for (const grade of [
			Rating.Good,
			Rating.Again,
			Rating.Hard,
			Rating.Easy,
			Rating.Good
		] as const) {
			card = f.next(card, new Date(at), grade).card;
			const state = toCardState(card);
			expect(cardStateSchema.safeParse(state).success).toBe(true);
			expect(fromCardState(state)).toEqual(card);
			expect(toCardState(fromCardState(state))).toEqual(state);
			at = card.due.getTime();
		}
	});

	it('schedules as ts-fsrs does, through JSON and back', () => {
		let state = newCardState(now);
		let card = createEmptyCard(new Date(now));
		let at = now;
		for (const [name, grade] of [
			['good', Rating.Good],
			['good', Rating.Good],
			['again', Rating.Again],
			['easy', Rating.Easy]
		] as const) {
			// As stored: JSON (a backup) and back.
			state = JSON.parse(JSON.stringify(schedule(state, name, at)));
			card = f.next(card, new Date(at), grade).card;
			expect(state.due).toBe(card.due.getTime());
			expect(state).toEqual(toCardState(card));
			at = state.due + 3_600_000;
		}
	});

	it('moves the due date later for better ratings', () => {
		const p = previewDue(newCardState(now), now);
		expect(p.again).toBeGreaterThan(now);
		expect(p.again).toBeLessThan(p.hard);
		expect(p.hard).toBeLessThan(p.good);
		expect(p.good).toBeLessThan(p.easy);
	});
});

describe('dueDeck', () => {
	const pitch = (id: string, fields: Partial<Pitch>): Pitch => ({
		id,
		title: id,
		targetSeconds: 30,
		text: 'Hello, I am here.',
		cues: [],
		createdAt: now - 10,
		updatedAt: now - 10,
		version: 1,
		...fields
	});
	it('takes what is due by tonight and can be said, oldest first', () => {
		const deck = dueDeck(
			[
				pitch('later', { card: { ...newCardState(now), due: endOfDay(now) + 1 } }),
				pitch('tonight', { card: { ...newCardState(now), due: endOfDay(now) } }),
				pitch('old', { card: { ...newCardState(now), due: now - 86_400_000 } }),
				pitch('no card', {}),
				pitch('empty', { text: '  ' }),
				pitch('deleted', { deletedAt: now })
			],
			now
		);
		expect(deck.map((p) => p.id)).toEqual(['old', 'no card', 'tonight']);
	});
});
