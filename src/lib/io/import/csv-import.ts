/**
 * Turns CSV files into contact drafts: LinkedIn's Connections.csv, Google Contacts (current and
 * legacy headers), and any other CSV through a column mapping the person can check first. Every
 * draft passes the contact schema; a row that cannot be read becomes a problem naming its line in
 * the file and the reason, and never stops the rows after it.
 */
import { byLine, type CsvImport } from './csv-drafts';
import { applyMapping, guessMapping } from './csv-mapping';
import { CsvError, type CsvInput } from './csv-read';
import { sniffCsv } from './csv-sniff';
import { googleDrafts, linkedInDrafts } from './csv-sources';

export { CsvError, type CsvErrorCode, type CsvInput, type CsvRow } from './csv-read';
export type { ContactDraft, CsvDrafts, CsvImport, CsvKind, CsvProblem } from './csv-drafts';
export { applyMapping, guessMapping, type CsvField, type CsvMapping } from './csv-mapping';
export { sniffCsv, type SniffedCsv } from './csv-sniff';
export { googleDrafts, linkedInDrafts } from './csv-sources';

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
