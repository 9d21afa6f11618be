/**
 * Writes contacts as vCard 3.0 or 4.0 (`serializeVCard`), and the user's own card for a QR code
 * (`myCardToVCard`). Lines a card was read with but Kith has no field for (`extra`) are written
 * back, rewritten only where the target version would not accept them.
 */
import type { Contact } from '$lib/domain/contact';
import { isHttpUrl } from '$lib/domain/text';
import {
	contentLines,
	escapeNewlines,
	escapeText,
	escapeUri,
	makeParam,
	paramValue,
	parseProperty,
	sanitize,
	type Param
} from '../content-line';
import { decodeBase64Text, decodeQuotedPrintable } from './vcard-decode';

export type VCardVersion = '4.0' | '3.0';

export type MyCard = {
	name: string;
	headline?: string;
	email?: string;
	phone?: string;
	links: string[];
};

/** One contact as a vCard (4.0 by default), CRLF line ends, folded at 75 octets. */
export function serializeVCard(
	contact: Contact & { extra?: string[] },
	version: VCardVersion = '4.0'
): string {
	const v4 = version === '4.0';
	const lines = ['BEGIN:VCARD', `VERSION:${version}`, ...nameLines(contact.name)];
	if (hasText(contact.organization)) lines.push(`ORG:${escapeText(contact.organization)}`);
	if (hasText(contact.role)) lines.push(`TITLE:${escapeText(contact.role)}`);
	for (const email of contact.emails.filter(hasText)) {
		lines.push(`${v4 ? 'EMAIL' : 'EMAIL;TYPE=INTERNET'}:${escapeText(email)}`);
	}
	for (const phone of contact.phones.filter(hasText)) {
		lines.push(`TEL;TYPE=${v4 ? 'voice' : 'VOICE'}:${escapeText(phone)}`);
	}
	for (const link of contact.links.filter(hasText)) lines.push(`URL:${escapeUri(link)}`);
	if (hasText(contact.notes)) lines.push(`NOTE:${escapeText(contact.notes)}`);
	const tags = contact.tags.filter(hasText);
	if (tags.length) lines.push(`CATEGORIES:${tags.map(escapeText).join(',')}`);
	for (const raw of contact.extra ?? []) {
		const line = exportExtraLine(raw, version);
		if (line !== undefined) lines.push(line);
	}
	lines.push('END:VCARD');
	return contentLines(lines);
}

export function serializeVCards(
	contacts: ReadonlyArray<Contact & { extra?: string[] }>,
	version: VCardVersion = '4.0'
): string {
	return contacts.map((c) => serializeVCard(c, version)).join('');
}

/** The user's own card as vCard 3.0, which phone cameras read most reliably from a QR code. */
export function myCardToVCard(card: MyCard): string {
	const lines = ['BEGIN:VCARD', 'VERSION:3.0', ...nameLines(card.name)];
	if (hasText(card.headline)) lines.push(`TITLE:${escapeText(card.headline.trim())}`);
	if (hasText(card.email)) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(card.email.trim())}`);
	if (hasText(card.phone)) lines.push(`TEL;TYPE=CELL:${escapeText(card.phone.trim())}`);
	for (const link of card.links.map((l) => l.trim()).filter(isHttpUrl)) {
		lines.push(`URL:${escapeUri(link)}`);
	}
	lines.push('END:VCARD');
	return contentLines(lines);
}

function hasText(value: string | undefined): value is string {
	return value !== undefined && value.trim() !== '';
}

/**
 * FN and N. The family name is the last word and the given name the rest; a single word is taken
 * as a given name, since Kith invites "even just a first name".
 */
function nameLines(name: string): string[] {
	const words = sanitize(name).replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
	const family = words.length > 1 ? (words.at(-1) ?? '') : '';
	const given = words.length > 1 ? words.slice(0, -1).join(' ') : (words[0] ?? '');
	return [`FN:${escapeText(words.join(' '))}`, `N:${escapeText(family)};${escapeText(given)};;;`];
}

const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const STRUCTURE = new Set(['BEGIN', 'END', 'VERSION']);

/**
 * Gives back a kept line, rewritten only where its 2.1 or other-version form would be invalid in
 * the target version: quoted-printable and charsets are decoded to plain UTF-8, bare parameters
 * become TYPE=, and inline binary data moves between 3.0 `ENCODING=b` and 4.0 `data:` URIs.
 */
function exportExtraLine(raw: string, version: VCardVersion): string | undefined {
	const text = escapeNewlines(sanitize(raw));
	const prop = parseProperty(text);
	if (!prop || STRUCTURE.has(prop.name)) return undefined;

	const encoding = paramValue(prop, 'ENCODING')?.toUpperCase();
	const base64 = encoding === 'B' || encoding === 'BASE64';
	const binary = BINARY_PROPERTIES.has(prop.name);
	const dataUri = /^data:([^;,]*)((?:;[^;,]*)*?);base64,(.*)$/is.exec(prop.value.trim());
	const rewrite =
		prop.params.some((p) => p.bare || p.key === 'CHARSET') ||
		(encoding !== undefined && !(version === '3.0' && encoding === 'B')) ||
		(version === '3.0' && binary && dataUri !== null);
	if (!rewrite) return text;

	// What takes the place of the ENCODING parameter, so the others keep their order.
	let encodingParams: Param[] = [];
	const added: Param[] = [];
	let dropType = false;
	let value = prop.value;
	if (encoding === 'QUOTED-PRINTABLE') {
		value = escapeNewlines(decodeQuotedPrintable(value, paramValue(prop, 'CHARSET')));
	} else if (base64 && version === '3.0') {
		encodingParams = [makeParam('ENCODING', 'b')];
		value = value.replace(/\s+/g, '');
	} else if (base64 && binary) {
		value = `data:${mediaType(prop.name, paramValue(prop, 'TYPE'))};base64,${value.replace(/\s+/g, '')}`;
		dropType = true;
	} else if (base64) {
		const decoded = decodeBase64Text(value, paramValue(prop, 'CHARSET'));
		if (decoded === undefined) encodingParams = [makeParam('ENCODING', 'b')];
		else value = escapeNewlines(decoded);
	} else if (version === '3.0' && binary && dataUri) {
		const subtype = (dataUri[1] ?? '').split('/')[1];
		added.push(makeParam('ENCODING', 'b'));
		if (subtype) added.push(makeParam('TYPE', subtype.toUpperCase()));
		value = dataUri[3] ?? '';
	}
	const params = prop.params
		.flatMap((p) => {
			if (p.key === 'CHARSET') return [];
			if (p.key === 'ENCODING') return encodingParams;
			if (p.key === 'TYPE' && dropType) return [];
			return [p];
		})
		.concat(added);
	value = sanitize(value);
	const head = [
		prop.group === undefined ? prop.name : `${prop.group}.${prop.name}`,
		...params.map((p) => (p.bare ? `TYPE=${p.values[0] ?? ''}` : p.raw))
	].join(';');
	return `${head}:${value}`;
}

function mediaType(property: string, type: string | undefined): string {
	if (!type) return 'application/octet-stream';
	if (type.includes('/')) return type.toLowerCase();
	const top = property === 'SOUND' ? 'audio' : property === 'KEY' ? 'application' : 'image';
	return `${top}/${type.toLowerCase()}`;
}
