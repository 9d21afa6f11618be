/** Names a contact suggested: cleaned, deduplicated, and matched against people already in Kith. */
import type { ContactRef } from './contact';
import { NAME_MAX } from './text-length';
import { fold } from './search';

export const CONTEXT_MAX = 500;

export interface ReferralEntry {
	name: string;
	context?: string;
	/** Link this existing contact instead of creating a new one. */
	linkId?: string;
}

/** Case, accents, punctuation and spacing aside, the same name. */
export function normalizeName(name: string): string {
	return fold(name)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export type ReferralParse =
	{ ok: true; entries: ReferralEntry[] } | { ok: false; errors: Partial<Record<string, string>> };

/**
 * Cleans the typed rows: blank rows are dropped, the same name twice is kept once, and too-long
 * text is refused with a message keyed by row (`referrals.0.name`).
 */
export function parseReferrals(
	rows: ReadonlyArray<{ name: string; context: string; linkId: string }>
): ReferralParse {
	const errors: Partial<Record<string, string>> = {};
	const seen = new Set<string>();
	const entries: ReferralEntry[] = [];
	rows.forEach((row, i) => {
		const name = row.name.trim().replace(/\s+/g, ' ');
		const context = row.context.trim();
		if (!name) {
			if (context) errors[`referrals.${i}.name`] = 'Add the name, or clear this line.';
			return;
		}
		if (name.length > NAME_MAX)
			errors[`referrals.${i}.name`] = `Keep the name under ${NAME_MAX} characters.`;
		if (context.length > CONTEXT_MAX)
			errors[`referrals.${i}.context`] = `Keep this line under ${CONTEXT_MAX} characters.`;
		const key = row.linkId ? `id:${row.linkId}` : normalizeName(name);
		if (seen.has(key)) return;
		seen.add(key);
		const entry: ReferralEntry = { name };
		if (context) entry.context = context;
		if (row.linkId) entry.linkId = row.linkId;
		entries.push(entry);
	});
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, entries };
}

/** Existing contacts with the same name (normalised), to offer linking instead of a duplicate. */
export function matchingContacts(name: string, contacts: readonly ContactRef[]): ContactRef[] {
	const key = normalizeName(name);
	if (!key) return [];
	return contacts.filter((c) => normalizeName(c.name) === key);
}
