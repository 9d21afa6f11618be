/**
 * Test data only: fast-check arbitraries for every table a backup carries, written by hand from
 * the domain schemas' constraints (lengths, formats, enums, optional fields), so each generated
 * row is valid and the round-trip property can ask for byte-identical output. Text mixes emoji,
 * right-to-left scripts, lone surrogates, empty and maximal lengths. Longer than most modules
 * because it mirrors every table's schema in one place, where a schema change is easy to follow.
 */
import fc from 'fast-check';
import { CIRCLES } from '$lib/domain/circles';
import type { Contact } from '$lib/domain/contact';
import type { ContactExtra } from '$lib/domain/contact-extra';
import type { Draft } from '$lib/domain/draft';
import { CHANNELS, OUTCOMES, type Touchpoint } from '$lib/domain/touchpoint';
import { QUESTION_CATEGORIES, type Interview, type Question } from '$lib/domain/interview';
import { GAP_MODES, RATINGS, type Pitch, type Recording, type Rehearsal } from '$lib/domain/pitch';
import type { SettingRow } from '$lib/domain/setting';
import {
	BUILT_IN_PREFIX,
	MESSAGE_MEDIA,
	MESSAGE_MOMENTS,
	type MessageTemplate
} from '$lib/domain/message-template';
import type { BackupTables } from './backup';

const SAMPLES = [
	'',
	'Zoë Ångström',
	'مرحبا بالعالم',
	'שלום עולם',
	'👩🏽‍💻 🇫🇷 🧑‍🤝‍🧑',
	'\u202eevil\u202c',
	'line\nbreak\ttab "quotes" \\ back',
	'\u0000 nul',
	'\ud800 lone surrogate',
	'e\u0301 vs é'
];

/** Free text up to `max` characters: samples, random graphemes, raw UTF-16, and the maximum. */
export function text(max: number, min = 0): fc.Arbitrary<string> {
	const cap = Math.min(max, 40);
	return fc
		.oneof(
			{ weight: 3, arbitrary: fc.constantFrom(...SAMPLES.filter((s) => s.length >= min)) },
			{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: cap }) },
			{ weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: cap }) },
			{ weight: 1, arbitrary: fc.constant('ŭ'.repeat(max)) }
		)
		.filter((s) => s.length >= min && s.length <= max);
}

