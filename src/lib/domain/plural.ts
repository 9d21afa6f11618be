/**
 * Counts in words: "1 contact", "3 contacts". One plural rule for every message (Intl.PluralRules),
 * instead of a `=== 1` in each, so that none is forgotten.
 */
const rules = new Intl.PluralRules('en');

/** The word for `n` things: `one` when English says one, else `other`. */
export function plural(n: number, one: string, other: string): string {
	return rules.select(n) === 'one' ? one : other;
}

/** `n` and its word: `count(1, 'day', 'days')` is "1 day". `format` writes the number (e.g. 1,000). */
export function count(
	n: number,
	one: string,
	other: string,
	format: (n: number) => string = String
): string {
	return `${format(n)} ${plural(n, one, other)}`;
}
