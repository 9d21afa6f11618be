/**
 * What an import will do, worked out before anything is written: which rows of the file are
 * likely people already kept (or repeat an earlier row of the same file), and, once the person has
 * chosen skip, merge or add for each, the exact contacts to add and to update. Pure: the preview
 * shows the counts this gives, and the import service writes what it gives, in one transaction.
 */
import type { Contact, ContactFields } from '$lib/domain/contact';
import { stampChange, stampNew } from '$lib/domain/stamp';
import {
	MatchIndex,
	matchKeys,
	mergeFields,
	sameFields,
	type MatchReason,
	type MergePreference
} from '$lib/domain/duplicates';

/** A row of the file as a contact, with its line in the file and any vCard lines Kith keeps aside. */
export type ImportDraft = ContactFields & {
	line: number;
	extra?: string[];
	/** In Google's "starred" group: tagged "favourite" only when the person asks (`favourite`). */
	starred?: boolean;
};

/** The tag a starred row gets when the person asks for it. */
export const FAVOURITE_TAG = 'favourite';

/** A row or a card that could not be read, or a value of it that was left out. */
export interface ImportProblem {
	line: number;
	reason: string;
	name?: string;
}

export type ImportKind = 'vcard' | 'linkedin' | 'google' | 'generic';

export type DuplicateChoice = 'skip' | 'merge' | 'add';

export type DuplicateTarget =
	| { kind: 'existing'; id: string; name: string; organization?: string }
	| { kind: 'row'; index: number; line: number; name: string; organization?: string };

export interface Duplicate {
	/** The draft's index in the plan. */
	index: number;
	/** The row itself, as the preview names it. */
	row: { line: number; name: string; organization?: string };
	target: DuplicateTarget;
	reasons: MatchReason[];
}

export interface ImportPlan {
	drafts: ImportDraft[];
	/** Likely duplicates, in file order. */
	duplicates: Duplicate[];
}

/**
 * Finds, for each draft, a kept contact it likely repeats, or else an earlier row of the file.
 * `existing` should be the live contacts (the trash is not matched).
 */
export function planImport(drafts: ImportDraft[], existing: readonly Contact[]): ImportPlan {
	const kept = new MatchIndex<Contact>();
	for (const c of existing) kept.add(c, c);
	const rows = new MatchIndex<number>();
	const duplicates: Duplicate[] = [];
	drafts.forEach((draft, index) => {
		const keys = matchKeys(draft);
		const row = {
			line: draft.line,
			name: draft.name,
			...(draft.organization ? { organization: draft.organization } : {})
		};
		const old = kept.find(draft, keys);
		if (old) {
			const { id, name, organization } = old.value;
			duplicates.push({
				index,
				row,
				target: { kind: 'existing', id, name, ...(organization ? { organization } : {}) },
				reasons: old.reasons
			});
		} else {
			const earlier = rows.find(draft, keys);
			if (earlier) {
				const first = drafts[earlier.value]!;
				duplicates.push({
					index,
					row,
					target: {
						kind: 'row',
						index: earlier.value,
						line: first.line,
						name: first.name,
						...(first.organization ? { organization: first.organization } : {})
					},
					reasons: earlier.reasons
				});
			}
		}
		rows.add(draft, index, keys);
	});
	return { drafts, duplicates };
}

export interface ImportDecisions {
	/** A choice per duplicate, by draft index; duplicates without one take `all`. */
	choices: ReadonlyMap<number, DuplicateChoice>;
	all: DuplicateChoice;
	/** In a merge, which side wins where both hold a value. */
	prefer: MergePreference;
	/** Added to every imported contact's tags (e.g. "LinkedIn"). */
	tag?: string;
	/** Tag the rows Google had starred as "favourite". Off unless the person turns it on. */
	favourite?: boolean;
}

export interface ImportCounts {
	/** New contacts. */
	added: number;
	/** Kept contacts that a merge changed. */
	updated: number;
	/** Rows left out by choice. */
	skipped: number;
	/** Rows merged into a kept contact that gained nothing from them. */
	unchanged: number;
	/** Rows merged into another row of the same file. */
	combined: number;
}

export interface ResolvedImport {
	add: Contact[];
	update: Contact[];
	/** vCard lines to keep per contact id (new and merged contacts). */
	extras: Map<string, string[]>;
	counts: ImportCounts;
}

function toContact(draft: ImportDraft, id: string, now: number): Contact {
	const { line: _line, extra: _extra, starred: _starred, ...fields } = draft;
	return stampNew({ ...fields, id }, now);
}

function withTag(fields: ImportDraft, tag: string | undefined): ImportDraft {
	if (!tag || fields.tags.some((t) => t.toLocaleLowerCase('en') === tag.toLocaleLowerCase('en')))
		return fields;
	return { ...fields, tags: [...fields.tags, tag] };
}

/**
 * The contacts an import writes, given the person's choices. `existing` must hold every kept
 * contact a duplicate points at (read again just before writing, so a merge builds on the newest).
 */
