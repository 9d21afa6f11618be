/**
 * What the sample network brings besides people, so every screen has something on it: two
 * pitches with a few rehearsals, interviews (one planned with its questions picked, two done with
 * notes) and a couple of the user's own questions in the bank. Made up, like the people, and
 * written and removed with them by sample-data.service.ts. Data, not logic.
 */
import type { Contact } from '$lib/domain/contact';
import { addDays, type IsoDate } from '$lib/domain/dates';
import { newId } from '$lib/domain/ids';
import type { Interview, Question, QuestionCategory } from '$lib/domain/interview';
import type { Pitch, Rehearsal } from '$lib/domain/pitch';
import { countWords } from '$lib/domain/pitch-timing';
import { builtInId, builtInQuestions } from '$lib/domain/questions-bank';
import { stampNew } from '$lib/domain/stamp';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SamplePlans {
	pitches: Pitch[];
	rehearsals: Rehearsal[];
	interviews: Interview[];
	/** The user's own questions; the built-in bank is the app's, not the sample's. */
	questions: Question[];
}

/** The ids of what the sample plans added, kept so that they leave with the sample people. */
export interface SamplePlanIds {
	pitches: string[];
	rehearsals: string[];
	interviews: string[];
	questions: string[];
}

export function planIds(plans: SamplePlans): SamplePlanIds {
	return {
		pitches: plans.pitches.map((p) => p.id),
		rehearsals: plans.rehearsals.map((r) => r.id),
		interviews: plans.interviews.map((i) => i.id),
		questions: plans.questions.map((q) => q.id)
	};
}

/**
 * The sample pitches, rehearsals, interviews and questions, around the sample `contacts` (found by
 * name; an interview whose person is missing is left out). `today` and `now` place them in time:
 * a pitch due today, an interview in three days, one done yesterday with the thank-you still owed.
 */
