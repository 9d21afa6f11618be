/**
 * One card's properties, already unfolded and split, into a `ParsedCard`: values are decoded and
 * unescaped, checked against the domain's rules, and anything Kith cannot keep in a field stays
 * as its raw line in `extra`. A card with no usable name becomes an error instead.
 */
import { NAME_MAX, normalizeLink } from '$lib/domain/contact';
import {
	emailSchema,
	httpUrlSchema,
	longText,
	phoneSchema,
	shortText,
	tagSchema
} from '$lib/domain/text';
import type { Property } from '../content-line';
import { groupTag, isStarredGroup } from '../google-groups';
import { decodedValue } from './vcard-decode';

/** One card read from a file, shaped so a caller can build a Contact from it. */
export type ParsedCard = {
	name: string;
	organization?: string;
	role?: string;
	emails: string[];
	phones: string[];
	links: string[];
	notes?: string;
	tags: string[];
	/** In Google's "starred" group (CATEGORIES), for a "favourite" tag if the person asks. */
	starred?: boolean;
	/** Raw unfolded lines of every property Kith has no field for (or could not accept), in order. */
	extra: string[];
	/** 1-based line of the card's BEGIN:VCARD. */
	line: number;
};

export type VCardError = { line: number; reason: string };
export type VCardParseResult = { cards: ParsedCard[]; errors: VCardError[] };

const TAG_MAX = 60;

export type Entry = { line: number; text: string; prop: Property };

function unescapeText(text: string): string {
	// Unknown escapes keep their backslash so that Windows paths and the like survive.
	return text.replace(/\\([\\;,:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on separators that are not escaped; the parts keep their escapes. */
function splitEscaped(text: string, separators: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charAt(i);
		if (c === '\\' && i + 1 < text.length) {
			current += c + text.charAt(i + 1);
			i++;
		} else if (separators.includes(c)) {
			parts.push(current);
			current = '';
		} else {
			current += c;
		}
	}
	parts.push(current);
	return parts;
}

function textValue(prop: Property): string {
	return unescapeText(decodedValue(prop));
}

function components(prop: Property): string[] {
	return splitEscaped(decodedValue(prop), ';').map(unescapeText);
}

function collapse(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function nameFromN(prop: Property, version: string): string {
	const parts = splitEscaped(decodedValue(prop), ';').map((part) =>
		// 3.0 and 4.0 list several given or additional names with commas; 2.1 has no lists.
		version === '2.1' ? unescapeText(part) : splitEscaped(part, ',').map(unescapeText).join(' ')
	);
	const [family, given, additional, prefix, suffix] = parts;
	return collapse([prefix, given, additional, family, suffix].join(' '));
}

function phoneValue(raw: string): string {
	const text = raw.trim();
	// 4.0 may write `tel:+1-555-0100;ext=42`; Kith keeps the human form.
	const uri = /^tel:([^;]*)(.*)$/i.exec(text);
	if (!uri) return text;
	const ext = /;ext=([0-9]+)/i.exec(uri[2] ?? '');
	const number = decodeURIComponentSafe(uri[1] ?? '').trim();
	return ext ? `${number} ext. ${ext[1]}` : number;
}

function decodeURIComponentSafe(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function linkValue(raw: string): string | undefined {
	const text = raw.trim();
	if (!text) return undefined;
	const link = normalizeLink(text);
	if (!httpUrlSchema.safeParse(link).success) return undefined;
	// Only a host name with a dot is taken for a bare address (`www.example.org`), not any word.
	if (link !== text && !new URL(link).hostname.includes('.')) return undefined;
	return link;
}

/** Trims, collapses white space and keeps a tag within the domain's length, never splitting a pair. */
function normalizeTag(text: string): string {
	let tag = collapse(text);
	if (tag.length > TAG_MAX) {
		const cut = /[\uD800-\uDBFF]/.test(tag.charAt(TAG_MAX - 1)) ? TAG_MAX - 1 : TAG_MAX;
		tag = tag.slice(0, cut).trim();
	}
	return tag;
}

export function buildCard(
	line: number,
	entries: Entry[],
	errors: VCardError[]
): ParsedCard | undefined {
	const version = entries.find((e) => e.prop.name === 'VERSION')?.prop.value.trim() ?? '';
	let formatted: string | undefined;
	let fromN: string | undefined;
	let organization: string | undefined;
	let role: string | undefined;
	const emails: string[] = [];
	const phones: string[] = [];
	const links: string[] = [];
	const notes: string[] = [];
	const tags: string[] = [];
	const seenTags = new Set<string>();
	let starred = false;
	const extra: string[] = [];

	for (const { text, prop } of entries) {
		switch (prop.name) {
			case 'VERSION':
				break;
			case 'FN': {
				const name = collapse(textValue(prop));
				if (name && formatted === undefined) formatted = name;
				break;
			}
			case 'N': {
				const name = nameFromN(prop, version);
				if (name && fromN === undefined) fromN = name;
				break;
			}
			case 'ORG': {
				const parts = components(prop);
				const first = (parts[0] ?? '').trim();
				if (first && organization === undefined && shortText.safeParse(first).success) {
					organization = first;
				} else if (parts.some((p) => p.trim())) {
					extra.push(text);
				}
				break;
			}
			case 'TITLE': {
				const title = textValue(prop).trim();
				if (title && role === undefined && shortText.safeParse(title).success) role = title;
				else if (title) extra.push(text);
				break;
			}
			case 'EMAIL': {
				const email = textValue(prop)
					.trim()
					.replace(/^mailto:/i, '');
				if (emailSchema.safeParse(email).success) emails.push(email);
				else if (email) extra.push(text);
				break;
			}
			case 'TEL': {
				const phone = phoneValue(textValue(prop));
				if (phoneSchema.safeParse(phone).success) phones.push(phone);
				else if (phone) extra.push(text);
				break;
			}
			case 'URL': {
				const raw = textValue(prop);
				const link = linkValue(raw);
				// Anything else (ftp:, javascript:, junk) is kept out of links but not thrown away.
				if (link) links.push(link);
				else if (raw.trim()) extra.push(text);
				break;
			}
			case 'NOTE': {
				const note = textValue(prop).replace(/\r\n?/g, '\n').trim();
				if (!note) break;
				if (longText.safeParse([...notes, note].join('\n\n')).success) notes.push(note);
				else extra.push(text);
				break;
			}
			case 'CATEGORIES': {
				for (const part of splitEscaped(decodedValue(prop), ',;')) {
					const group = unescapeText(part);
					if (isStarredGroup(group)) starred = true;
					// Google's own groups (myContacts, starred) are not the person's tags.
					if (groupTag(group) === undefined) continue;
					const tag = normalizeTag(group);
					const key = tag.toLowerCase();
					if (tagSchema.safeParse(tag).success && !seenTags.has(key)) {
						seenTags.add(key);
						tags.push(tag);
					}
				}
				break;
			}
			default:
				extra.push(text);
		}
	}

	const name = formatted ?? fromN;
	if (!name) {
		errors.push({ line, reason: 'This card has no name (FN or N), so it was skipped.' });
		return undefined;
	}
	if (name.length > NAME_MAX) {
		errors.push({
			line,
			reason: `This card's name is longer than ${NAME_MAX} characters, so it was skipped.`
		});
		return undefined;
	}
	const card: ParsedCard = { name, emails, phones, links, tags, extra, line };
	if (organization !== undefined) card.organization = organization;
	if (role !== undefined) card.role = role;
	if (notes.length) card.notes = notes.join('\n\n');
	if (starred) card.starred = true;
	return card;
}
