/**
 * Checking that a backup's rows point at people who will be there: every contact a touchpoint,
 * an interview, a referral or an "introduced by" names must exist after the restore (in the
 * backup, or on this phone when merging), and no chain of introductions may go round in a loop.
 * The first problem is put in words; the caller refuses the restore before writing anything.
 * Pure: the contacts on the phone are handed in by the service that read them.
 */
import type { Tables } from '$lib/domain/tables';

/** A contact as the check needs it: its name for messages, and who introduced them. */
export interface ContactLink {
	name: string;
	introducedById?: string;
}

function day(at: number): string {
	const d = new Date(at);
	return Number.isNaN(d.getTime()) ? String(at) : d.toISOString().slice(0, 10);
}

/**
 * The first broken reference in `tables`, or undefined when there is none. `after` holds every
 * contact there will be once the restore is written (by id); without it, the backup's own
 * contacts. `merging` says the phone's contacts count too, for the wording.
 */
export function findReferenceProblem(
	tables: Pick<Tables, 'contacts' | 'interactions' | 'interviews'>,
	after?: ReadonlyMap<string, ContactLink>,
	merging = false
): string | undefined {
	const contacts = after ?? new Map(tables.contacts.map((c) => [c.id, c]));
	const missing = `a contact that is not in the backup${merging ? ' nor on this phone' : ''}`;
	for (const c of tables.contacts)
		if (c.introducedById !== undefined && !contacts.has(c.introducedById))
			return `${c.name} is introduced by ${missing}`;
	for (const t of tables.interactions)
		if (!contacts.has(t.contactId)) return `Touchpoint on ${t.on} names ${missing}`;
	for (const v of tables.interviews) {
		const which = `Interview ${v.organization ? `at ${v.organization} ` : ''}made on ${day(v.createdAt)}`;
		if (!contacts.has(v.contactId)) return `${which} names ${missing}`;
		if (v.referralIds.some((id) => !contacts.has(id)))
			return `${which} names a referral to ${missing}`;
	}
	return introductionLoop(tables.contacts, contacts);
}

/** A loop in the chains of introductions that start at the backup's contacts, in words. */
function introductionLoop(
	from: readonly { id: string }[],
	contacts: ReadonlyMap<string, ContactLink>
): string | undefined {
	// Contacts whose chain is known to end without a loop.
	const ends = new Set<string>();
	for (const start of from) {
		const path: string[] = [];
		const onPath = new Set<string>();
		let id: string | undefined = start.id;
		while (id !== undefined && !ends.has(id)) {
			if (onPath.has(id)) {
				const loop = path.slice(path.indexOf(id)).map((l) => contacts.get(l)?.name ?? l);
				return `The introductions go round in a loop: ${[...loop, loop[0]].join(' was introduced by ')}`;
			}
			onPath.add(id);
			path.push(id);
			id = contacts.get(id)?.introducedById;
		}
		for (const p of path) ends.add(p);
	}
	return undefined;
}
