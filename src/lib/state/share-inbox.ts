/**
 * What another app shared into Kith (the share sheet opens /capture with title, text and url).
 * A share goes straight into the capture form only when that cannot mix two people up; otherwise
 * it is kept aside until the user says where it belongs.
 */
import { emptyContactForm, type ContactForm } from '$lib/domain/contact-form';
import {
	parseScannedCard,
	scannedCardFromParams,
	type ScannedCard
} from '$lib/domain/scanned-card';
import { prefillFromShare, type SharedData } from '$lib/domain/share';

// Capture loads this module only when something was shared: what it needs of domain/share too.
export { hasSharedData, prefillFromShare } from '$lib/domain/share';

export interface SharedItem {
	title: string;
	text: string;
	url: string;
	/** A card scanned from a QR code in Kith (see the scan screen). */
	card?: ScannedCard;
}

export function toSharedItem(shared: SharedData): SharedItem {
	const item: SharedItem = {
		title: (shared.title ?? '').trim(),
		text: (shared.text ?? '').trim(),
		url: (shared.url ?? '').trim()
	};
	if (shared.card) item.card = shared.card;
	return item;
}

/** What an address into /capture brings: a share from another app, or a scanned card. */
export function sharedFromParams(params: URLSearchParams): SharedData {
	return {
		title: params.get('title'),
		text: params.get('text'),
		url: params.get('url'),
		card: scannedCardFromParams(params)
	};
}

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * True when the share can fill the form without asking: the form holds nothing unsaved, or the
 * share names the very person the form is about.
 */
export function shareFitsForm(item: SharedItem, form: ContactForm, dirty: boolean): boolean {
	if (!dirty) return true;
	const name = prefillFromShare(emptyContactForm(), item).name;
	return name !== '' && key(name) === key(form.name);
}

/** The share as the form would take it (name, work, ways to reach, note), for showing it. */
export function describeShare(item: SharedItem): string[] {
	const f = prefillFromShare(emptyContactForm(), item);
	const note = f.notes.length > 140 ? `${f.notes.slice(0, 139)}…` : f.notes;
	const work = [f.role, f.organization].filter(Boolean).join(', ');
	return [f.name, work, ...f.emails, ...f.phones, ...f.links, note].filter((p) => p.trim() !== '');
}

/** Reads the stored list of shares kept aside; anything malformed is skipped. */
export function parseSharesKeptAside(raw: unknown): { items: SharedItem[] } | undefined {
	const items = (raw as { items?: unknown } | undefined)?.items;
	if (!Array.isArray(items)) return undefined;
	const ok = items.filter(
		(i): i is SharedItem =>
			!!i &&
			typeof i === 'object' &&
			['title', 'text', 'url'].every((k) => typeof (i as Record<string, unknown>)[k] === 'string')
	);
	return {
		items: ok.map((i) => toSharedItem({ ...i, card: parseScannedCard(i.card) }))
	};
}
