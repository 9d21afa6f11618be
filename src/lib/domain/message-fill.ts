/**
 * Filling a message template: the words in braces it may hold, what each is filled with from the
 * contact, the interview, what they gave and the person's own card, and the gaps left where Kith
 * knows nothing to put. A gap stays in the text as `{word}` so it shows, and sending waits until
 * it is written over. Also the links a filled message is sent through. Pure.
 */
import { toIsoDate } from './day';
import { formatDay } from './day-format';
import type { Contact } from './contact';
import type { Interview } from './interview';
import type { MyCard } from './my-card';
import { OUTCOME_LABELS, type Outcome } from './touchpoint';
import { builtInTemplate, BUILT_IN_TEMPLATES } from './message-builtins';
import {
	isBuiltInId,
	MESSAGE_MOMENTS,
	type MessageMedium,
	type MessageMoment,
	type MessageTemplate,
	type TemplateText
} from './message-template';

/** Every word a template may hold in braces, with what it stands for (the editor lists these). */
export const PLACEHOLDERS = {
	firstName: 'their first name',
	name: 'their full name',
	organization: 'their organisation',
	role: 'their role',
	field: 'their field',
	metAt: 'where you met',
	introducer: 'who introduced you to them',
	introducerFirstName: 'the first name of who introduced you',
	introTo: 'whom you would like them to introduce you to',
	interviewDate: 'the day of the interview',
	interviewNote: 'something specific from the interview notes',
	help: 'what they gave you, from your touchpoints',
	yourNews: 'your news (always left for you to write)',
	myName: 'your name, from My card',
	myFirstName: 'your first name, from My card',
	myHeadline: 'your headline, from My card',
	myEmail: 'your email, from My card',
	myPhone: 'your phone, from My card'
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const isPlaceholder = (word: string): word is Placeholder => Object.hasOwn(PLACEHOLDERS, word);

const PATTERN = /\{([A-Za-z]+)\}/g;

/** What a message can be filled from; everything but the contact is optional. */
export interface MessageContext {
	contact: Pick<Contact, 'name' | 'organization' | 'role' | 'field' | 'metAt' | 'introRequests'>;
	introducer?: Pick<Contact, 'name'>;
	interview?: Pick<
		Interview,
		'scheduledAt' | 'startedAt' | 'notes' | 'questions' | 'organization' | 'goal'
	>;
	/** What they gave, newest touchpoint first (only the first that gave anything counts). */
	received?: readonly Outcome[];
	me?: MyCard;
}

export type MessageValues = Partial<Record<Placeholder, string>>;

function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] ?? '';
}

const NOTE_MAX = 160;

/**
 * Something specific from an interview: the first line of its notes, or else the first answer
 * written during the run, trimmed to one sentence without its closing full stop (the template
 * puts its own), lower-cased at the start unless it opens with a name or an acronym.
 */
export function specificNote(interview: MessageContext['interview']): string | undefined {
	if (!interview) return undefined;
	const sources = [interview.notes, ...interview.questions.map((q) => q.answer)];
	for (const source of sources) {
		const line = source
			?.split(/\n+/)
			.map((l) => l.replace(/^[\s\-*•]+/, '').trim())
			.find((l) => l.length > 0);
		if (!line) continue;
		const sentence = line.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? line;
		let note = sentence.replace(/[\s.!?;:,]+$/, '');
		if (note.length > NOTE_MAX) note = `${note.slice(0, NOTE_MAX).replace(/\s+\S*$/, '')}…`;
		if (/^[A-Z][a-z]/.test(note) && !/^I\b/.test(note))
			note = note[0]!.toLowerCase() + note.slice(1);
		return note;
	}
	return undefined;
}

