/**
 * Bytes and transfer encodings to text for vCard files: the file's own encoding (a byte order mark,
 * else UTF-8, else Windows-1252), and a value's quoted-printable or base64 with its CHARSET. Shared
 * by the reader and by the writer, which decodes a kept vCard 2.1 line before writing it back.
 */
import { paramValue, type Property } from '../content-line';
import { decodeAs, decodeGuessing, type EncodingNote, type TextEncoding } from '../text-encoding';

/**
 * Turns a file's bytes into text: a byte order mark wins, then UTF-8; old exports that are not
 * valid UTF-8 are nearly always Windows-1252 / ISO-8859-1.
 */
export function decodeVCardBytes(bytes: Uint8Array): string {
	return readVCardBytes(bytes).text;
}

/**
 * The file's text, and a note when its encoding was guessed or given. Folds that cut a UTF-8
 * character in two are joined on the bytes first (RFC 6350 folds at 75 octets, and many writers
 * cut wherever the 75th octet falls), so the charset is told on whole characters: read as text
 * first, such a file would not be valid UTF-8 and every accented name would turn to mojibake.
 */
export function readVCardBytes(
	bytes: Uint8Array,
	encoding?: TextEncoding
): { text: string; note?: EncodingNote } {
	if (encoding)
		return {
			text: decodeAs(joinSplitCharacters(bytes), encoding),
			note: { used: encoding, chosen: true }
		};
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes) };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes) };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(joinSplitCharacters(bytes)) };
	}
	return decodeGuessing(joinSplitCharacters(bytes));
}

const isContinuation = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** UTF-8 continuation bytes the sequence ending just before `end` still lacks, or 0. */
function missingAt(bytes: Uint8Array, end: number): number {
	let have = 0;
	let i = end - 1;
	while (i >= 0 && have < 3 && isContinuation(bytes[i])) {
		have++;
		i--;
	}
	const lead = bytes[i] ?? 0;
	const need =
		lead >= 0xf0 && lead <= 0xf4
			? 3
			: lead >= 0xe0 && lead <= 0xef
				? 2
				: lead >= 0xc2 && lead <= 0xdf
					? 1
					: 0;
	return need > have ? need - have : 0;
}

/**
 * Drops each line break and the one space or tab after it where they sit inside a UTF-8 character:
 * the bytes before it start a character the bytes after it finish. Nowhere else, so vCard 2.1's
 * folds, which keep their white space, and text in other encodings stay as they are.
 */
export function joinSplitCharacters(bytes: Uint8Array): Uint8Array {
	let out: Uint8Array | undefined;
	let written = 0;
	let copied = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b !== 0x0d && b !== 0x0a) continue;
		const breakLength = b === 0x0d && bytes[i + 1] === 0x0a ? 2 : 1;
		const space = bytes[i + breakLength];
		if (space !== 0x20 && space !== 0x09) continue;
		const missing = missingAt(bytes, i);
		if (missing === 0) continue;
		const next = i + breakLength + 1;
		let whole = true;
		for (let k = 0; k < missing; k++) if (!isContinuation(bytes[next + k])) whole = false;
		if (!whole) continue;
		out ??= new Uint8Array(bytes.length);
		out.set(bytes.subarray(copied, i), written);
		written += i - copied;
		copied = next;
		i = next - 1;
	}
	if (!out) return bytes;
	out.set(bytes.subarray(copied), written);
	return out.subarray(0, written + bytes.length - copied);
}

/** The value with its transfer encoding (quoted-printable, base64) undone; escapes still in. */
export function decodedValue(prop: Property): string {
	const encoding = paramValue(prop, 'ENCODING')?.toUpperCase();
	const charset = paramValue(prop, 'CHARSET');
	if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(prop.value, charset);
	if (encoding === 'B' || encoding === 'BASE64') {
		return decodeBase64Text(prop.value, charset) ?? prop.value;
	}
	return prop.value;
}

export function decodeQuotedPrintable(value: string, charset: string | undefined): string {
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

export function decodeBase64Text(value: string, charset: string | undefined): string | undefined {
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

export function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
	try {
		return new TextDecoder(charset?.trim() || 'utf-8', { fatal: true }).decode(bytes);
	} catch {
		// A wrong or unknown charset label is common in old exports; Windows-1252 maps every byte.
		return new TextDecoder('windows-1252').decode(bytes);
	}
}
