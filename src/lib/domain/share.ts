/**
 * What another app shared into Kith (a profile link, a page title, some text), turned into the
 * fields of a capture form.
 */
import type { ContactForm } from './contact';
import { prefillFromScan, type ScannedCard } from './scanned-card';
import { cutText } from './text-length';

export interface SharedData {
	title?: string | null;
	text?: string | null;
	url?: string | null;
	/** Set when the details come from a QR code scanned in Kith rather than from another app. */
	card?: ScannedCard | null;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+/i;
// Page titles that sites append to a person's name when their profile is shared.
const TITLE_SUFFIX = /\s*[|\-–—·]\s*(LinkedIn|Facebook|Twitter|X|Instagram|GitHub|Mastodon)\s*$/i;
const LINKEDIN_PREFIX = /^\(\d+\)\s*/;

/**
 * Fills a capture form from what another app shared (a profile link, a page title, some text),
 * touching only the fields that are still empty so nothing already typed is overwritten.
 */
export function prefillFromShare(form: ContactForm, shared: SharedData): ContactForm {
	const title = (shared.title ?? '').trim();
	let text = (shared.text ?? '').trim();
	let url = (shared.url ?? '').trim();
	if (!url) {
		const found = text.match(URL_IN_TEXT);
		if (found) {
			url = found[0];
			text = text.replace(found[0], '').trim();
		}
	} else if (text === url) {
		text = '';
	}

	const next: ContactForm = {
		...form,
		emails: [...form.emails],
		phones: [...form.phones],
		links: [...form.links]
	};
	const name = title.replace(LINKEDIN_PREFIX, '').replace(TITLE_SUFFIX, '').trim();
	if (name && !next.name.trim()) next.name = cutText(name, 200);
	if (url && /^https?:\/\//i.test(url) && !next.links.includes(url)) {
		const empty = next.links.findIndex((l) => !l.trim());
		if (empty >= 0) next.links[empty] = url;
		else next.links.push(url);
	}
	if (text) next.notes = next.notes.trim() ? `${next.notes}\n${text}` : text;
	return shared.card ? prefillFromScan(next, shared.card) : next;
}

export function hasSharedData(shared: SharedData): boolean {
	return Boolean(shared.title?.trim() || shared.text?.trim() || shared.url?.trim() || shared.card);
}
