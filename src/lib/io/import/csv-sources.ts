/**
 * Drafts from the two exports Kith knows by their headers: LinkedIn's Connections.csv and Google
 * Contacts (current and legacy headers).
 */
import {
	addDraft,
	byLine,
	EMAIL_SPLIT,
	GOOGLE_SPLIT,
	LINK_SPLIT,
	split,
	unique,
	type Candidate,
	type CsvDrafts,
	type CsvImport
} from './csv-drafts';
import { GROUP_SPLIT, readGroups } from '../google-groups';
import type { CsvRow } from './csv-read';
import { columnsOf, type SniffedCsv } from './csv-sniff';

function cellAt(row: CsvRow, index: number | undefined): string {
	return index === undefined ? '' : (row.cells[index] ?? '').trim();
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

function googleGroups(row: CsvRow, indexes: number[]): { tags: string[]; starred: boolean } {
	return readGroups(indexes.flatMap((i) => split(cellAt(row, i), GROUP_SPLIT)));
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
			...googleGroups(row, labels)
		};
		addDraft(candidate, row.line, out);
	}
	return { kind: 'google', drafts: out.drafts, problems: out.problems.sort(byLine) };
}
