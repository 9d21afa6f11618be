/**
 * Names a contact suggested become contacts introduced by them (or link people already in Kith),
 * in the contacts table. Shared by touchpoints and interviews; joins the caller's transaction.
 */
import { stampNew, touch, write, type KithDB, type UnitRepos } from '$lib/db';
import { emptyContactForm, parseContactForm, type Contact } from '$lib/domain/contact';
import { newId } from '$lib/domain/ids';
import type { ReferralEntry } from '$lib/domain/referrals';
import { normalizeName } from '$lib/domain/referrals';

export interface ReferralsResult {
	created: Contact[];
	/** Existing contacts now introduced by the introducer. */
	linked: Contact[];
	/** Entries left as they were, and why (in words for the user). */
	skipped: Array<{ name: string; reason: string }>;
}

/** True when `introducerId` was itself introduced (at any distance) through `id`. */
async function wouldLoop(
	{ contacts }: UnitRepos<'contacts'>,
	id: string,
	introducerId: string
): Promise<boolean> {
	const seen = new Set<string>();
	let cursor: string | undefined = introducerId;
	// `seen` stops a loop already in the data (from an old import) from spinning forever.
	while (cursor && !seen.has(cursor)) {
		if (cursor === id) return true;
		seen.add(cursor);
		cursor = (await contacts.get(cursor))?.introducedById;
	}
	return false;
}

/**
 * Adds each entry as a new contact introduced by `introducerId`, or, with `linkId`, marks that
 * existing contact as introduced by them. The same name twice (normalised) is added once. All or
 * nothing: inside a caller's transaction over contacts it joins it, otherwise it opens its own.
 */
export async function addReferrals(
	db: KithDB,
	introducerId: string,
	entries: readonly ReferralEntry[],
	now = Date.now()
): Promise<ReferralsResult> {
	return write(db, ['contacts'], async (r) => {
		const result: ReferralsResult = { created: [], linked: [], skipped: [] };
		const introducer = await r.contacts.get(introducerId);
		if (!introducer) throw new Error('The person who suggested these names is no longer in Kith.');
		const seen = new Set<string>();
		for (const entry of entries) {
			const key = entry.linkId ? `id:${entry.linkId}` : normalizeName(entry.name);
			if (!key || seen.has(key)) continue;
			seen.add(key);
			if (entry.linkId) {
				const existing = await r.contacts.get(entry.linkId);
				if (!existing) {
					result.skipped.push({ name: entry.name, reason: 'is no longer in Kith' });
					continue;
				}
				if (existing.id === introducerId) {
					result.skipped.push({ name: existing.name, reason: 'cannot introduce themselves' });
					continue;
				}
				if (existing.introducedById === introducerId) {
					result.linked.push(existing);
					continue;
				}
				if (existing.introducedById) {
					const other = await r.contacts.get(existing.introducedById);
					result.skipped.push({
						name: existing.name,
						reason: other ? `was already introduced by ${other.name}` : 'already has an introducer'
					});
					continue;
				}
				if (await wouldLoop(r, existing.id, introducerId)) {
					result.skipped.push({
						name: existing.name,
						reason: `introduced ${introducer.name} (directly or not), so that would make a loop`
					});
					continue;
				}
				const notes = entry.context
					? existing.notes
						? `${existing.notes}\n${entry.context}`
						: entry.context
					: existing.notes;
				const linked: Contact = touch(
					{ ...existing, introducedById: introducerId, ...(notes ? { notes } : {}) },
					now
				);
				await r.contacts.put(linked);
				result.linked.push(linked);
				continue;
			}
			const parsed = parseContactForm({
				...emptyContactForm(),
				name: entry.name,
				notes: entry.context ?? '',
				introducedById: introducerId
			});
			if (!parsed.ok) {
				result.skipped.push({ name: entry.name, reason: Object.values(parsed.errors)[0] ?? '' });
				continue;
			}
			const contact: Contact = stampNew({ ...parsed.value, id: newId() }, now);
			await r.contacts.put(contact);
			result.created.push(contact);
		}
		return result;
	});
}
