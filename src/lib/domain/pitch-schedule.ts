/**
 * Spaced repetition for pitches with ts-fsrs, and the adapter between its Card (Dates, snake
 * case) and the card state stored in the pitch row (epoch ms, camel case), which a backup
 * carries as plain JSON. Heavy enough to load only when a run is rated.
 */
import { Rating, State, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import type { Rehearsal } from './pitch';
import { newCardState, type CardState } from './pitch-card';

type RatingName = Rehearsal['rating'];

const GRADES: Record<RatingName, Grade> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy
};

/**
 * Whole days between rehearsals, no same-day learning steps: a pitch is a daily habit, and a
 * card that came back ten minutes later would never leave today's deck. No fuzz either: with a
 * handful of pitches there is no pile-up to spread, and the next date stays predictable.
 */
export const scheduler = fsrs(
	generatorParameters({ enable_short_term: false, enable_fuzz: false })
);

export function toCardState(card: Card): CardState {
	const state: CardState = {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state
	};
	if (card.last_review) state.lastReview = card.last_review.getTime();
	return state;
}

export function fromCardState(state: CardState): Card {
	return {
		due: new Date(state.due),
		stability: state.stability,
		difficulty: state.difficulty,
		elapsed_days: state.elapsedDays,
		scheduled_days: state.scheduledDays,
		learning_steps: state.learningSteps,
		reps: state.reps,
		lapses: state.lapses,
		state: state.state as State,
		...(state.lastReview !== undefined ? { last_review: new Date(state.lastReview) } : {})
	};
}

/** The card after a run rated `rating` at `now`. */
export function schedule(card: CardState, rating: RatingName, now: number): CardState {
	return toCardState(scheduler.next(fromCardState(card), new Date(now), GRADES[rating]).card);
}

/** When each rating would bring the pitch back, to show on the rating buttons. */
export function previewDue(card: CardState, now: number): Record<RatingName, number> {
	const c = fromCardState(card);
	const at = new Date(now);
	const due = (r: RatingName) => scheduler.next(c, at, GRADES[r]).card.due.getTime();
	return { again: due('again'), hard: due('hard'), good: due('good'), easy: due('easy') };
}

/**
 * The card a pitch's whole rehearsal log gives, replayed in order from a new card: the same card
 * the rated runs gave one by one. Sync uses it when rehearsals from two devices meet, so the
 * schedule follows the merged log instead of either device's half of it.
 */
export function replay(
	createdAt: number,
	log: readonly Pick<Rehearsal, 'id' | 'at' | 'rating'>[]
): CardState {
	const runs = [...log].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	let card = newCardState(createdAt);
	for (const run of runs) card = schedule(card, run.rating, run.at);
	return card;
}
