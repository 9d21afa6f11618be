/**
 * Fill-in-the-gaps practice: which stretches of a pitch's text are hidden, from phrases (the
 * cues) or from words the user tapped. Pure, so it is tested without a page.
 */
import type { GapMode, Pitch } from './pitch';

export type Segment = { kind: 'text'; text: string } | { kind: 'gap'; text: string; index: number };

/** The text cut into words and the spaces between them, in order: the units the user can tap. */
export function tokenize(text: string): { text: string; word: boolean }[] {
	const out: { text: string; word: boolean }[] = [];
	for (const m of text.matchAll(/\s+|\S+/gu)) out.push({ text: m[0], word: !/^\s/u.test(m[0]) });
	return out;
}

/**
 * Hides the words at the given word positions (0 = the first word). Neighbouring picked words,
 * with only spaces between them, become one gap, so a phrase is revealed at once.
 */
export function gapsFromWords(text: string, picked: ReadonlySet<number>): Segment[] {
	const segments: Segment[] = [];
	let wordIndex = -1;
	let gapCount = 0;
	let open: { text: string } | undefined;
	let pendingSpace = '';
	const pushText = (t: string) => {
		const last = segments[segments.length - 1];
		if (last?.kind === 'text') last.text += t;
		else if (t) segments.push({ kind: 'text', text: t });
	};
	const close = () => {
		if (open) segments.push({ kind: 'gap', text: open.text, index: gapCount++ });
		open = undefined;
	};
	for (const token of tokenize(text)) {
		if (!token.word) {
			if (open) pendingSpace += token.text;
			else pushText(token.text);
			continue;
		}
		wordIndex++;
		if (picked.has(wordIndex)) {
			if (open) open.text += pendingSpace + token.text;
			else open = { text: token.text };
		} else {
			close();
			pushText(pendingSpace + token.text);
		}
		pendingSpace = '';
	}
	close();
	pushText(pendingSpace);
	return segments;
}

function fold(s: string): string {
	return s.toLocaleLowerCase();
}

/**
 * Hides the first place each phrase appears in the text (case does not matter), longest
 * phrases first so that a short cue inside a longer one does not split it. Phrases not found
 * word for word are returned in `missing`, so the page can say so.
 */
export function gapsFromPhrases(
	text: string,
	phrases: string[]
): { segments: Segment[]; missing: string[] } {
	const folded = fold(text);
	// Case folding can change a string's length (rare letters); then positions would not line up.
	const aligned = folded.length === text.length;
	const ranges: [number, number][] = [];
	const missing: string[] = [];
	const wanted = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))];
	for (const phrase of [...wanted].sort((a, b) => b.length - a.length)) {
		const needle = aligned ? fold(phrase) : phrase;
		const hay = aligned ? folded : text;
		let from = 0;
		let found = -1;
		while (from <= hay.length) {
			const at = hay.indexOf(needle, from);
			if (at < 0) break;
			const end = at + needle.length;
			if (!ranges.some(([s, e]) => at < e && end > s)) {
				found = at;
				break;
			}
			from = at + 1;
		}
		if (found < 0) missing.push(phrase);
		else ranges.push([found, found + needle.length]);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const segments: Segment[] = [];
	let cursor = 0;
	ranges.forEach(([s, e], index) => {
		if (s > cursor) segments.push({ kind: 'text', text: text.slice(cursor, s) });
		segments.push({ kind: 'gap', text: text.slice(s, e), index });
		cursor = e;
	});
	if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
	// Keep the order the user wrote the cues in for the message.
	return { segments, missing: wanted.filter((p) => missing.includes(p)) };
}

export function gapCount(segments: Segment[]): number {
	return segments.filter((s) => s.kind === 'gap').length;
}

/** The word positions of every `n`th word (the fifth, the tenth, …) of the text. */
export function everyNthWord(text: string, n = 5): Set<number> {
	const words = tokenize(text).filter((t) => t.word).length;
	const out = new Set<number>();
	for (let i = n - 1; i < words; i += n) out.add(i);
	return out;
}

/**
 * What the gaps hide for this pitch: the choice saved with it, or else its cues when at least one
 * is in the text word for word (they are the points worth remembering), or else every fifth word,
 * so practice never starts with nothing hidden.
 */
export function gapModeOf(pitch: Pick<Pitch, 'text' | 'cues' | 'gaps'>): GapMode {
	if (pitch.gaps) return pitch.gaps;
	const { segments } = gapsFromPhrases(pitch.text, pitch.cues);
	return gapCount(segments) > 0 ? 'cues' : 'fifth';
}
