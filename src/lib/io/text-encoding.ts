/**
 * The text encodings an imported file may be read with, and the one guess that can be wrong: a
 * file with no byte order mark that is not valid UTF-8 is read as Windows-1252, and the person is
 * told so and may pick another. Pure: bytes in, text out.
 */

/** The encodings offered when Kith had to guess, in the order people most often need them. */
export const TEXT_ENCODINGS = [
	{ id: 'utf-8', label: 'UTF-8' },
	{ id: 'windows-1252', label: 'Windows-1252 (Western European)' },
	{ id: 'iso-8859-15', label: 'ISO-8859-15 (Latin-9, with €)' },
	{ id: 'macintosh', label: 'Mac OS Roman' },
	{ id: 'windows-1250', label: 'Windows-1250 (Central European)' },
	{ id: 'utf-16le', label: 'UTF-16' }
] as const;

export type TextEncoding = (typeof TEXT_ENCODINGS)[number]['id'];

/**
 * Said about a file whose encoding was guessed (no byte order mark, not valid UTF-8) or chosen by
 * the person; a file Kith could read for certain carries none.
 */
export interface EncodingNote {
	used: TextEncoding;
	/** True when the person chose it; false when Kith assumed it. */
	chosen: boolean;
}

export function isTextEncoding(value: unknown): value is TextEncoding {
	return TEXT_ENCODINGS.some((e) => e.id === value);
}

export function encodingLabel(id: TextEncoding): string {
	return TEXT_ENCODINGS.find((e) => e.id === id)?.label ?? id;
}

/** Bytes as text in an encoding the person chose; a byte order mark of that encoding is dropped. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
	return new TextDecoder(encoding).decode(bytes);
}

/**
 * Bytes without a byte order mark as UTF-8 when they are valid UTF-8; otherwise as Windows-1252,
 * which maps every byte and is what old exports nearly always are, with a note saying so.
 */
export function decodeGuessing(bytes: Uint8Array): { text: string; note?: EncodingNote } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			note: { used: 'windows-1252', chosen: false }
		};
	}
}
