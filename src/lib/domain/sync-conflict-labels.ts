/**
 * How a "Changed on two devices" card names a field and shows its two values: each record's
 * fields by the labels its form or page uses, and dates, circles, choices and links to other
 * records in words. Cards hold a row's stored fields (`targetSeconds`, `received`), not the form's.
 */
import { describeCadence } from './cadence';
import { circleLabel } from './circles';
import { CONTACT_FORM_LABELS } from './contact';
import { formatDay } from './day-format';
import type { PrepStep, QuestionCategory } from './interview';
import {
	CATEGORY_LABELS,
	formatWhen,
	MODE_LABELS,
	PREP_LABELS,
	STATUS_LABELS
} from './interview-rules';
import { PLAN_FORM_LABELS } from './interview-plan';
import { PITCH_FORM_LABELS } from './pitch-form';
import type { ConflictTable, SyncConflict } from './sync-conflict';
import { CHANNEL_LABELS, OUTCOME_LABELS, type Channel, type Outcome } from './touchpoint';
import { TOUCHPOINT_FORM_LABELS } from './touchpoint-form';

/** Each table's fields as the screens name them, in the order the screens show them. */
export const SYNC_FIELD_LABELS: Record<ConflictTable, Record<string, string>> = {
	contacts: {
		...CONTACT_FORM_LABELS,
		keepInTouchDays: 'Keep in touch',
		introRequests: 'Introductions to ask for',
		mergedIntoId: 'Merged into'
	},
	interactions: {
		on: TOUCHPOINT_FORM_LABELS.on,
		channel: TOUCHPOINT_FORM_LABELS.channel,
		summary: TOUCHPOINT_FORM_LABELS.summary,
		received: TOUCHPOINT_FORM_LABELS.received,
		gave: TOUCHPOINT_FORM_LABELS.gave,
		followUpOn: TOUCHPOINT_FORM_LABELS.followUpOn,
		followUpDone: 'Followed up',
		contactId: 'Who'
	},
	pitches: {
		title: PITCH_FORM_LABELS.title,
		targetSeconds: PITCH_FORM_LABELS.target,
		audience: PITCH_FORM_LABELS.audience,
		text: PITCH_FORM_LABELS.text,
		cues: PITCH_FORM_LABELS.cues
	},
	interviews: {
		contactId: PLAN_FORM_LABELS.contactId,
		organization: PLAN_FORM_LABELS.organization,
		scheduledAt: PLAN_FORM_LABELS.scheduledAt,
		durationMinutes: PLAN_FORM_LABELS.durationMinutes,
		mode: PLAN_FORM_LABELS.mode,
		place: PLAN_FORM_LABELS.place,
		goal: PLAN_FORM_LABELS.goal,
		status: 'Status',
		prepared: 'Get ready',
		pitchId: 'Pitch to use',
		questions: 'Questions',
		thankYouSentOn: 'Thank-you sent',
		notes: 'What you learned',
		outcomes: 'What you came away with',
		referralIds: 'Who else they suggested you talk to',
		followUpOn: 'Follow up on',
		currentIndex: 'Question reached',
		startedAt: 'Started',
		interactionId: 'Touchpoint logged'
	},
	questions: { text: 'Question', category: 'Category', archived: 'Archived' },
	contactExtras: {}
};

/** A field's label, or undefined for one no screen names (the cards make one up). */
export function syncFieldLabel(table: ConflictTable, field: string): string | undefined {
	return Object.hasOwn(SYNC_FIELD_LABELS[table], field)
		? SYNC_FIELD_LABELS[table][field]
		: undefined;
}

/** Cards in the order of the screen: a record brought back first, then fields as the form has them. */
export function inFormOrder(conflicts: readonly SyncConflict[]): SyncConflict[] {
	const rank = (c: SyncConflict) => {
		if (c.revived) return -1;
		const i = Object.keys(SYNC_FIELD_LABELS[c.table]).indexOf(c.field);
		return i < 0 ? Number.MAX_SAFE_INTEGER : i;
	};
	return [...conflicts].sort(
		(a, b) => rank(a) - rank(b) || a.field.localeCompare(b.field) || a.id.localeCompare(b.id)
	);
}

/** Names of the records a card's values point to (contacts, pitches), by id. */
export type RecordNames = Readonly<Record<string, string>>;

/** Fields holding the id of a contact, and of a pitch, in each table. */
const CONTACT_REFS = new Set(['introducedById', 'mergedIntoId', 'contactId', 'referralIds']);
const PITCH_REFS = new Set(['pitchId']);

