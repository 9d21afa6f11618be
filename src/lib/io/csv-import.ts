/**
 * Turns CSV files into contact drafts: LinkedIn's Connections.csv, Google Contacts (current and
 * legacy headers), and any other CSV through a column mapping the person can check first. Every
 * draft passes the contact schema; a row that cannot be read becomes a problem naming its line in
 * the file and the reason, and never stops the rows after it.
 */
import { CIRCLES } from '$lib/domain/circles';
import { contactSchema, NAME_MAX, normalizeLink, type ContactFields } from '$lib/domain/contact';
import { emailSchema, httpUrlSchema, phoneSchema } from '$lib/domain/text';
import { restoreCell } from './csv-cells';
import { parseCsvDate } from './csv-dates';
import {
	assertCsvText,
	CsvError,
	decodeCsv,
	headerKey,
	readRows,
	type CsvInput,
	type CsvRow
} from './csv-read';

export { CsvError, type CsvErrorCode, type CsvInput, type CsvRow } from './csv-read';

/**
 * A contact ready to be saved, and the line of the file it came from. Take `line` off before
 * saving: the contact schema admits no other keys.
 */
export type ContactDraft = ContactFields & { line: number };

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

export interface SniffedCsv {
	kind: CsvKind;
	/** The header row's cells; empty when no header was found (`kind` is then 'unknown'). */
	headers: string[];
	/** The header's line in the file, 0 when there is none. */
	headerLine: number;
	/** The rows under the header, or every row when there is no header. Blank rows are left out. */
	rows: CsvRow[];
	/** Damage found while reading the file itself; show these with the rows' own problems. */
	problems: CsvProblem[];
}

/** What a column of a generic CSV can hold. */
export type CsvField =
	| 'name'
	| 'firstName'
	| 'lastName'
	| 'email'
	| 'phone'
	| 'organization'
	| 'role'
	| 'field'
	| 'circle'
	| 'metAt'
	| 'metOn'
	| 'nextFollowUpOn'
	| 'url'
	| 'tags'
	| 'notes';

/** One entry per column, in column order; `null` leaves the column out. */
export type CsvMapping = (CsvField | null)[];

// ---------------------------------------------------------------------------------------------
// Turning raw values into a draft that the contact schema accepts

