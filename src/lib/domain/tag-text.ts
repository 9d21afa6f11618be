/**
 * Tags as typed in one box, turned into a list. Apart from contact-form.ts, so the capture form,
 * which keeps the box's text as typed, does not load it.
 */
import { TAG_MAX, cutText } from './text-length';

/**
 * The tags typed in one box ("ux, #archives"): trimmed, spaces collapsed, duplicates dropped
 * ignoring case, and each cut to what tagSchema accepts without breaking a character in two.
 */
export function parseTags(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of text.split(/[,#\n]/)) {
		const tag = cutText(raw.trim().replace(/\s+/g, ' '), TAG_MAX).trimEnd();
		const key = tag.toLocaleLowerCase();
		if (tag && !seen.has(key)) {
			seen.add(key);
			out.push(tag);
		}
	}
	return out;
}
