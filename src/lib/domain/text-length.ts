/**
 * Limits on user text that the zod schemas and the zod-free forms share, and a way to cut text to
 * such a limit. No zod here: the capture form loads this on its first screen.
 */

/** The longest name of a person, in UTF-16 code units. */
export const NAME_MAX = 200;

/** The longest tag, in UTF-16 code units, as tagSchema's maxLength counts. */
export const TAG_MAX = 60;

let segmenter: Intl.Segmenter | null | undefined;

/** The characters of `text` as a person counts them: an emoji with its modifiers is one. */
function characters(text: string): Iterable<string> {
	segmenter ??=
		typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
			? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
			: null;
	if (!segmenter) return text; // Code points: still never half of a surrogate pair.
	const segments = segmenter.segment(text);
	return {
		*[Symbol.iterator]() {
			for (const s of segments) yield s.segment;
		}
	};
}

/**
 * The longest start of `text` that fits in `max` UTF-16 code units (what zod's maxLength counts)
 * and ends between two whole characters. A plain `slice` could keep half of an emoji or drop the
 * accent of a letter, leaving a broken character that shows as �.
 */
export function cutText(text: string, max: number): string {
	if (text.length <= max) return text;
	// Where a character ends depends only on its neighbours, so only a stretch before the cut is
	// segmented: a 100,000-character note is cut at once instead of in seconds.
	const from = Math.max(0, max - WINDOW);
	let end = from;
	for (const c of characters(text.slice(from, max + WINDOW))) {
		if (end + c.length > max) break;
		end += c.length;
	}
	// Only a character longer than the whole stretch could leave the cut inside a surrogate pair.
	const last = text.charCodeAt(end - 1);
	if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
	return text.slice(0, end);
}

/** Far longer than any character a person types (an emoji family with skin tones is 11 units). */
const WINDOW = 256;