export const id = fc.oneof(
	{ weight: 4, arbitrary: fc.uuid() },
	{ weight: 1, arbitrary: text(100, 1) }
);
export const timestamp = fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(0));
/** A record's version: usually small, sometimes far along. */
export const version = fc.oneof(
	fc.integer({ min: 1, max: 20 }),
	fc.integer({ min: 1, max: 2 ** 31 })
);
export const isoDate = fc
	.date({
		min: new Date('1900-01-01T00:00:00Z'),
		max: new Date('2199-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const nonNegative = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true });

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const word = (min: number, max: number) =>
	fc.array(lower, { minLength: min, maxLength: max }).map((cs) => cs.join(''));
export const email = fc
	.tuple(word(1, 12), fc.constantFrom('', '.x', '+tag', '_y'), word(1, 10), word(2, 5))
	.map(([local, extra, domain, tld]) => `${local}${extra}@${domain}.${tld.replace(/[0-9]/g, 'a')}`);
export const phone = fc
	.tuple(
		fc.constantFrom('', '+1 ', '+33 ', '(0) '),
		fc.array(word(1, 4), { minLength: 1, maxLength: 4 })
	)
	.map(([prefix, groups]) => prefix + groups.map((g) => g.replace(/[a-z]/g, '7')).join('-'));
export const url = fc
	.tuple(
		fc.constantFrom('http', 'https'),
		word(1, 12),
		word(2, 4),
		fc.array(fc.oneof(word(0, 8), fc.constantFrom('caf%C3%A9', 'ü', '%F0%9F%91%8B')), {
			maxLength: 3
		})
	)
	.map(
		([scheme, host, tld, path]) =>
			`${scheme}://${host}.${tld.replace(/[0-9]/g, 'b')}/${path.join('/')}`
	);

const list = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });
/** Rows with distinct primary keys, so no two collapse into one. */
const rows = <T>(arb: fc.Arbitrary<T>, key: (row: T) => string, maxLength = 3) =>
	fc.uniqueArray(arb, { selector: key, maxLength });

export const contact: fc.Arbitrary<Contact> = fc.record(
	{
		id,
		name: text(200, 1),
		circle: fc.constantFrom(...CIRCLES.map((c) => c.id)),
		metAt: text(500),
		metOn: isoDate,
		organization: text(500),
		role: text(500),
		field: text(500),
		emails: list(email),
		phones: list(phone),
		links: list(url),
		introducedById: id,
		tags: list(text(60, 1)),
		notes: text(100_000),
		nextFollowUpOn: isoDate,
		createdAt: timestamp,
		updatedAt: timestamp,
		version,
		deletedAt: timestamp
	},
	{
		requiredKeys: [
			'id',
			'name',
			'emails',
			'phones',
			'links',
			'tags',
			'createdAt',
			'updatedAt',
			'version'
		]
	}
);

export const touchpoint: fc.Arbitrary<Touchpoint> = fc.record(
	{
		id,
		contactId: id,
		on: isoDate,
		channel: fc.constantFrom(...CHANNELS),
		summary: text(100_000),
		received: fc.subarray([...OUTCOMES]),
		gave: text(100_000),
		followUpOn: isoDate,
		followUpDone: fc.boolean(),
		createdAt: timestamp,
		updatedAt: timestamp,
		version,
		deletedAt: timestamp
	},
	{
		requiredKeys: [
			'id',
			'contactId',
			'on',
			'channel',
			'summary',
			'received',
			'followUpDone',
			'createdAt',
			'updatedAt',
			'version'
		]
	}
);

const card = fc.record(
	{
		due: timestamp,
		stability: finite,
		difficulty: finite,
		elapsedDays: finite,
		scheduledDays: finite,
		learningSteps: finite,
		reps: fc.integer(),
		lapses: fc.integer(),
		state: fc.integer({ min: 0, max: 3 }),
		lastReview: timestamp
	},
	{
		requiredKeys: [
			'due',
			'stability',
			'difficulty',
			'elapsedDays',
			'scheduledDays',
			'learningSteps',
			'reps',
			'lapses',
			'state'
		]
	}
);

export const pitch: fc.Arbitrary<Pitch> = fc.record(
	{
		id,
		title: text(200, 1),
		targetSeconds: fc.integer({ min: 5, max: 600 }),
		audience: text(500),
		text: text(100_000),
		cues: list(text(500)),
		card,
		gaps: fc.constantFrom(...GAP_MODES),
		createdAt: timestamp,
		updatedAt: timestamp,
		version,
		deletedAt: timestamp
	},
	{
		requiredKeys: [
			'id',
			'title',
			'targetSeconds',
			'text',
			'cues',
			'createdAt',
			'updatedAt',
			'version'
		]
	}
);

export const rehearsal: fc.Arbitrary<Rehearsal> = fc.record(
	{
		id,
		pitchId: id,
		at: timestamp,
		seconds: nonNegative,
		rating: fc.constantFrom(...RATINGS),
		words: fc.nat(),
		recordingId: id
	},
	{ requiredKeys: ['id', 'pitchId', 'at', 'seconds', 'rating'] }
);

export const recording: fc.Arbitrary<Recording> = fc
	.record({
		id,
		pitchId: id,
		bytes: fc.uint8Array({ maxLength: 64 }),
		type: fc.constantFrom('audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus', ''),
		mimeType: text(200),
		durationMs: nonNegative,
		createdAt: timestamp
	})
	.map(({ bytes, type, ...rest }) => ({ ...rest, blob: new Blob([bytes], { type }) }));

const questionCategory = fc.constantFrom(...QUESTION_CATEGORIES);

export const interview: fc.Arbitrary<Interview> = fc.record(
	{
		id,
		contactId: id,
		organization: text(500),
		scheduledAt: timestamp,
		durationMinutes: fc.integer({ min: 1, max: 600 }),
		mode: fc.constantFrom('in-person', 'phone', 'video'),
		place: text(500),
		goal: text(100_000),
		status: fc.constantFrom('planned', 'done', 'cancelled'),
		questions: list(
			fc.record(
				{ questionId: id, text: text(5000), category: questionCategory, answer: text(100_000) },
				{ requiredKeys: ['text'] }
			)
		),
		notes: text(100_000),
		thankYouSentOn: isoDate,
		followUpOn: isoDate,
		referralIds: list(id),
		createdAt: timestamp,
		updatedAt: timestamp,
		version,
		deletedAt: timestamp
	},
	{
		requiredKeys: [
			'id',
			'contactId',
			'mode',
			'status',
			'questions',
			'referralIds',
			'createdAt',
			'updatedAt',
			'version'
		]
	}
);

export const question: fc.Arbitrary<Question> = fc.record(
	{
		id,
		category: questionCategory,
		text: text(5000, 1),
		builtIn: fc.boolean(),
		archived: fc.boolean(),
		createdAt: timestamp,
		updatedAt: timestamp,
		version
	},
	{ requiredKeys: ['id', 'category', 'text', 'builtIn', 'createdAt', 'updatedAt', 'version'] }
);

export const draft: fc.Arbitrary<Draft> = fc.record({
	key: text(200, 1),
	values: fc.dictionary(text(20), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
	updatedAt: timestamp
});

const myCard = fc.record(
	{ name: text(500), headline: text(500), email, phone, links: list(url) },
	{ requiredKeys: ['name', 'links'] }
);

/** Each setting at most once, each with a value of its own key's shape. */
export const settings: fc.Arbitrary<SettingRow[]> = fc
	.record(
		{
			myCard,
			wordsPerMinute: fc.double({ min: 60, max: 300, noNaN: true }),
			lastBackupAt: timestamp,
			sampleContactIds: list(id),
			sampleRecordIds: fc.record({
				pitches: list(id),
				rehearsals: list(id),
				interviews: list(id),
				questions: list(id)
			}),
			persistAsked: fc.boolean(),
			installDismissedAt: timestamp,
			reminders: fc.record(
				{ notify: fc.boolean(), askDismissedAt: timestamp },
				{ requiredKeys: ['notify'] }
			)
		},
		{ requiredKeys: [] }
	)
	.map((values) => Object.entries(values).map(([key, value]) => ({ key, value }) as SettingRow));

export const contactExtra: fc.Arbitrary<ContactExtra> = fc.record({
	contactId: id,
	lines: list(text(300, 1)),
	updatedAt: timestamp
});

export const template: fc.Arbitrary<MessageTemplate> = fc.record(
	{
		id: fc.oneof(
			id,
			fc.constantFrom('thank-you-email', 'keep-in-touch-message').map((k) => BUILT_IN_PREFIX + k)
		),
		moment: fc.constantFrom(...MESSAGE_MOMENTS),
		medium: fc.constantFrom(...MESSAGE_MEDIA),
		name: text(120, 1),
		subject: text(300),
		body: fc.oneof(text(10_000, 1), fc.constant('Dear {firstName}, {interviewNote}. {myName}')),
		createdAt: timestamp,
		updatedAt: timestamp,
		version,
		deletedAt: timestamp
	},
	{ requiredKeys: ['id', 'moment', 'medium', 'name', 'body', 'createdAt', 'updatedAt', 'version'] }
);

/**
 * Points every reference at a contact of the same tables, as a restore requires: touchpoints and
 * interviews at one of the contacts (none are kept when there are no contacts), referrals at
 * contacts there are, and introductions only at contacts earlier in the list, so none loops.
 */
function linkReferences(tables: BackupTables): BackupTables {
	const ids = tables.contacts.map((c) => c.id);
	const pick = (i: number) => ids[i % ids.length]!;
	return {
		...tables,
		contacts: tables.contacts.map((c, i) => {
			const { introducedById: _by, ...rest } = c;
			return c.introducedById !== undefined && i > 0
				? { ...rest, introducedById: pick(c.introducedById.length % i) }
				: rest;
		}),
		interactions: ids.length
			? tables.interactions.map((t, i) => ({ ...t, contactId: pick(i) }))
			: [],
		interviews: ids.length
			? tables.interviews.map((v, i) => ({
					...v,
					contactId: pick(i),
					referralIds: v.referralIds.filter((id) => ids.includes(id))
				}))
			: []
	};
}

export const backupTables: fc.Arbitrary<BackupTables> = fc
	.record({
		contacts: rows(contact, (r) => r.id),
		interactions: rows(touchpoint, (r) => r.id),
		pitches: rows(pitch, (r) => r.id),
		rehearsals: rows(rehearsal, (r) => r.id),
		recordings: rows(recording, (r) => r.id),
		interviews: rows(interview, (r) => r.id),
		questions: rows(question, (r) => r.id),
		drafts: rows(draft, (r) => r.key),
		settings,
		contactExtras: rows(contactExtra, (r) => r.contactId),
		templates: rows(template, (r) => r.id)
	})
	.map(linkReferences);

/** A small, fixed dataset with a row or more in every table, for example-based tests. */
export function exampleTables(): BackupTables {
	const t = 1_700_000_000_000;
	return {
		contacts: [
			{
				id: 'c2',
				name: 'Zoë Ångström',
				circle: 'alumni',
				organization: 'City Library',
				emails: ['zoe@example.org'],
				phones: ['+1 555 0100'],
				links: ['https://example.org/zoe'],
				tags: ['archives', 'mentor'],
				notes: 'مرحبا 👋',
				createdAt: t,
				updatedAt: t,
				version: 1
			},
			{
				id: 'c1',
				name: 'Sam Lee',
				emails: [],
				phones: [],
				links: [],
				tags: [],
				introducedById: 'c2',
				createdAt: t,
				updatedAt: t,
				version: 1
			}
		],
		interactions: [0, 1, 2, 3].map((i) => ({
			id: `i${i}`,
			contactId: 'c1',
			on: '2026-03-0' + (i + 1),
			channel: 'call' as const,
			summary: `Call ${i}`,
			received: ['names' as const, 'resume-tips' as const],
			followUpDone: false,
			createdAt: t,
			updatedAt: t,
			version: 1
		})),
		pitches: [
			{
				id: 'p1',
				title: 'Thirty seconds',
				targetSeconds: 30,
				text: 'I organise knowledge.',
				cues: ['who', 'what', 'want'],
				createdAt: t,
				updatedAt: t,
				version: 1
			}
		],
		rehearsals: [
			{ id: 'r1', pitchId: 'p1', at: t, seconds: 31.5, rating: 'good', recordingId: 'a1' }
		],
		recordings: [
			{
				id: 'a1',
				pitchId: 'p1',
				blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm' }),
				mimeType: 'audio/webm',
				durationMs: 1500,
				createdAt: t
			}
		],
		interviews: [
			{
				id: 'v1',
				contactId: 'c2',
				mode: 'video',
				status: 'planned',
				questions: [{ text: 'How did you start?', category: 'path' }],
				referralIds: ['c1'],
				createdAt: t,
				updatedAt: t,
				version: 1
			}
		],
		questions: [
			{
				id: 'q1',
				category: 'path',
				text: 'How did you start?',
				builtIn: true,
				createdAt: t,
				updatedAt: t,
				version: 1
			}
		],
		drafts: [{ key: 'capture', values: { name: 'Half typed' }, updatedAt: t }],
		settings: [
			{ key: 'wordsPerMinute', value: 150 },
			{ key: 'myCard', value: { name: 'Me', links: [] } }
		],
		contactExtras: [
			{ contactId: 'c2', lines: ['BDAY:19900101', 'X-PHONETIC-LAST-NAME:Angstrom'], updatedAt: t }
		],
		templates: [
			{
				id: 'builtin:thank-you-email',
				moment: 'thank-you',
				medium: 'email',
				name: 'My thank-you',
				subject: 'Thanks, {firstName}',
				body: 'Thank you for {interviewNote}. {myName}',
				createdAt: t,
				updatedAt: t,
				version: 2
			},
			{
				id: 't1',
				moment: 'keep-in-touch',
				medium: 'message',
				name: 'Quick hello',
				body: 'Hi {firstName}, how are things? 👋',
				createdAt: t,
				updatedAt: t,
				version: 1
			}
		]
	};
}
