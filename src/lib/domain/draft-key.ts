/**
 * How a form's unsaved draft is keyed in the `drafts` table: per form and per tab. Free of zod, so
 * Capture's first load can use it without the schema code.
 */

/**
 * A form's draft is stored per tab, as `<form>@<tab>`: two tabs on the same form never write over
 * each other's typing. A row under the bare form key predates this and belongs to no tab.
 */
export function tabDraftKey(form: string, tab: string): string {
	return `${form}@${tab}`;
}

/**
 * The tab a stored draft of `form` belongs to: '' for a row under the bare form key, undefined
 * when the row is another form's (`capture:shared@…` is not a `capture` draft).
 */
export function draftTab(key: string, form: string): string | undefined {
	if (key === form) return '';
	return key.startsWith(`${form}@`) ? key.slice(form.length + 1) : undefined;
}