export function resolveImport(
	plan: ImportPlan,
	decisions: ImportDecisions,
	existing: ReadonlyMap<string, Contact>,
	{ now, newId }: { now: number; newId: () => string }
): ResolvedImport {
	const duplicateOf = new Map(plan.duplicates.map((d) => [d.index, d]));
	const added: Contact[] = [];
	const addedById = new Map<string, Contact>();
	const merged = new Map<string, Contact>();
	/** Where each row ended up: the id of a new or a kept contact. */
	const dest: (string | undefined)[] = [];
	const extras = new Map<string, string[]>();
	/** The kept contact each row merged into one went to. */
	const intoKept: string[] = [];
	const counts: ImportCounts = { added: 0, updated: 0, skipped: 0, unchanged: 0, combined: 0 };

	const keepExtra = (id: string, lines: string[] | undefined) => {
		if (!lines?.length) return;
		const have = extras.get(id) ?? [];
		extras.set(id, [...have, ...lines.filter((l) => !have.includes(l))]);
	};
	const addNew = (draft: ImportDraft) => {
		const contact = toContact(draft, newId(), now);
		added.push(contact);
		addedById.set(contact.id, contact);
		keepExtra(contact.id, draft.extra);
		return contact.id;
	};

	plan.drafts.forEach((raw, index) => {
		const tagged = withTag(raw, decisions.tag);
		const draft = withTag(tagged, raw.starred && decisions.favourite ? FAVOURITE_TAG : undefined);
		const dup = duplicateOf.get(index);
		if (!dup) {
			dest[index] = addNew(draft);
			return;
		}
		const choice = decisions.choices.get(index) ?? decisions.all;
		const targetId = dup.target.kind === 'existing' ? dup.target.id : dest[dup.target.index];
		if (choice === 'add' || targetId === undefined) {
			dest[index] = addNew(draft);
			return;
		}
		dest[index] = targetId;
		if (choice === 'skip') {
			counts.skipped++;
			return;
		}
		const fresh = addedById.get(targetId);
		if (fresh) {
			const next = mergeFields(fresh, draft, decisions.prefer);
			Object.assign(fresh, next);
			counts.combined++;
		} else {
			const base = merged.get(targetId) ?? existing.get(targetId);
			if (!base) {
				// The kept contact is gone since the preview: add the row rather than lose it.
				dest[index] = addNew(draft);
				return;
			}
			merged.set(targetId, mergeFields(base, draft, decisions.prefer));
			intoKept.push(targetId);
		}
		keepExtra(targetId, draft.extra);
	});

	const update: Contact[] = [];
	for (const [id, contact] of merged) {
		const before = existing.get(id)!;
		if (sameFields(before, contact)) continue;
		update.push(stampChange(contact, now, before));
	}
	counts.added = added.length;
	counts.updated = update.length;
	const changed = new Set(update.map((c) => c.id));
	counts.unchanged = intoKept.filter((id) => !changed.has(id)).length;
	return { add: added, update, extras, counts };
}

/**
 * What the preview needs to count an import under any choices: the rows on either side of a
 * likely duplicate, and how many rows there are in all. Every other row is simply added, so the
 * thousands of them need not reach the page (the import reads and writes in a worker).
 */
export interface PlanDigest {
	/** Rows read from the file. */
	total: number;
	/** As in the plan: indexes are the whole plan's. */
	duplicates: Duplicate[];
	/** The plan's index of each row kept here, ascending. */
	kept: number[];
	/** Those rows, in the order of `kept`. */
	drafts: ImportDraft[];
}

export function digestPlan(plan: ImportPlan): PlanDigest {
	const involved = new Set<number>();
	for (const d of plan.duplicates) {
		involved.add(d.index);
		if (d.target.kind === 'row') involved.add(d.target.index);
	}
	const kept = [...involved].sort((a, b) => a - b);
	return {
		total: plan.drafts.length,
		duplicates: plan.duplicates,
		kept,
		drafts: kept.map((i) => plan.drafts[i]!)
	};
}

/**
 * The counts `resolveImport` gives for the whole plan, worked out from its digest: the rows in
 * duplicates resolve as they would among all the rows (a row only ever meets its own duplicates),
 * and each of the others adds one contact.
 */
export function countImport(
	digest: PlanDigest,
	decisions: ImportDecisions,
	existing: ReadonlyMap<string, Contact>
): ImportCounts {
	const at = new Map(digest.kept.map((index, i) => [index, i]));
	const local = (index: number) => at.get(index)!;
	const duplicates = digest.duplicates.map((d) => ({
		...d,
		index: local(d.index),
		target: d.target.kind === 'row' ? { ...d.target, index: local(d.target.index) } : d.target
	}));
	const choices = new Map<number, DuplicateChoice>();
	for (const [index, choice] of decisions.choices)
		if (at.has(index)) choices.set(local(index), choice);
	let n = 0;
	const counts = resolveImport(
		{ drafts: digest.drafts, duplicates },
		{ ...decisions, choices },
		existing,
		{ now: 0, newId: () => `count-${n++}` }
	).counts;
	return { ...counts, added: counts.added + digest.total - digest.kept.length };
}
