/**
 * Bytes and transfer encodings to text for vCard files: the file's own encoding (a byte order mark,
 * else UTF-8, else Windows-1252), and a value's quoted-printable or base64 with its CHARSET. Shared
 * by the reader and by the writer, which decodes a kept vCard 2.1 line before writing it back.
 */
import { paramValue, type Property } from '../content-line';

/**
 * Turns a file's bytes into text: a byte order mark wins, then UTF-8; old exports that are not
 * valid UTF-8 are nearly always Windows-1252 / ISO-8859-1.
 */
export function decodeVCardBytes(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	return decodeBytes(bytes, 'utf-8');
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
