// Rows for the read models' tests, written into a fresh fake-indexeddb database of their own.
import { repos, type Repos } from '$lib/db/repos';
import { testDb } from '$lib/db/testing/factories';
import type { Touchpoint } from '$lib/domain/touchpoint';
import type { Interview } from '$lib/domain/interview';
import { newId } from '$lib/domain/ids';
import type { Pitch } from '$lib/domain/pitch';
import { newCardState } from '$lib/domain/pitch-card';

export { makeContact } from '$lib/db/testing/factories';

/** An instant to build rows around: 2026-06-15, noon local time. */
export const NOON = new Date(2026, 5, 15, 12).getTime();
export const DAY = 86_400_000;

/** The repositories over a new, empty database. */
export function testRepos(): Repos {
	return repos(testDb());
}

export function makeTouchpoint(contactId: string, fields: Partial<Touchpoint> = {}): Touchpoint {
	return {
		id: newId(),
		contactId,
		on: '2026-06-01',
		channel: 'call',
		summary: '',
		received: [],
		followUpDone: false,
		createdAt: NOON,
		updatedAt: NOON,
		version: 1,
		...fields
	};
}

export function makeInterview(contactId: string, fields: Partial<Interview> = {}): Interview {
	return {
		id: newId(),
		contactId,
		mode: 'video',
		status: 'planned',
		questions: [],
		referralIds: [],
		createdAt: NOON - 30 * DAY,
		updatedAt: NOON - 30 * DAY,
		version: 1,
		...fields
	};
}

/** A pitch with words to say, due at `due` (a new card when not given). */
export function makePitch(fields: Partial<Pitch> & { due?: number } = {}): Pitch {
	const { due, ...rest } = fields;
	return {
		id: newId(),
		title: 'Thirty seconds',
		targetSeconds: 30,
		text: 'I help small teams ship accessible apps.',
		cues: [],
		card: newCardState(due ?? NOON - DAY),
		createdAt: NOON - 10 * DAY,
		updatedAt: NOON - 10 * DAY,
		version: 1,
		...rest
	};
}
