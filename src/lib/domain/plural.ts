/**
 * Counts in words: "1 contact", "3 contacts". One plural rule for every message (Intl.PluralRules),
 * instead of a `=== 1` in each, so that none is forgotten.
 */
// Made on first use, as the formats in day.ts: a screen that counts nothing never pays for it.
let rules: Intl.PluralRules | undefined;

/** The word for `n` things: `one` when English says one, else `other`. */
export function plural(n: number, one: string, other: string): string {
	rules ??= new Intl.PluralRules('en');
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
