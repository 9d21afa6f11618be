/**
 * A versioned form's draft (domain/form-version.ts) as a page drives it: laid over a newer saved
 * version, and a conflict settled on the person's word. Stores nothing itself; the draft does.
 */
import {
	rebaseForm,
	settleConflict,
	type Current,
	type VersionedForm
} from '$lib/domain/form-version';
import type { FieldKinds, Resolution } from '$lib/domain/merge3';
import type { FormDraft } from './form-draft.svelte';

/** Merges the form's edits with a newer saved version; returns whether anything conflicts. */
export function layOver<F extends object>(
	session: FormDraft<VersionedForm<F>>,
	current: Current<F>,
	kinds: FieldKinds<F>
): boolean {
	const values = $state.snapshot(session.values) as VersionedForm<F>;
	const rebased = rebaseForm(values, current, kinds);
	if (rebased.changed) session.change(rebased.values);
	return rebased.values.conflicts.length > 0;
}

/** Settles one field's conflict as the person chose. */
export function settle<F extends object>(
	session: FormDraft<VersionedForm<F>> | undefined,
	field: string,
	choice: Resolution
): void {
	if (!session) return;
	const values = $state.snapshot(session.values) as VersionedForm<F>;
	session.change(settleConflict(values, field as keyof F, choice));
}
