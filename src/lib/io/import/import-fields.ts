/** What each column of a spreadsheet can become, in words for the column-mapping step. */
import type { CsvField } from './csv-import';

export const FIELD_LABELS: Record<CsvField, string> = {
	name: 'Full name',
	firstName: 'First name',
	lastName: 'Last name',
	email: 'Email',
	phone: 'Phone',
	organization: 'Organisation',
	role: 'Role or job title',
	field: 'Field',
	circle: 'Circle',
	metAt: 'Where you met',
	metOn: 'Date you met',
	nextFollowUpOn: 'Follow-up date',
	url: 'Web link',
	tags: 'Tags',
	notes: 'Notes'
};

export const FIELD_ORDER = Object.keys(FIELD_LABELS) as CsvField[];

/** A row as the mapping would read it, roughly, for the live preview: field label and value. */
export function previewRow(
	cells: readonly string[],
	mapping: readonly (CsvField | null)[]
): { label: string; value: string }[] {
	const values = new Map<CsvField, string[]>();
	mapping.forEach((field, i) => {
		const value = (cells[i] ?? '').trim();
		if (field && value) values.set(field, [...(values.get(field) ?? []), value]);
	});
	const out: { label: string; value: string }[] = [];
	const name =
		values.get('name')?.join(' ') ??
		[values.get('firstName')?.join(' '), values.get('lastName')?.join(' ')]
			.filter(Boolean)
			.join(' ');
	out.push({ label: 'Name', value: name });
	for (const field of FIELD_ORDER) {
		if (field === 'name' || field === 'firstName' || field === 'lastName') continue;
		const v = values.get(field);
		if (v) out.push({ label: FIELD_LABELS[field], value: v.join(', ') });
	}
	return out;
}
