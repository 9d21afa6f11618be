/**
 * Raw values from a CSV row to a contact draft the contact schema accepts. A row that cannot be
 * kept becomes a problem naming its line and the reason; a value that cannot be kept is left out
 * and named, and the rest of the row is kept.
 */
import { CIRCLES } from '$lib/domain/circles';
import { contactSchema, NAME_MAX, normalizeLink, type ContactFields } from '$lib/domain/contact';
import { emailSchema, httpUrlSchema, phoneSchema } from '$lib/domain/text';
import { parseCsvDate } from './csv-dates';
import { headerKey } from './csv-read';

/**
 * A contact ready to be saved, and the line of the file it came from. Take `line` off before
 * saving: the contact schema admits no other keys.
 */
export type ContactDraft = ContactFields & { line: number; starred?: boolean };

export interface CsvProblem {
	/** 1-based line of the file. */
	line: number;
	/** What went wrong, written for the person importing. */
	reason: string;
	/** True when the whole row was left out; false when only one value of it was. */
	skipped: boolean;
	name?: string;
}

export interface CsvDrafts {
	drafts: ContactDraft[];
	problems: CsvProblem[];
}

export type CsvKind = 'linkedin' | 'google' | 'generic' | 'unknown';

export interface CsvImport extends CsvDrafts {
	kind: CsvKind;
}

export interface Candidate {
	name: string;
	circle?: string;
	metAt?: string;
	metOn?: string;
	organization?: string;
	role?: string;
	field?: string;
	notes?: string;
	nextFollowUpOn?: string;
	emails: string[];
	phones: string[];
	links: string[];
	tags: string[];
	/** In Google's "starred" group, for a "favourite" tag if the person asks for one. */
	starred?: boolean;
}

const SHORT_MAX = 500;
const NOTES_MAX = 100_000;
const TAG_MAX = 60;

const circleIds = new Map<string, string>(
	CIRCLES.flatMap((c) => [
		[headerKey(c.id), c.id],
		[headerKey(c.label), c.id]
	])
);

const SHORT_FIELDS = [
	['metAt', 'place where you met'],
	['organization', 'organisation'],
	['role', 'role'],
	['field', 'field']
] as const;

function show(value: string): string {
	return `“${value.length > 40 ? `${value.slice(0, 39)}…` : value}”`;
}

export function unique(values: string[]): string[] {
	return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Adds the draft to `out`, or the reason it cannot be kept; values that cannot be kept are named. */
export function addDraft(c: Candidate, line: number, out: CsvDrafts): void {
	const name = c.name.trim().replace(/\s+/g, ' ');
	const skip = (reason: string) => {
		out.problems.push(
			name ? { line, name, reason, skipped: true } : { line, reason, skipped: true }
		);
	};
	if (!name) return skip('This row has no name, so it was not imported.');
	if (name.length > NAME_MAX) {
		return skip(`The name is longer than ${NAME_MAX} characters, so this row was not imported.`);
	}

	const draft: ContactDraft = { line, name, emails: [], phones: [], links: [], tags: [] };
	if (c.starred) draft.starred = true;
	// A date read wrongly would quietly misplace the contact in time, so the row waits for a fix.
	for (const key of ['metOn', 'nextFollowUpOn'] as const) {
		const raw = c[key]?.trim();
		if (!raw) continue;
		const day = parseCsvDate(raw);
		if (!day) return skip(`The date ${show(raw)} could not be read, so this row was not imported.`);
		draft[key] = day;
	}

	const leftOut = (reason: string) => out.problems.push({ line, name, reason, skipped: false });
	const circle = c.circle?.trim();
	if (circle) {
		const id = circleIds.get(headerKey(circle));
		if (id) draft.circle = id as ContactDraft['circle'];
		else leftOut(`${show(circle)} is not one of Kith’s circles, so the circle was left empty.`);
	}
	for (const [key, label] of SHORT_FIELDS) {
		const value = c[key]?.trim();
		if (!value) continue;
		if (value.length > SHORT_MAX) {
			leftOut(`The ${label} is longer than ${SHORT_MAX} characters, so it was left out.`);
		} else draft[key] = value;
	}
	const notes = c.notes?.trim();
	if (notes && notes.length > NOTES_MAX) {
		leftOut(`The notes are longer than ${NOTES_MAX} characters, so they were left out.`);
	} else if (notes) draft.notes = notes;

	for (const email of unique(c.emails)) {
		if (emailSchema.safeParse(email).success) draft.emails.push(email);
		else leftOut(`${show(email)} is not a complete email address, so it was left out.`);
	}
	for (const phone of unique(c.phones)) {
		if (phoneSchema.safeParse(phone).success) draft.phones.push(phone);
		else leftOut(`${show(phone)} is not a phone number Kith can keep, so it was left out.`);
	}
	for (const link of unique(c.links.map(normalizeLink))) {
		if (httpUrlSchema.safeParse(link).success) draft.links.push(link);
		else leftOut(`${show(link)} is not a web link (http:// or https://), so it was left out.`);
	}
	for (const tag of unique(c.tags)) {
		if (tag.length <= TAG_MAX) draft.tags.push(tag);
		else leftOut(`The tag ${show(tag)} is longer than ${TAG_MAX} characters, so it was left out.`);
	}

	// The checks above mirror the schema; this keeps a draft that slipped past them out of the save.
	// Each email, phone and link was checked above by the very schema the contact's lists hold them
	// to, so they are not checked twice: parsing every link again as a URL and matching every email
	// again was a third of the time a 5,000-row file took to read.
	const { line: _line, starred: _starred, emails: _e, phones: _p, links: _l, ...fields } = draft;
	const checked = { emails: [], phones: [], links: [] };
	if (
		!contactSchema.safeParse({
			...fields,
			...checked,
			id: 'x',
			createdAt: 0,
			updatedAt: 0,
			version: 1
		}).success
	) {
		return skip('This row could not be read, so it was not imported.');
	}
	out.drafts.push(draft);
}

export function byLine(a: CsvProblem, b: CsvProblem): number {
	return a.line - b.line;
}

export const EMAIL_SPLIT = /\s*:::\s*|[,;\s]+/;
export const PHONE_SPLIT = /\s*:::\s*|\s*[;,\n]\s*/;
export const LINK_SPLIT = /\s*:::\s*|\s+/;
export const GOOGLE_SPLIT = /\s*:::\s*/;

export function split(value: string, separator: RegExp): string[] {
	return value ? value.split(separator).filter(Boolean) : [];
}
