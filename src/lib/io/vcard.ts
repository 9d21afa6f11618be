/**
 * vCard import and export, pure text in and out. `parseVCards` reads vCard 2.1, 3.0 and 4.0 files
 * (RFC 2426, RFC 6350) into plain card records a caller can turn into contacts; `serializeVCard`
 * writes contacts as vCard 3.0 or 4.0; `myCardToVCard` writes the user's own card for a QR code.
 * Properties Kith has no field for travel along as raw lines (`extra`) so an export gives them back.
 */
import { NAME_MAX, normalizeLink, type Contact } from '$lib/domain/contact';
import {
	emailSchema,
	httpUrlSchema,
	isHttpUrl,
	longText,
	phoneSchema,
	shortText,
	tagSchema
} from '$lib/domain/text';

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
	/** Raw unfolded lines of every property Kith has no field for (or could not accept), in order. */
	extra: string[];
	/** 1-based line of the card's BEGIN:VCARD. */
	line: number;
};

export type VCardError = { line: number; reason: string };
export type VCardParseResult = { cards: ParsedCard[]; errors: VCardError[] };
export type VCardVersion = '4.0' | '3.0';

export type MyCard = {
	name: string;
	headline?: string;
	email?: string;
	phone?: string;
	links: string[];
};

const EOL = '\r\n';
const MAX_OCTETS = 75;
const TAG_MAX = 60;

// ---------------------------------------------------------------------------------------------
// Reading

type Param = { key: string; values: string[]; raw: string; bare: boolean };
type Property = { group?: string; name: string; params: Param[]; value: string };
type Entry = { line: number; text: string; prop: Property };

/**
 * Reads every card in a vCard file. Nothing is thrown: problems come back as errors with the line
 * they start on, and a card that cannot be read (no name, no END) is left out; the caller decides
 * whether to import the rest.
 */
export function parseVCards(input: string): VCardParseResult {
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
	if (text.trim() === '') {
		return { cards: [], errors: [{ line: 1, reason: 'The file is empty.' }] };
	}
	const binaryLine = findBinary(text);
	if (binaryLine !== undefined) {
		return {
			cards: [],
			errors: [
				{
					line: binaryLine,
					reason: 'This file holds binary data, not text, so it cannot be a vCard file.'
				}
			]
		};
	}

	const cards: ParsedCard[] = [];
	const errors: VCardError[] = [];
	let current: { line: number; entries: Entry[] } | undefined;
	let sawBegin = false;
	let inStray = false;

	for (const { line, text: raw } of unfold(text.split(/\r\n|\r|\n/))) {
		// Old DOS tools end files with Ctrl-Z; it is no more content than a blank line.
		if (raw.replaceAll('\u001a', '').trim() === '') continue;
		const prop = parseProperty(raw);
		const marker =
			prop && prop.group === undefined && prop.value.trim().toUpperCase() === 'VCARD'
				? prop.name
				: undefined;
		if (marker === 'BEGIN') {
			if (current) {
				errors.push({
					line: current.line,
					reason: 'This card has no END:VCARD before the next card begins; it was skipped.'
				});
			}
			current = { line, entries: [] };
			sawBegin = true;
			inStray = false;
		} else if (marker === 'END') {
			if (current) {
				const card = buildCard(current.line, current.entries, errors);
				if (card) cards.push(card);
			} else {
				errors.push({ line, reason: 'This END:VCARD has no BEGIN:VCARD before it.' });
			}
			current = undefined;
			inStray = false;
		} else if (!current) {
			// One message per run of stray text is enough to find it.
			if (!inStray) {
				errors.push({
					line,
					reason: 'This text is outside any card (not between BEGIN:VCARD and END:VCARD).'
				});
			}
			inStray = true;
		} else if (!prop) {
			errors.push({
				line,
				reason: 'This line is not a vCard property (NAME:value), so it was skipped.'
			});
		} else {
			current.entries.push({ line, text: raw, prop });
		}
	}
	if (current) {
		errors.push({
			line: current.line,
			reason: 'This card has no END:VCARD; the file may have been cut short.'
		});
	}
	if (!sawBegin) {
		return {
			cards: [],
			errors: [{ line: 1, reason: 'No contact card found: a vCard file has BEGIN:VCARD lines.' }]
		};
	}
	errors.sort((a, b) => a.line - b.line);
	return { cards, errors };
}

/**
 * Turns a file's bytes into text: a byte order mark wins, then UTF-8; old exports that are not
 * valid UTF-8 are nearly always Windows-1252 / ISO-8859-1.
 */
export function decodeVCardBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	return decodeBytes(bytes, 'utf-8');
}

