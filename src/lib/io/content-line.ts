/**
 * Content lines, the text shape vCard (RFC 6350) and iCalendar (RFC 5545) share: `NAME;PARAM=value:value`
 * lines, folded at 75 octets, with TEXT values escaped. One fold and one escape for both writers, and
 * the reading of one line (group, name, parameters, quoted parameter values) for the vCard reader and
 * for the vCard writer, which reads a kept line again before writing it back. Pure text in and out.
 */

export const EOL = '\r\n';
const MAX_OCTETS = 75;

// ---------------------------------------------------------------------------------------------
// Writing

/** Logical lines as a file's text: each folded, every one ending in CRLF. */
export function contentLines(lines: readonly string[]): string {
	return lines.map(foldLine).join(EOL) + EOL;
}

/** Drops what may not appear in a vCard at all: control characters and unpaired surrogates. */
export function sanitize(text: string): string {
	return text
		.replace(/[^\P{Cc}\t\n\r\u0080-\u009f]/gu, '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text values: backslash, comma, semicolon and line breaks are escaped (RFC 6350 §3.4, RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
	return sanitize(text)
		.replace(/[\\,;]/g, (c) => `\\${c}`)
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** URLs are single values, so commas and semicolons stay as they are for other readers. */
export function escapeUri(text: string): string {
	return sanitize(text)
		.replace(/\\/g, '\\\\')
		.replace(/\r\n|\r|\n/g, '\\n');
}

export function escapeNewlines(text: string): string {
	return text.replace(/\r\n|\r|\n/g, '\\n');
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

// ---------------------------------------------------------------------------------------------
// Reading one line

export type Param = { key: string; values: string[]; raw: string; bare: boolean };
export type Property = { group?: string; name: string; params: Param[]; value: string };

/** The first colon outside double quotes: 4.0 parameter values may hold colons when quoted. */
export function findColon(text: string): number {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === ':' && !quoted) return i;
	}
	return text.indexOf(':');
}

export function splitOutsideQuotes(text: string, separator: string): string[] {
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

export function parseProperty(text: string): Property | undefined {
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

export function parseParam(raw: string): Param {
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

export function paramValue(prop: Property, key: string): string | undefined {
	return prop.params.find((p) => p.key === key)?.values[0];
}

export function makeParam(key: string, value: string): Param {
	return { key, values: [value], raw: `${key}=${value}`, bare: false };
}
