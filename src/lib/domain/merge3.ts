/**
 * The three-way merge of a record's fields: what a form was opened on (`base`), what the person
 * made of it (`mine`) and what is stored now (`theirs`, saved meanwhile in another tab, or later
 * by sync from another device). A field changed on one side only takes that side's value without
 * asking; a list takes both sides' additions and removals; only a field changed on both sides,
 * differently, is a conflict for the person to settle. Pure and deterministic, so two tabs or two
 * devices merging the same versions reach the same result.
 */

/**
 * How a field merges and how a conflict on it is offered: `text` and `value` (a choice, a date)
 * are one or the other; `long` text can also keep both; a `list` of plain values merges item by
 * item and never conflicts.
 */
export type FieldKind = 'text' | 'long' | 'list' | 'value';

/** Every field of a form, with its kind. */
export type FieldKinds<T> = { [K in keyof T]: FieldKind };

/** A field changed on both sides, differently: `value` keeps mine until the person decides. */
export interface FieldConflict<T, K extends keyof T = keyof T> {
	field: K;
	kind: FieldKind;
	/** What is stored now. */
	theirs: T[K];
}

export interface Merged<T> {
	value: T;
	conflicts: FieldConflict<T>[];
}

/** Plain data compared by content (form values are strings, lists of strings, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges two lists against their common base: items mine removed are gone, items I added follow
 * theirs (which keeps its order), each once.
 */
export function mergeLists<V>(base: readonly V[], mine: readonly V[], theirs: readonly V[]): V[] {
	const has = (list: readonly V[], v: V) => list.some((x) => sameValue(x, v));
	const removed = base.filter((v) => !has(mine, v));
	const out = theirs.filter((v) => !has(removed, v));
	for (const v of mine) if (!has(base, v) && !has(out, v)) out.push(v);
	return out;
}

/** Merges `mine` and `theirs`, field by field, against the `base` both started from. */
export function merge3<T extends object>(
	base: T,
	mine: T,
	theirs: T,
	kinds: FieldKinds<T>
): Merged<T> {
	const value = { ...theirs };
	const conflicts: FieldConflict<T>[] = [];
	for (const field of Object.keys(kinds) as Array<keyof T>) {
		const b = base[field];
		const m = mine[field];
		const t = theirs[field];
		const kind = kinds[field];
		if (sameValue(m, t) || sameValue(m, b)) continue; // theirs already, or untouched here
		if (sameValue(t, b))
			value[field] = m; // changed here only
		else if (kind === 'list' && Array.isArray(b) && Array.isArray(m) && Array.isArray(t))
			value[field] = mergeLists(b, m, t) as T[keyof T];
		else {
			value[field] = m;
			conflicts.push({ field, kind, theirs: t });
		}
	}
	return { value, conflicts };
}

/** How a person settles a conflict. */
export type Resolution = 'mine' | 'theirs' | 'both';

/** Long text kept from both sides: mine first, then theirs, a blank line between. */
export function keepBoth(mine: string, theirs: string): string {
	const a = mine.trimEnd();
	const b = theirs.trim();
	if (!a) return b;
	if (!b || a.includes(b)) return a;
	return `${a}\n\n${b}`;
}

/** The value a field takes when its conflict is settled. */
export function resolvedValue<T, K extends keyof T>(
	conflict: FieldConflict<T, K>,
	mine: T[K],
	choice: Resolution
): T[K] {
	if (choice === 'mine') return mine;
	if (choice === 'both' && typeof mine === 'string' && typeof conflict.theirs === 'string')
		return keepBoth(mine, conflict.theirs) as T[K];
	return conflict.theirs;
}