/** Line of the first NUL, or 1 when much of the text is control characters or undecodable. */
function findBinary(text: string): number | undefined {
	const nul = text.indexOf('\0');
	if (nul >= 0) return lineOf(text, nul);
	let controls = 0;
	let replacements = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) {
			controls++;
		} else if (c === 0xfffd) {
			replacements++;
		}
	}
	// U+FFFD is also plain text: a note may hold pasted ones, and Kith writes one for each unpaired
	// surrogate. Bytes decoded as text leave control characters beside them, which no card Kith
	// writes holds, so the replacements count only when those are there too.
	const odd = controls >= text.length * 0.01 ? controls + replacements : controls;
	return odd / text.length > 0.1 ? 1 : undefined;
}

function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
	}
	return line;
}

/**
 * Joins folded physical lines into logical ones. vCard 2.1 folds at white space and keeps it;
 * 3.0 and 4.0 drop the one space or tab. Quoted-printable values continue after a trailing `=`
 * whatever the next line starts with.
 */
function unfold(physical: string[]): Array<{ line: number; text: string }> {
	// Pieces are joined once at the end: appending to one long string and testing its end on
	// every folded line of a large photo or note would copy it over and over.
	const out: Array<{ line: number; parts: string[]; qp?: boolean }> = [];
	let keepFoldSpace = false;
	physical.forEach((raw, i) => {
		const last = out.at(-1);
		const lastPart = last?.parts.at(-1) ?? '';
		if (
			last &&
			lastPart.endsWith('=') &&
			(last.qp ??= isQuotedPrintable(last.parts.join(''))) &&
			!/^(begin|end)\s*:\s*vcard\s*$/i.test(raw)
		) {
			last.parts[last.parts.length - 1] = lastPart.slice(0, -1);
			last.parts.push(raw);
		} else if (last && (raw.startsWith(' ') || raw.startsWith('\t'))) {
			last.parts.push(keepFoldSpace ? raw : raw.slice(1));
		} else {
			out.push({ line: i + 1, parts: [raw] });
			if (/^begin\s*:/i.test(raw)) keepFoldSpace = false;
			else if (/^version\s*:\s*2\.1\s*$/i.test(raw)) keepFoldSpace = true;
		}
	});
	return out.map(({ line, parts }) => ({ line, text: parts.join('') }));
}

function isQuotedPrintable(text: string): boolean {
	const colon = findColon(text);
	const head = colon < 0 ? text : text.slice(0, colon);
	return /;\s*(encoding\s*=\s*)?quoted-printable\s*(;|$)/i.test(head);
}

/** The first colon outside double quotes: 4.0 parameter values may hold colons when quoted. */
function findColon(text: string): number {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === ':' && !quoted) return i;
	}
	return text.indexOf(':');
}

function splitOutsideQuotes(text: string, separator: string): string[] {
	const parts: string[] = [];
	let quoted = false;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === separator && !quoted) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts;
}

// Names and groups are letters, digits and dashes; some exporters add underscores.
const TOKEN = /^[A-Za-z0-9_-]+$/;
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT']);

function parseProperty(text: string): Property | undefined {
	const colon = findColon(text);
	if (colon < 0) return undefined;
	const [fullName = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
	const trimmed = fullName.trim();
	const dot = trimmed.indexOf('.');
	const group = dot >= 0 ? trimmed.slice(0, dot) : undefined;
	const name = trimmed.slice(dot + 1);
	if (!TOKEN.test(name) || (group !== undefined && !TOKEN.test(group))) return undefined;
	const params = rawParams.filter((p) => p.trim() !== '').map(parseParam);
	return { group, name: name.toUpperCase(), params, value: text.slice(colon + 1) };
}

function parseParam(raw: string): Param {
	const eq = raw.indexOf('=');
	if (eq < 0) {
		// vCard 2.1 writes bare values: `TEL;CELL;PREF:` or `NOTE;QUOTED-PRINTABLE:`.
		const value = raw.trim();
		const key = BARE_ENCODINGS.has(value.toUpperCase()) ? 'ENCODING' : 'TYPE';
		return { key, values: [value], raw, bare: true };
	}
	const values = splitOutsideQuotes(raw.slice(eq + 1), ',').map((v) =>
		v.trim().replace(/^"(.*)"$/s, '$1')
	);
	return { key: raw.slice(0, eq).trim().toUpperCase(), values, raw, bare: false };
}

function paramValue(prop: Property, key: string): string | undefined {
	return prop.params.find((p) => p.key === key)?.values[0];
}

/** The value with its transfer encoding (quoted-printable, base64) undone; escapes still in. */
function decodedValue(prop: Property): string {
	const encoding = paramValue(prop, 'ENCODING')?.toUpperCase();
	const charset = paramValue(prop, 'CHARSET');
	if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(prop.value, charset);
	if (encoding === 'B' || encoding === 'BASE64') {
		return decodeBase64Text(prop.value, charset) ?? prop.value;
	}
	return prop.value;
}

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
	// Runs of =XX are bytes in the declared charset; anything else is already text. A final `=`
	// is a soft line break with nothing after it.
	return value.replace(/=$/, '').replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) => {
		const bytes = new Uint8Array(run.length / 3);
		for (let i = 0; i < bytes.length; i++) {
			bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
		}
		return decodeBytes(bytes, charset);
	});
}

