/**
 * Reads vCard 2.1, 3.0 and 4.0 files (RFC 2426, RFC 6350) into plain card records a caller can turn
 * into contacts: finds the cards, unfolds their lines and hands each card's properties to
 * vcard-card.ts. Nothing is thrown; problems come back with the line they start on.
 */
import { findColon, parseProperty } from '../content-line';
import {
	buildCard,
	type Entry,
	type ParsedCard,
	type VCardError,
	type VCardParseResult
} from './vcard-card';

export type { ParsedCard, VCardError, VCardParseResult } from './vcard-card';
export { decodeVCardBytes, readVCardBytes } from './vcard-decode';

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