interface Candidate {
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

function unique(values: string[]): string[] {
	return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Adds the draft to `out`, or the reason it cannot be kept; values that cannot be kept are named. */
function addDraft(c: Candidate, line: number, out: CsvDrafts): void {
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
	const { line: _line, ...fields } = draft;
	if (!contactSchema.safeParse({ ...fields, id: 'x', createdAt: 0, updatedAt: 0 }).success) {
		return skip('This row could not be read, so it was not imported.');
	}
	out.drafts.push(draft);
}

function byLine(a: CsvProblem, b: CsvProblem): number {
	return a.line - b.line;
}

// ---------------------------------------------------------------------------------------------
// Finding the header row

type Columns = Map<string, number>;

function columnsOf(headers: readonly string[]): Columns {
	const columns: Columns = new Map();
	headers.forEach((h, i) => {
		const key = headerKey(h);
		if (!columns.has(key)) columns.set(key, i);
	});
	return columns;
}

function isLinkedInHeader(columns: Columns): boolean {
	return ['firstname', 'lastname', 'connectedon'].every((k) => columns.has(k));
}

const GOOGLE_NUMBERED =
	/^(email|phone|website|organization|address|relation|event|im)\d+(value|label|type|name|title|formatted)$/;

function isGoogleHeader(columns: Columns): boolean {
	const named = columns.has('firstname') || columns.has('givenname') || columns.has('name');
	if (!named) return false;
	if (columns.has('groupmembership')) return true;
	if (columns.has('labels') && (columns.has('fileas') || columns.has('organizationname'))) {
		return true;
	}
	return [...columns.keys()].some((k) => GOOGLE_NUMBERED.test(k));
}

const NAME_FIELDS: ReadonlySet<CsvField | null> = new Set(['name', 'firstName', 'lastName']);

// Header cells never hold an address, a link or a number; data rows usually do.
const LOOKS_LIKE_DATA = /@|^https?:\/\/|^\+?[\d\s().-]{6,}$/i;

// LinkedIn puts a few lines of notes above its header; other tools rarely put more than a title.
const HEADER_SEARCH_ROWS = 30;
const GENERIC_HEADER_SEARCH_ROWS = 5;

interface Header {
	kind: Exclude<CsvKind, 'unknown'>;
	index: number;
}

function findHeader(rows: readonly CsvRow[]): Header | undefined {
	for (let index = 0; index < rows.length && index < HEADER_SEARCH_ROWS; index++) {
		const cells = (rows[index]?.cells ?? []).map((c) => c.trim());
		const columns = columnsOf(cells);
		if (isLinkedInHeader(columns)) return { kind: 'linkedin', index };
		if (isGoogleHeader(columns)) return { kind: 'google', index };
		if (
			index < GENERIC_HEADER_SEARCH_ROWS &&
			guessMapping(cells).some((f) => NAME_FIELDS.has(f)) &&
			!cells.some((c) => LOOKS_LIKE_DATA.test(c))
		) {
			return { kind: 'generic', index };
		}
	}
	return undefined;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Reads a CSV file and tells which kind it is: LinkedIn connections, Google contacts, another CSV
 * with a header naming a name column ('generic'), or one without such a header ('unknown').
 * Throws a `CsvError` for an empty file and for one that is not text.
 */
export function sniffCsv(input: CsvInput): SniffedCsv {
	const text = decodeCsv(input);
	assertCsvText(text);
	// Excel writes "sep=;" as a first line when the file uses a delimiter other than its default.
	const hint = /^sep=(.)\r?\n/i.exec(text)?.[1];
	const delimiters = hint ? [hint] : DELIMITERS;

	let widest = { delimiter: ',', cells: 0 };
	for (const delimiter of delimiters) {
		// Blank lines count towards the limit, so leave room for a few of them.
		const preview = readRows(text, delimiter, HEADER_SEARCH_ROWS * 2).rows;
		const header = findHeader(preview);
		const width = preview[0]?.cells.length ?? 0;
		if (width > widest.cells) widest = { delimiter, cells: width };
		if (!header) continue;
		const read = readRows(text, delimiter);
		const headerRow = read.rows[header.index] as CsvRow;
		return {
			kind: header.kind,
			headers: headerRow.cells.map((c) => c.trim()),
			headerLine: headerRow.line,
			rows: read.rows.slice(header.index + 1),
			problems: readProblems(read.unclosedQuoteLine)
		};
	}
	const read = readRows(text, widest.delimiter);
	return {
		kind: 'unknown',
		headers: [],
		headerLine: 0,
		rows: hint ? read.rows.filter((row) => row.line > 1) : read.rows,
		problems: readProblems(read.unclosedQuoteLine)
	};
}

function readProblems(unclosedQuoteLine: number | undefined): CsvProblem[] {
	if (unclosedQuoteLine === undefined) return [];
	return [
		{
			line: unclosedQuoteLine,
			reason:
				'A quotation mark opened on this line is never closed, so this line and everything after it could not be read. Open the file in a spreadsheet app, save it as CSV again, and import it again.',
			skipped: true
		}
	];
}

// ---------------------------------------------------------------------------------------------
// LinkedIn and Google

function cellAt(row: CsvRow, index: number | undefined): string {
	return index === undefined ? '' : (row.cells[index] ?? '').trim();
}

const EMAIL_SPLIT = /\s*:::\s*|[,;\s]+/;
const PHONE_SPLIT = /\s*:::\s*|\s*[;,\n]\s*/;
const LINK_SPLIT = /\s*:::\s*|\s+/;
const GOOGLE_SPLIT = /\s*:::\s*/;

function split(value: string, separator: RegExp): string[] {
	return value ? value.split(separator).filter(Boolean) : [];
}

/** Drafts from LinkedIn's Connections.csv: everyone there was met online, on LinkedIn. */
export function linkedInDrafts(csv: SniffedCsv): CsvImport {
	const columns = columnsOf(csv.headers);
	const col = (key: string) => columns.get(key);
	const [first, last, url, email, company, position, on] = [
		col('firstname'),
		col('lastname'),
		col('url'),
		col('emailaddress'),
		col('company'),
		col('position'),
		col('connectedon')
	];
	const out: CsvDrafts = { drafts: [], problems: [...csv.problems] };
	for (const row of csv.rows) {
		const candidate: Candidate = {
			name: `${cellAt(row, first)} ${cellAt(row, last)}`,
			circle: 'online',
			metAt: 'LinkedIn',
			metOn: cellAt(row, on),
			organization: cellAt(row, company),
			role: cellAt(row, position),
			emails: split(cellAt(row, email), EMAIL_SPLIT),
			phones: [],
			links: split(cellAt(row, url), LINK_SPLIT),
			tags: []
		};
		addDraft(candidate, row.line, out);
	}
	return { kind: 'linkedin', drafts: out.drafts, problems: out.problems.sort(byLine) };
}

// Groups Google adds by itself; the rest (Friends, Family, Coworkers) mean something to the person.
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'starred', 'othercontacts', 'chatbuddies']);

function googleTags(cell: string): string[] {
	const tags: string[] = [];
	for (const raw of split(cell, GOOGLE_SPLIT)) {
		const system = raw.startsWith('*');
		const tag = raw.replace(/^\*\s*/, '').trim();
		if (tag && !(system && GOOGLE_SYSTEM_GROUPS.has(headerKey(tag)))) tags.push(tag);
	}
	return tags;
}

/** Drafts from a Google Contacts export, whether it uses the current or the legacy headers. */
export function googleDrafts(csv: SniffedCsv): CsvImport {
	const columns = columnsOf(csv.headers);
	const col = (key: string) => columns.get(key);
	const matching = (pattern: RegExp) =>
		[...columns].filter(([key]) => pattern.test(key)).map(([, index]) => index);
	const nameParts = [
		'firstname',
		'middlename',
		'lastname',
		'givenname',
		'additionalname',
		'familyname'
	].flatMap((k) => (columns.has(k) ? [columns.get(k)] : []));
	const organizations = matching(/^organization(\d+)?name$/);
	const titles = matching(/^organization(\d+)?title$/);
	const emails = matching(/^email\d+value$/);
	const phones = matching(/^phone\d+value$/);
	const websites = matching(/^website\d+value$/);
	const labels = [col('labels'), col('groupmembership')].filter((i) => i !== undefined);

	const out: CsvDrafts = { drafts: [], problems: [...csv.problems] };
	for (const row of csv.rows) {
		const all = (indexes: number[], separator: RegExp) =>
			indexes.flatMap((i) => split(cellAt(row, i), separator));
		// Several organisations are rare; joining them keeps every one without inventing a field.
		const organization = unique(all(organizations, GOOGLE_SPLIT)).join('; ');
		const name =
			cellAt(row, col('name')) ||
			nameParts
				.map((i) => cellAt(row, i))
				.filter(Boolean)
				.join(' ') ||
			cellAt(row, col('nickname')) ||
			cellAt(row, col('fileas')) ||
			organization;
		const candidate: Candidate = {
			name,
			organization,
			role: unique(all(titles, GOOGLE_SPLIT)).join('; '),
			notes: cellAt(row, col('notes')),
			emails: all(emails, GOOGLE_SPLIT),
			phones: all(phones, GOOGLE_SPLIT),
			links: all(websites, GOOGLE_SPLIT),
			tags: labels.flatMap((i) => googleTags(cellAt(row, i)))
		};
		addDraft(candidate, row.line, out);
	}
	return { kind: 'google', drafts: out.drafts, problems: out.problems.sort(byLine) };
}

// ---------------------------------------------------------------------------------------------
// Any other CSV

// A weaker rule only claims a field that no column claims with a stronger one: Outlook writes both
// "Title" (Mr, Dr) and "Job Title", and only the second is a role.
const RULES: [CsvField, RegExp, number][] = [
	['firstName', /^(first|given|fore)(name)?$/, 0],
	['lastName', /^(last|family|sur)(name)?$/, 0],
	['name', /^(full|display|contact|person)?names?$|^(contact|person)$/, 0],
	[
		'email',
		/^(work|home|personal|private|primary|other|business)?(e?mails?|emailaddress(es)?)\d*(value|address)?$/,
		0
	],
	[
		'phone',
		/^(work|home|personal|private|primary|other|business|mobile)?(phones?|phonenumbers?|mobile|cell|cellphone|tel|telephone)\d*(value|number)?$/,
		0
	],
	['organization', /^(organi[sz]ation|company|employer|org|workplace|institution)\d*(name)?$/, 0],
	['role', /^(role|jobtitle|position|job|occupation|organi[sz]ation\d*title)$/, 0],
	['role', /^title$/, 1],
	[
		'url',
		/^(urls?|links?|websites?|web|webpage|homepage|site|linkedin(url|profile)?|profile(url|link)?)\d*(value|address)?$/,
		0
	],
	['tags', /^(tags?|labels?|groups?|groupmembership|categor(y|ies)|keywords?)$/, 0],
	['notes', /^(notes?|comments?|description|remarks?|memo)$/, 0],
	['field', /^(field|fieldofinterest|interests?|industry|sector)$/, 0],
	['circle', /^circles?$/, 0],
	['metAt', /^(metat|wheremet|wherewemet|howwemet|howmet|context)$/, 0],
	['metOn', /^(meton|datemet|metdate|whenmet|connectedon|dateconnected)$/, 0],
	['nextFollowUpOn', /^(next)?followup(on|date|by)?$/, 0]
];

/** Fields that take every column mapped to them; the others take one column each. */
const MULTI_FIELDS: ReadonlySet<CsvField> = new Set(['email', 'phone', 'url', 'tags']);

/**
 * Proposes what each column holds, from its header. Each single-valued field goes to one column
 * only (the first, among those with the strongest claim); emails, phones, links and tags may come
 * from several.
 */
export function guessMapping(headers: readonly string[]): CsvMapping {
	const guesses = headers.map((header) => {
		const key = headerKey(header);
		const rule = RULES.find(([, pattern]) => pattern.test(key));
		return rule ? { field: rule[0], rank: rule[2] } : null;
	});
	const owner = new Map<CsvField, number>();
	guesses.forEach((guess, index) => {
		if (!guess || MULTI_FIELDS.has(guess.field)) return;
		const current = owner.get(guess.field);
		if (current === undefined || guess.rank < (guesses[current]?.rank ?? Infinity)) {
			owner.set(guess.field, index);
		}
	});
	return guesses.map((guess, index) => {
		if (!guess) return null;
		return MULTI_FIELDS.has(guess.field) || owner.get(guess.field) === index ? guess.field : null;
	});
}

function splitTags(value: string): string[] {
	// Kith and Google separate tags with " ::: "; a hand-made sheet usually uses commas.
	return value.includes(':::') ? split(value, GOOGLE_SPLIT) : split(value, /\s*[,;\n]\s*/);
}

/**
 * Drafts from rows of any CSV, with each column read as `mapping` says. Throws a `CsvError` when
 * no column holds a name, since a contact cannot be kept without one.
 */
export function applyMapping(rows: readonly CsvRow[], mapping: CsvMapping): CsvDrafts {
	if (!mapping.some((f) => NAME_FIELDS.has(f))) {
		throw new CsvError(
			'no-name-column',
			'None of the columns holds names. Choose the column with the names (or the first and last names): every contact needs a name.'
		);
	}
	const out: CsvDrafts = { drafts: [], problems: [] };
	for (const row of rows) {
		const values = new Map<CsvField, string[]>();
		mapping.forEach((field, index) => {
			// A file Kith wrote has a quote in front of any cell that looked like a formula.
			const value = field ? restoreCell(row.cells[index] ?? '').trim() : '';
			if (field && value) values.set(field, [...(values.get(field) ?? []), value]);
		});
		const joined = (field: CsvField, separator: string) => values.get(field)?.join(separator);
		const candidate: Candidate = {
			name:
				joined('name', ' ') ??
				[joined('firstName', ' '), joined('lastName', ' ')].filter(Boolean).join(' '),
			circle: values.get('circle')?.[0],
			metAt: joined('metAt', '; '),
			metOn: values.get('metOn')?.[0],
			organization: joined('organization', '; '),
			role: joined('role', '; '),
			field: joined('field', '; '),
			notes: joined('notes', '\n\n'),
			nextFollowUpOn: values.get('nextFollowUpOn')?.[0],
			emails: (values.get('email') ?? []).flatMap((v) => split(v, EMAIL_SPLIT)),
			phones: (values.get('phone') ?? []).flatMap((v) => split(v, PHONE_SPLIT)),
			links: (values.get('url') ?? []).flatMap((v) => split(v, LINK_SPLIT)),
			tags: (values.get('tags') ?? []).flatMap(splitTags)
		};
		addDraft(candidate, row.line, out);
	}
	return { drafts: out.drafts, problems: out.problems.sort(byLine) };
}

/**
 * Reads a CSV file of any kind it can recognise, with the guessed mapping for a generic one.
 * Throws a `CsvError` for an empty file, one that is not text, and one with no header naming a
 * name column.
 */
export function importCsv(input: CsvInput): CsvImport {
	const csv = sniffCsv(input);
	switch (csv.kind) {
		case 'linkedin':
			return linkedInDrafts(csv);
		case 'google':
			return googleDrafts(csv);
		case 'generic': {
			const { drafts, problems } = applyMapping(csv.rows, guessMapping(csv.headers));
			return { kind: 'generic', drafts, problems: [...csv.problems, ...problems].sort(byLine) };
		}
		case 'unknown':
			throw new CsvError(
				'no-header',
				'Kith could not find a header row naming the columns, such as Name, Email and Company. Add one as the first row, or export the file again with headers.'
			);
	}
}
