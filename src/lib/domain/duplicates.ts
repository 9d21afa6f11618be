/**
 * Finding the same person twice: by email, by LinkedIn profile, or by name and organisation once
 * both are folded (case, accents, punctuation, word order, "Inc." and the like). Pure rules, used
 * by the import preview against the contacts already kept and within the file itself, and a merge
 * that fills one contact from another without losing what either holds.
 */
import type { Contact, ContactFields } from './contact';

export type MatchReason = 'email' | 'linkedin' | 'name';

/** What a contact or an imported row is matched on. */
export type Matchable = Pick<ContactFields, 'name' | 'organization' | 'emails' | 'links'>;

// Printable ASCII has no accents to take off: most names and organisations skip that work, which
// was most of what matching a 5,000-row import cost. English lower case is plain lower case (no
// language-specific rules, unlike Turkish or Lithuanian).
const PLAIN = /^[\x20-\x7e]*$/;

function fold(text: string): string {
	return (PLAIN.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** "Lovelace, Ada" and "ada  LOVELACE" are one name; so are "Zoë" and "Zoe". */
export function nameKeyAnyOrder(name: string): string {
	return fold(name).split(' ').filter(Boolean).sort().join(' ');
}

// Words that tell nothing about which organisation it is.
const ORG_NOISE = new Set([
	'the',
	'inc',
	'incorporated',
	'ltd',
	'limited',
	'llc',
	'llp',
	'plc',
	'gmbh',
	'ag',
	'sa',
	'sas',
	'bv',
	'nv',
	'co',
	'corp',
	'corporation',
	'company'
]);

/** "The Acme Company, Inc." and "ACME" are one organisation. */
export function normalizeOrganization(org: string | undefined): string {
	if (!org) return '';
	const words = fold(org).split(' ').filter(Boolean);
	const kept = words.filter((w) => !ORG_NOISE.has(w));
	return (kept.length ? kept : words).join(' ');
}

export function normalizeEmail(email: string): string {
	return email.trim().toLocaleLowerCase('en');
}

/** The profile's handle ("ada-lovelace") of a LinkedIn profile link, or undefined for any other link. */
export function linkedInHandle(link: string): string | undefined {
	// Most links are not LinkedIn's; parsing each as a URL would cost more than this look.
	if (!/linkedin\./i.test(link)) return undefined;
	let url: URL;
	try {
		url = new URL(
			/^[a-z][a-z0-9+.-]*:/i.test(link.trim()) ? link.trim() : `https://${link.trim()}`
		);
	} catch {
		return undefined;
	}
	const host = url.hostname.toLowerCase();
	if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined;
	const match = /^\/(in|pub)\/([^/]+)/i.exec(url.pathname);
	if (!match) return undefined;
	let handle = match[2]!;
	try {
		handle = decodeURIComponent(handle);
	} catch {
		// A broken escape is still the same handle as written.
	}
	return handle.toLocaleLowerCase('en') || undefined;
}

/**
 * The keys two records share when they are likely one person. The name key needs the same
 * organisation, or no organisation on either side (a re-imported phone card usually has none).
 */
export type MatchKey = { key: string; reason: MatchReason };

export function matchKeys(c: Matchable): MatchKey[] {
	const keys: MatchKey[] = [];
	for (const email of c.emails) {
		const e = normalizeEmail(email);
		if (e) keys.push({ key: `e:${e}`, reason: 'email' });
	}
	for (const link of c.links) {
		const handle = linkedInHandle(link);
		if (handle) keys.push({ key: `l:${handle}`, reason: 'linkedin' });
	}
	const name = nameKeyAnyOrder(c.name);
	if (name)
		keys.push({ key: `n:${name}|${normalizeOrganization(c.organization)}`, reason: 'name' });
	return keys;
}

/** The first record holding each key, and why it matched. */
export class MatchIndex<T> {
	readonly #byKey = new Map<string, T>();

	/** `keys` saves working out a record's keys again when the caller has them. */
	add(record: Matchable, value: T, keys = matchKeys(record)): void {
		for (const { key } of keys) if (!this.#byKey.has(key)) this.#byKey.set(key, value);
	}

	/** The record `c` most likely repeats, with every reason that points at it. */
	find(c: Matchable, keys = matchKeys(c)): { value: T; reasons: MatchReason[] } | undefined {
		let found: { value: T; reasons: MatchReason[] } | undefined;
		for (const { key, reason } of keys) {
			const value = this.#byKey.get(key);
			if (value === undefined) continue;
			if (!found) found = { value, reasons: [reason] };
			else if (found.value === value && !found.reasons.includes(reason)) found.reasons.push(reason);
		}
		return found;
	}
}

/** When both sides hold a value: keep the contact's own ('existing') or take the file's. */
export type MergePreference = 'existing' | 'incoming';

const SCALARS = [
	'circle',
	'metAt',
	'metOn',
	'organization',
	'role',
	'field',
	'notes',
	'nextFollowUpOn',
	'introducedById'
] as const;

function union(a: string[], b: string[], key: (v: string) => string): string[] {
	const seen = new Set(a.map(key));
	const out = [...a];
	for (const v of b) {
		const k = key(v);
		if (!seen.has(k)) {
			seen.add(k);
			out.push(v);
		}
	}
	return out;
}

const phoneKey = (p: string) => p.replace(/[^\d+]/g, '');
const linkKey = (l: string) => linkedInHandle(l) ?? l.trim().replace(/\/+$/, '').toLowerCase();
const tagKey = (t: string) => t.toLocaleLowerCase('en');

/**
 * `existing` filled from `incoming`: empty fields take the incoming value, emails, phones, links
 * and tags are joined without repeats, and a field both hold keeps `prefer`'s value.
 */
export function mergeFields<T extends ContactFields>(
	existing: T,
	incoming: ContactFields,
	prefer: MergePreference = 'existing'
): T {
	const out: T = {
		...existing,
		emails: union(existing.emails, incoming.emails, normalizeEmail),
		phones: union(existing.phones, incoming.phones, phoneKey),
		links: union(existing.links, incoming.links, linkKey),
		tags: union(existing.tags, incoming.tags, tagKey)
	};
	if (prefer === 'incoming' && incoming.name.trim()) out.name = incoming.name;
	for (const key of SCALARS) {
		const value = incoming[key];
		if (value === undefined || value === '') continue;
		if (out[key] === undefined || out[key] === '' || prefer === 'incoming') {
			(out as Record<string, unknown>)[key] = value;
		}
	}
	return out;
}

/** True when a merge changed something the person would see. */
export function sameFields(a: Contact, b: Contact): boolean {
	const pick = ({ createdAt: _c, updatedAt: _u, ...rest }: Contact) => rest;
	return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}

/**
 * Pairs of live records that are likely one person (a shared email, LinkedIn profile, or name and
 * organisation), each pair once, at most `limit`: after two devices' networks meet by sync, the
 * same person added on both shows up here to be merged.
 */
export function likelySamePairs<T extends Matchable & { id: string }>(
	records: readonly T[],
	limit = 20
): [T, T][] {
	const first = new Map<string, T>();
	const pairs: [T, T][] = [];
	const seen = new Set<string>();
	for (const r of records) {
		for (const { key } of matchKeys(r)) {
			const other = first.get(key);
			if (!other) {
				first.set(key, r);
				continue;
			}
			const id = other.id < r.id ? `${other.id}|${r.id}` : `${r.id}|${other.id}`;
			if (other.id === r.id || seen.has(id)) continue;
			seen.add(id);
			pairs.push([other, r]);
			if (pairs.length >= limit) return pairs;
		}
	}
	return pairs;
}