function decodeBase64Text(value: string, charset: string | undefined): string | undefined {
	try {
		const binary = atob(value.replace(/\s+/g, ''));
		return decodeBytes(
			Uint8Array.from(binary, (c) => c.charCodeAt(0)),
			charset
		);
	} catch {
		return undefined;
	}
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
	try {
		return new TextDecoder(charset?.trim() || 'utf-8', { fatal: true }).decode(bytes);
	} catch {
		// A wrong or unknown charset label is common in old exports; Windows-1252 maps every byte.
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

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

function buildCard(line: number, entries: Entry[], errors: VCardError[]): ParsedCard | undefined {
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
					const tag = normalizeTag(unescapeText(part));
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
	return card;
}

// ---------------------------------------------------------------------------------------------
// Writing

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
	return lines.map(foldLine).join(EOL) + EOL;
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
	return lines.map(foldLine).join(EOL) + EOL;
}

function hasText(value: string | undefined): value is string {
	return value !== undefined && value.trim() !== '';
}

/**
 * FN and N. The family name is the last word and the given name the rest; a single word is taken
 * as a given name, since Kith invites "even just a first name".
 */
function nameLines(name: string): string[] {
	const words = collapse(sanitize(name)).split(' ').filter(Boolean);
	const family = words.length > 1 ? (words.at(-1) ?? '') : '';
	const given = words.length > 1 ? words.slice(0, -1).join(' ') : (words[0] ?? '');
	return [`FN:${escapeText(words.join(' '))}`, `N:${escapeText(family)};${escapeText(given)};;;`];
}

/** Drops what may not appear in a vCard at all: control characters and unpaired surrogates. */
function sanitize(text: string): string {
	return text
		.replace(/[^\P{Cc}\t\n\r\u0080-\u009f]/gu, '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text values: backslash, comma, semicolon and line breaks are escaped (RFC 6350 §3.4). */
export function escapeText(text: string): string {
	return sanitize(text)
		.replace(/[\\,;]/g, (c) => `\\${c}`)
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** URLs are single values, so commas and semicolons stay as they are for other readers. */
function escapeUri(text: string): string {
	return sanitize(text)
		.replace(/\\/g, '\\\\')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-16 units and UTF-8 octets of the character at `i`; an unpaired surrogate becomes U+FFFD. */
function charAt(line: string, i: number): { units: number; octets: number } {
	const cp = line.codePointAt(i) ?? 0;
	if (cp < 0x80) return { units: 1, octets: 1 };
	if (cp < 0x800) return { units: 1, octets: 2 };
	if (cp < 0x10000) return { units: 1, octets: 3 };
	return { units: 2, octets: 4 };
}

/**
 * Folds one logical line into physical lines of at most 75 octets joined by CRLF + space. It cuts
 * between whole characters only, and never inside an escape, for readers that unescape too early.
 */
export function foldLine(line: string): string {
	const pieces: string[] = [];
	let start = 0;
	let octets = 0;
	let i = 0;
	while (i < line.length) {
		const first = charAt(line, i);
		let end = i + first.units;
		let size = first.octets;
		if (line.charCodeAt(i) === 0x5c && end < line.length) {
			const escaped = charAt(line, end);
			end += escaped.units;
			size += escaped.octets;
		}
		if (octets + size > MAX_OCTETS && i > start) {
			pieces.push(line.slice(start, i));
			start = i;
			octets = 1; // the space that starts a continuation line
		}
		octets += size;
		i = end;
	}
	pieces.push(line.slice(start));
	return pieces.join(`${EOL} `);
}

const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const STRUCTURE = new Set(['BEGIN', 'END', 'VERSION']);

/**
 * Gives back a kept line, rewritten only where its 2.1 or other-version form would be invalid in
 * the target version: quoted-printable and charsets are decoded to plain UTF-8, bare parameters
 * become TYPE=, and inline binary data moves between 3.0 `ENCODING=b` and 4.0 `data:` URIs.
 */
function exportExtraLine(raw: string, version: VCardVersion): string | undefined {
	const text = sanitize(raw).replace(/\r\n|\r|\n/g, '\\n');
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

function makeParam(key: string, value: string): Param {
	return { key, values: [value], raw: `${key}=${value}`, bare: false };
}

function escapeNewlines(text: string): string {
	return text.replace(/\r\n|\r|\n/g, '\\n');
}

function mediaType(property: string, type: string | undefined): string {
	if (!type) return 'application/octet-stream';
	if (type.includes('/')) return type.toLowerCase();
	const top = property === 'SOUND' ? 'audio' : property === 'KEY' ? 'application' : 'image';
	return `${top}/${type.toLowerCase()}`;
}