/** What they gave, in words that read after "the": "resume tips and names to contact". */
export function describeHelp(received: readonly Outcome[] | undefined): string | undefined {
	const words = (received ?? [])
		.filter((o) => o !== 'other')
		.map((o) => OUTCOME_LABELS[o].replace(/^An? /, '').toLowerCase());
	if (!words.length) return received?.length ? 'help' : undefined;
	return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The value of each word the context can fill; the ones it cannot are absent. */
export function messageValues(ctx: MessageContext): MessageValues {
	const { contact, introducer, interview, me } = ctx;
	const values: MessageValues = {};
	const set = (key: Placeholder, value: string | undefined) => {
		const v = value?.trim();
		if (v) values[key] = v;
	};
	set('name', contact.name);
	set('firstName', firstName(contact.name));
	set('organization', contact.organization ?? interview?.organization);
	set('role', contact.role);
	set('field', contact.field);
	set('metAt', contact.metAt);
	if (introducer) {
		set('introducer', introducer.name);
		set('introducerFirstName', firstName(introducer.name));
	}
	set('introTo', contact.introRequests?.find((r) => r.doneAt === undefined)?.who);
	const when = interview?.scheduledAt ?? interview?.startedAt;
	// A stored time can lie beyond what a Date holds; such a day is left for the person to write.
	const day = when === undefined ? undefined : new Date(when);
	if (day && !Number.isNaN(day.getTime())) set('interviewDate', formatDay(toIsoDate(day)));
	set('interviewNote', specificNote(interview));
	set('help', describeHelp(ctx.received));
	if (me) {
		set('myName', me.name);
		set('myFirstName', firstName(me.name));
		set('myHeadline', me.headline);
		set('myEmail', me.email);
		set('myPhone', me.phone);
	}
	return values;
}

/** The known words still in braces in a text, each once, in the order they appear. */
export function findGaps(text: string): Placeholder[] {
	const seen = new Set<Placeholder>();
	for (const [, word] of text.matchAll(PATTERN)) if (isPlaceholder(word!)) seen.add(word);
	return [...seen];
}

function fillText(text: string, values: MessageValues): string {
	return text.replace(PATTERN, (whole, word: string) =>
		isPlaceholder(word) && values[word] !== undefined ? values[word] : whole
	);
}

export interface FilledMessage {
	subject: string;
	body: string;
	/** Words Kith could not fill, left in braces for the person to write over. */
	gaps: Placeholder[];
}

/**
 * A template with every word it can fill filled. Values are put in as they are, once: a value that
 * holds braces itself (a note that says "{myName}") is not filled again.
 */
export function fillTemplate(
	template: Pick<TemplateText, 'subject' | 'body'>,
	values: MessageValues
): FilledMessage {
	const subject = fillText(template.subject ?? '', values);
	const body = fillText(template.body, values);
	const gaps = [
		...new Set([...findGaps(template.subject ?? ''), ...findGaps(template.body)])
	].filter((word) => values[word] === undefined);
	return { subject, body, gaps };
}

/** The gaps still left in a message as edited (words the person wrote in braces are theirs). */
export function gapsLeft(message: { subject: string; body: string }, template: FilledMessage) {
	const left = new Set([...findGaps(message.subject), ...findGaps(message.body)]);
	return template.gaps.filter((g) => left.has(g));
}

// ---- Built-in and own templates together ---------------------------------------------------

/** A template as the lists show it: stored or built in, and whether it differs from the original. */
export interface ListedTemplate extends TemplateText {
	id: string;
	builtIn: boolean;
	/** A built-in the person changed (reset puts the original back). */
	changed: boolean;
	version?: number;
}

/**
 * Every template: the built-ins in their order (a changed one in its changed wording), then the
 * person's own by creation. Own templates in the trash are left out, as are stored rows of a
 * built-in this Kith no longer ships.
 */
export function listTemplates(stored: readonly MessageTemplate[]): ListedTemplate[] {
	const byId = new Map(stored.map((row) => [row.id, row]));
	const builtIns = BUILT_IN_TEMPLATES.map((b): ListedTemplate => {
		const row = byId.get(b.id);
		return row
			? { ...pickText(row), id: b.id, builtIn: true, changed: true, version: row.version }
			: { ...pickText(b), id: b.id, builtIn: true, changed: false };
	});
	const own = stored
		.filter((row) => !isBuiltInId(row.id) && row.deletedAt === undefined)
		.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
		.map((row): ListedTemplate => ({
			...pickText(row),
			id: row.id,
			builtIn: false,
			changed: false,
			version: row.version
		}));
	return [...builtIns, ...own];
}

function pickText(t: TemplateText): TemplateText {
	return {
		moment: t.moment,
		medium: t.medium,
		name: t.name,
		...(t.subject !== undefined ? { subject: t.subject } : {}),
		body: t.body
	};
}

/** The templates of a moment, in list order. */
export function templatesFor(list: readonly ListedTemplate[], moment: MessageMoment) {
	return list.filter((t) => t.moment === moment);
}

/** The original wording of a built-in, to compare with or reset to. */
export function originalOf(id: string): TemplateText | undefined {
	const b = builtInTemplate(id);
	return b && pickText(b);
}

export function isMoment(value: string | null | undefined): value is MessageMoment {
	return (MESSAGE_MOMENTS as readonly string[]).includes(value ?? '');
}

// ---- Sending ---------------------------------------------------------------------------------

/** A `mailto:` link to the address with the subject and body (spaces as %20, as mail apps want). */
export function mailtoHref(email: string, subject: string, body: string): string {
	const query = [
		subject ? `subject=${encodeURIComponent(subject)}` : '',
		`body=${encodeURIComponent(body)}`
	]
		.filter(Boolean)
		.join('&');
	return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?${query}`;
}

/** An `sms:` link to the number with the text; the number keeps only what dialers read. */
export function smsHref(phone: string, body: string): string {
	return `sms:${phone.replace(/[^+0-9]/g, '')}?body=${encodeURIComponent(body)}`;
}

/** The text a message is copied or shared as: the subject on its own line first, for an email. */
export function plainMessage(medium: MessageMedium, subject: string, body: string): string {
	return medium === 'email' && subject.trim() ? `${subject.trim()}\n\n${body}` : body;
}

/** What the touchpoint logged by "Sent" says. */
export const SENT_SUMMARIES: Record<MessageMoment, string> = {
	'ask-interview': 'Asked for an informational interview.',
	'thank-you': 'Sent a thank-you for the informational interview.',
	referral: 'Got in touch on a referral.',
	'ask-intro': 'Asked for an introduction.',
	'keep-in-touch': 'Sent a note to keep in touch.',
	'tell-helper': 'Told them what came of their help.'
};