export function samplePlans(contacts: Contact[], today: IsoDate, now: number): SamplePlans {
	const person = (name: string) => contacts.find((c) => c.name === name);
	const bank = new Map(builtInQuestions(now).map((q) => [q.id, q]));
	const fromBank = (category: QuestionCategory, n: number, answer?: string) => {
		const q = bank.get(builtInId(category, n))!;
		return { questionId: q.id, text: q.text, category, ...(answer ? { answer } : {}) };
	};

	const own: Question[] = [
		stampNew(
			{
				id: newId(),
				category: 'organization' as const,
				text: 'How does the library decide which collections to digitise first?',
				builtIn: false
			},
			now - 20 * DAY
		),
		stampNew(
			{
				id: newId(),
				category: 'skills' as const,
				text: 'Which metadata standards would you learn first if you were starting out?',
				builtIn: false
			},
			now - 20 * DAY
		)
	];

	const eventText =
		'Hi, I’m Sam. I’m finishing a master’s in library and information science, and I’ve spent the last year digitising a local history collection, which taught me how much good metadata matters. I’d like to move into digital archives, and I’d love to hear how you got started in yours.';
	const longText =
		'Hi, I’m Sam, a library and information science student with a soft spot for old maps and photographs. What drew me to the field was helping people find things they did not know existed. Over the past year I’ve digitised a local history collection of about two thousand items, and wrote the metadata guide the volunteers now use. Along the way I got good at cataloguing, scanning workflows and explaining both to newcomers. What I’m looking for now is an entry-level role in digital archives or special collections. If you know someone I should talk to, I’d be grateful for the name.';
	const eventPitch: Pitch = stampNew(
		{
			id: newId(),
			title: 'Networking event',
			targetSeconds: 30,
			audience: 'Career fairs and mixers',
			text: eventText,
			cues: ['library and information science', 'good metadata', 'digital archives'],
			card: {
				due: now,
				stability: 6.2,
				difficulty: 5.1,
				elapsedDays: 4,
				scheduledDays: 4,
				learningSteps: 0,
				reps: 3,
				lapses: 0,
				state: 2,
				lastReview: now - 4 * DAY
			}
		},
		now - 12 * DAY
	);
	const longPitch: Pitch = stampNew(
		{
			id: newId(),
			title: 'One-minute introduction',
			targetSeconds: 60,
			audience: 'Informational interviews',
			text: longText,
			cues: [
				'old maps and photographs',
				'metadata guide',
				'digital archives or special collections'
			],
			card: {
				due: now + 5 * DAY,
				stability: 9.4,
				difficulty: 4.6,
				elapsedDays: 2,
				scheduledDays: 7,
				learningSteps: 0,
				reps: 2,
				lapses: 0,
				state: 2,
				lastReview: now - 2 * DAY
			}
		},
		now - 9 * DAY
	);
	const runs: [Pitch, number, number, Rehearsal['rating']][] = [
		[eventPitch, 12, 41, 'hard'],
		[eventPitch, 9, 35, 'good'],
		[eventPitch, 4, 31, 'good'],
		[longPitch, 8, 78, 'again'],
		[longPitch, 2, 64, 'good']
	];
	const rehearsals: Rehearsal[] = runs.map(([pitch, daysAgo, seconds, rating]) => ({
		id: newId(),
		pitchId: pitch.id,
		at: now - daysAgo * DAY,
		seconds,
		rating,
		words: countWords(pitch.text)
	}));

	const interviews: Interview[] = [];
	const zoe = person('Zoë Lindqvist');
	if (zoe)
		interviews.push(
			stampNew(
				{
					id: newId(),
					contactId: zoe.id,
					organization: zoe.organization,
					scheduledAt: new Date(`${addDays(today, 3)}T10:00:00`).getTime(),
					durationMinutes: 30,
					mode: 'video' as const,
					place: 'Video call (link in her email)',
					goal: 'Learn how her team describes its datasets, and whether they would ever take on someone for metadata work.',
					status: 'planned' as const,
					questions: [
						fromBank('path', 1),
						fromBank('job', 1),
						fromBank('field', 3),
						{ questionId: own[0]!.id, text: own[0]!.text, category: own[0]!.category },
						fromBank('referrals', 1)
					],
					referralIds: [],
					prepared: ['research' as const],
					pitchId: longPitch.id
				},
				now - 3 * DAY
			)
		);
	const ingrid = person('Ingrid Larsen');
	const hannah = person('Hannah Schultz');
	if (ingrid)
		interviews.push(
			stampNew(
				{
					id: newId(),
					contactId: ingrid.id,
					organization: ingrid.organization,
					scheduledAt: new Date(`${addDays(today, -10)}T15:30:00`).getTime(),
					durationMinutes: 45,
					mode: 'in-person' as const,
					place: 'Harbor Tea Company, visitor entrance',
					goal: 'Understand what a lone arranger does all week and whether the internship is real.',
					status: 'done' as const,
					questions: [
						fromBank(
							'job',
							1,
							'Half records requests from staff, half cataloguing; one day a month on exhibits.'
						),
						fromBank('skills', 1, 'Being able to say no kindly, and knowing basic retention law.'),
						fromBank('referrals', 1, 'Hannah Schultz, for digital preservation.')
					],
					notes:
						'Warm and direct. The internship runs June to August and she will post it in April. Bring a short writing sample next time.',
					thankYouSentOn: addDays(today, -9),
					followUpOn: addDays(today, 20),
					referralIds: hannah ? [hannah.id] : [],
					outcomes: ['inside-info' as const, 'names' as const],
					startedAt: new Date(`${addDays(today, -10)}T15:32:00`).getTime()
				},
				now - 10 * DAY
			)
		);
	const priya = person('Priya Raman');
	if (priya)
		interviews.push(
			stampNew(
				{
					id: newId(),
					contactId: priya.id,
					organization: priya.organization,
					scheduledAt: new Date(`${addDays(today, -1)}T18:00:00`).getTime(),
					durationMinutes: 30,
					mode: 'phone' as const,
					goal: 'Hear how user research and library reference interviews overlap.',
					status: 'done' as const,
					questions: [
						fromBank('field', 1, 'More research teams hire people who can organise findings.'),
						{ questionId: own[1]!.id, text: own[1]!.text, category: own[1]!.category }
					],
					notes:
						'She thinks my reference-desk experience counts as interviewing practice. Look up research repositories.',
					referralIds: [],
					outcomes: ['job-search-advice' as const]
				},
				now - 1 * DAY
			)
		);

	return { pitches: [eventPitch, longPitch], rehearsals, interviews, questions: own };
}
