/**
 * The groups Google Contacts adds by itself, in its CSV ("Labels", "Group Membership") and in the
 * CATEGORIES of its vCards: "* myContacts", "* starred" and the like say nothing the person chose,
 * so they never become tags. "starred" is remembered apart, for a "favourite" tag the person may
 * ask for. Friends, Family and Coworkers are kept: a person put someone there.
 */

// Only Google writes these names, with or without its "* " mark.
const ALWAYS_SYSTEM = new Set(['mycontacts', 'starred', 'othercontacts', 'chatbuddies']);
// Plain words a person may use as a label too; system groups only with the mark.
const MARKED_SYSTEM = new Set(['all', 'blocked', 'mycontacts', 'starred']);

const key = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** Google's own group lists are separated by " ::: "; some tools write " :: ". */
export const GROUP_SPLIT = /\s*:::?\s*/;

/**
 * A group name as a tag ("* Friends" is "Friends"), or undefined for one of Google's own. With
 * `markedOnly` (a spreadsheet that may be Kith's own export), only names with Google's "* " mark
 * are Google's: a person may well have a tag called "starred".
 */
export function groupTag(raw: string, markedOnly = false): string | undefined {
	// The mark is a star and a space before a name; a lone "*" is a tag like any other.
	const mark = /^\s*\*\s+(?=\S)/.exec(raw);
	const name = (mark ? raw.slice(mark[0].length) : raw).trim();
	if (!name) return undefined;
	const k = key(name);
	if (mark && MARKED_SYSTEM.has(k)) return undefined;
	if (!markedOnly && ALWAYS_SYSTEM.has(k)) return undefined;
	return name;
}

export function isStarredGroup(raw: string): boolean {
	return key(raw) === 'starred';
}

/** The tags in a cell of group names, and whether Google's "starred" was among them. */
export function readGroups(
	names: readonly string[],
	markedOnly = false
): { tags: string[]; starred: boolean } {
	const tags: string[] = [];
	let starred = false;
	for (const raw of names) {
		const tag = groupTag(raw, markedOnly);
		if (isStarredGroup(raw) && tag === undefined) starred = true;
		if (tag) tags.push(tag);
	}
	return { tags, starred };
}
