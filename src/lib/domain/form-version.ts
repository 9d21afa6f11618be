/**
 * A form opened on a version of a record. The form keeps, in its draft, the values it was opened
 * on and that record's version, so a save (or a reload) made after another tab saved a newer
 * version merges the two field by field (merge3.ts) instead of writing over it. Conflicts waiting
 * for the person's choice are kept in the draft too, so a reload still shows them.
 */
import { z } from 'zod/mini';
import {
	merge3,
	resolvedValue,
	sameValue,
	type FieldConflict,
	type FieldKind,
	type FieldKinds,
	type Resolution
} from './merge3';

export interface VersionedForm<F> {
	/** What the form holds now. */
	form: F;
	/** The record's values as a form, when this form was opened (or last merged). */
	base: F;
	/** The record's version at that moment. */
	baseVersion: number;
	/** Fields changed here and in the stored record, still to settle; the form shows mine. */
	conflicts: FieldConflict<F>[];
}

/** A record as a form shows it, with its version. */
export interface Current<F> {
	form: F;
	version: number;
}

/** A form just opened on a record. */
export function openForm<F>(form: F, version: number): VersionedForm<F> {
	return { form, base: structuredClone(form), baseVersion: version, conflicts: [] };
}

const KINDS = ['text', 'long', 'list', 'value'] as const satisfies readonly FieldKind[];

/**
 * Reads a stored draft of a versioned form, or undefined. A draft saved before forms kept their
 * version holds only the form: it reads as opened on `opened` (the record as it is now), so its
 * edits count as the person's and nothing newer is assumed.
 */
export function parseVersionedForm<F extends object>(
	raw: unknown,
	formSchema: z.ZodMiniType<F>,
	opened: VersionedForm<F>
): VersionedForm<F> | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const r = raw as Record<string, unknown>;
	if (!('baseVersion' in r)) {
		const legacy = formSchema.safeParse(raw);
		return legacy.success ? { ...opened, form: legacy.data } : undefined;
	}
	const form = formSchema.safeParse(r.form);
	const base = formSchema.safeParse(r.base);
	const version = z.int().check(z.gte(0)).safeParse(r.baseVersion);
	if (!form.success || !base.success || !version.success) return undefined;
	const listed = z
		.array(z.object({ field: z.string(), kind: z.enum(KINDS), theirs: z.unknown() }))
		.safeParse(r.conflicts ?? []);
	// A conflict on a field the form does not have, or with a value of another shape, is dropped:
	// the form still shows the person's value, and the next save checks again.
	const fits = (c: { field: string; theirs: unknown }) =>
		c.field in base.data &&
		typeof c.theirs === typeof base.data[c.field as keyof F] &&
		Array.isArray(c.theirs) === Array.isArray(base.data[c.field as keyof F]);
	const conflicts = (listed.success ? listed.data : []).filter(fits) as FieldConflict<F>[];
	return { form: form.data, base: base.data, baseVersion: version.data, conflicts };
}

/** The outcome of laying a form over the record as it is stored now. */
export interface Rebased<F> {
	values: VersionedForm<F>;
	/** The record changed since the form's base: the other change is now in the form too. */
	changed: boolean;
	/** Conflicts this rebase found (also listed, with older ones, in `values.conflicts`). */
	found: FieldConflict<F>[];
}

/**
 * Lays the form's edits over the stored record when its version moved on: fields changed on one
 * side only take that side, and a field changed on both becomes (or stays) a conflict. The base
 * moves to the stored version, so the next save writes over exactly what the person has seen.
 */
export function rebaseForm<F extends object>(
	values: VersionedForm<F>,
	current: Current<F>,
	kinds: FieldKinds<F>
): Rebased<F> {
	if (values.baseVersion === current.version) return { values, changed: false, found: [] };
	const merged = merge3(values.base, values.form, current.form, kinds);
	const renewed = new Set(merged.conflicts.map((c) => c.field));
	// An older conflict on a field the stored record did not change again still stands.
	const kept = values.conflicts.filter(
		(c) =>
			!renewed.has(c.field) &&
			sameValue(current.form[c.field], values.base[c.field]) &&
			!sameValue(merged.value[c.field], c.theirs)
	);
	return {
		values: {
			form: merged.value,
			base: structuredClone(current.form),
			baseVersion: current.version,
			conflicts: [...kept, ...merged.conflicts]
		},
		changed: true,
		found: merged.conflicts
	};
}

/** Settles one conflict: the form takes mine, theirs or (long text) both. */
export function settleConflict<F extends object>(
	values: VersionedForm<F>,
	field: keyof F,
	choice: Resolution
): VersionedForm<F> {
	const conflict = values.conflicts.find((c) => c.field === field);
	if (!conflict) return values;
	return {
		...values,
		form: { ...values.form, [field]: resolvedValue(conflict, values.form[field], choice) },
		conflicts: values.conflicts.filter((c) => c.field !== field)
	};
}

/** What a save may write, decided inside its transaction against the stored record. */
export type SaveCheck<F> =
	{ ok: true; form: F; merged: boolean } | { ok: false; conflicts: FieldConflict<F>[] };

/**
 * Decides a save: on the version it was opened on, the form as it is; on an older one, the merge
 * when the two changed different fields; otherwise the conflicts, and nothing is written.
 */
export function checkSave<F extends object>(
	opened: Pick<VersionedForm<F>, 'form' | 'base' | 'baseVersion'>,
	current: Current<F>,
	kinds: FieldKinds<F>
): SaveCheck<F> {
	if (opened.baseVersion === current.version) return { ok: true, form: opened.form, merged: false };
	const merged = merge3(opened.base, opened.form, current.form, kinds);
	return merged.conflicts.length
		? { ok: false, conflicts: merged.conflicts }
		: { ok: true, form: merged.value, merged: true };
}

/**
 * `checkSave` as a service's save runs it: `base` is what the form was opened on; a save that names
 * none (a caller that does not check) writes the form as it is.
 */
export function checkSaveFrom<F extends object>(
	form: F,
	base: Current<F> | undefined,
	current: Current<F>,
	kinds: FieldKinds<F>
): SaveCheck<F> {
	return base
		? checkSave({ form, base: base.form, baseVersion: base.version }, current, kinds)
		: { ok: true, form, merged: false };
}

/** A conflict as a card shows it: the field's name and both values in words. */
export interface ConflictItem {
	field: string;
	label: string;
	yours: string;
	theirs: string;
	/** Long text: both can be kept, one after the other. */
	long: boolean;
}

/** The form's open conflicts, in words, with each field's label and a way to show its value. */
export function conflictItems<F extends object>(
	values: VersionedForm<F>,
	labels: Record<keyof F, string>,
	describe: <K extends keyof F>(field: K, value: F[K]) => string
): ConflictItem[] {
	return values.conflicts.map((c) => ({
		field: String(c.field),
		label: labels[c.field],
		yours: describe(c.field, values.form[c.field]),
		theirs: describe(c.field, c.theirs),
		long: c.kind === 'long'
	}));
}