/** The ids a card's values point to, to look their names up. */
export function referencedIds(conflict: SyncConflict): { contacts: string[]; pitches: string[] } {
	const ids = (v: unknown): string[] =>
		typeof v === 'string' && v ? [v] : Array.isArray(v) ? v.flatMap(ids) : [];
	const both = [...ids(conflict.kept), ...ids(conflict.other)];
	return {
		contacts: CONTACT_REFS.has(conflict.field) ? both : [],
		pitches: PITCH_REFS.has(conflict.field) ? both : []
	};
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Strings as they are (a day in words), lists joined, yes or no. */
function plain(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return ISO_DAY.test(value) ? formatDay(value) : value;
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	if (typeof value === 'boolean') return value ? 'Yes' : 'No';
	if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ');
	return JSON.stringify(value) ?? '';
}

function list(value: unknown, each: (item: unknown) => string): string {
	const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
	return items.map(each).filter(Boolean).join(', ');
}

function labelled<K extends string>(labels: Record<K, string>) {
	return (v: unknown) =>
		typeof v === 'string' && Object.hasOwn(labels, v) ? labels[v as K] : plain(v);
}

const empty = (v: unknown) => v === null || v === undefined || v === '';
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/**
 * A card's value in words; '' where there is nothing (the card says "(empty)"), unless the screen
 * has words for nothing ("No circle"). `names` gives the records an id points to.
 */
export function describeSyncValue(
	table: ConflictTable,
	field: string,
	value: unknown,
	names: RecordNames = {}
): string {
	const contact = (v: unknown) =>
		typeof v === 'string' && v ? (names[v] ?? 'someone deleted from Kith') : '';
	if (CONTACT_REFS.has(field)) {
		if (field === 'introducedById' && empty(value)) return 'Nobody';
		return list(value, contact);
	}
	if (PITCH_REFS.has(field)) {
		if (empty(value)) return 'None chosen';
		return typeof value === 'string' ? (names[value] ?? 'a deleted pitch') : plain(value);
	}
	switch (`${table}.${field}`) {
		case 'contacts.circle':
			return circleLabel(typeof value === 'string' ? value : undefined);
		case 'contacts.keepInTouchDays':
			return describeCadence(num(value));
		case 'contacts.introRequests':
			return list(value, (r) => {
				const req = r as { who?: unknown; doneAt?: unknown } | null;
				if (!req || typeof req.who !== 'string') return plain(r);
				return req.doneAt === undefined ? req.who : `${req.who} (asked)`;
			});
		case 'interactions.channel':
			return list(value, labelled<Channel>(CHANNEL_LABELS));
		case 'interactions.received':
		case 'interviews.outcomes':
			return list(value, labelled<Outcome>(OUTCOME_LABELS));
		case 'interactions.followUpDone':
			return value === true ? 'Done' : value === false ? 'Not yet' : plain(value);
		case 'pitches.targetSeconds':
			return num(value) === undefined ? plain(value) : `${value} seconds`;
		case 'interviews.mode':
			return labelled(MODE_LABELS)(value);
		case 'interviews.status':
			return labelled(STATUS_LABELS)(value);
		case 'interviews.prepared':
			return list(value, labelled<PrepStep>(PREP_LABELS));
		case 'interviews.scheduledAt':
		case 'interviews.startedAt':
			return num(value) === undefined ? plain(value) : formatWhen(num(value));
		case 'interviews.durationMinutes':
			return num(value) === undefined ? plain(value) : `${value} min`;
		case 'interviews.currentIndex':
			return num(value) === undefined ? plain(value) : `Question ${num(value)! + 1}`;
		case 'interviews.questions':
			return list(value, (q) => {
				const item = q as { text?: unknown; answer?: unknown } | null;
				if (!item || typeof item.text !== 'string') return plain(q);
				return typeof item.answer === 'string' && item.answer
					? `${item.text} (${item.answer})`
					: item.text;
			});
		case 'interviews.interactionId':
			return empty(value) ? '' : 'A touchpoint on their page';
		case 'questions.category':
			return labelled<QuestionCategory>(CATEGORY_LABELS)(value);
		default:
			return plain(value);
	}
}

/** What a card on a contact's page is about when it is one of their touchpoints. */
export function touchpointSubject(touchpoint: { on: string }): string {
	return `Touchpoint on ${formatDay(touchpoint.on)}`;
}
