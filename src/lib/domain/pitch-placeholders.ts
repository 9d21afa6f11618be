/**
 * Template blanks left in a pitch: the templates mark the user's own facts in square brackets
 * ("[your name]"), and a blank said out loud at an event is worse than a pause. Found here so the
 * editor and the rehearsal can point at them. Pure, so it is tested without a page.
 */

/** A blank in square brackets (or curly braces), on one line and short enough to be one. */
const BLANK = /\[[^\][\n]{1,80}\]|\{[^{}\n]{1,80}\}/gu;

/** The distinct blanks left in `text`, in the order they first appear ("[your name]", …). */
export function findPlaceholders(text: string): string[] {
	const found = new Set<string>();
	for (const m of text.matchAll(BLANK)) {
		// "[ ]" or "[…]" with nothing to fill in is punctuation, not a blank.
		if (/[\p{L}\p{N}]/u.test(m[0])) found.add(m[0]);
	}
	return [...found];
}

/** The blanks in a pitch's text and cues together, for a warning before rehearsing. */
export function pitchPlaceholders(pitch: { text: string; cues: readonly string[] }): string[] {
	return findPlaceholders([pitch.text, ...pitch.cues].join('\n'));
}

/** "[your name]" or "[your name], [your field] and 3 more": a short list for a warning. */
export function describePlaceholders(found: readonly string[], shown = 3): string {
	const head = found.slice(0, shown);
	const more = found.length - head.length;
	if (more > 0) return `${head.join(', ')} and ${more} more`;
	if (head.length <= 1) return head.join('');
	return `${head.slice(0, -1).join(', ')} and ${head.at(-1)}`;
}
