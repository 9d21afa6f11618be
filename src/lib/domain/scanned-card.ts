/**
 * A scanned QR code's person on its way to the capture form: carried in the address, read back
 * safely, and laid over the form's empty fields.
 */
import type { ContactForm } from './contact';

/**
 * What a scanned QR code said about a person, already read from its vCard, MECARD or link.
 * It travels from the scan screen to the capture form in the address (`/capture?from=scan&…`),
 * the same road a share from another app takes, so the form decides in one place whether it
 * fills in at once or is kept aside next to someone else's unsaved capture.
 */
export interface ScannedCard {
	name: string;
	organization: string;
	role: string;
	emails: string[];
	phones: string[];
	links: string[];
	notes: string;
}

const LISTS = { email: 'emails', phone: 'phones', link: 'links' } as const;
const TEXTS = { name: 'name', org: 'organization', role: 'role', note: 'notes' } as const;

/** The address query that carries a scanned card to /capture. */
export function scannedCardToParams(card: ScannedCard): URLSearchParams {
	const params = new URLSearchParams({ from: 'scan' });
	for (const [key, field] of Object.entries(TEXTS)) {
		if (card[field].trim()) params.set(key, card[field]);
	}
	for (const [key, field] of Object.entries(LISTS)) {
		for (const value of card[field]) if (value.trim()) params.append(key, value);
	}
	return params;
}

/** The scanned card in an address, or undefined when the address holds none. */
export function scannedCardFromParams(params: URLSearchParams): ScannedCard | undefined {
	if (params.get('from') !== 'scan') return undefined;
	const text = (key: string) => (params.get(key) ?? '').trim();
	const list = (key: string) =>
		params
			.getAll(key)
			.map((v) => v.trim())
			.filter(Boolean);
	const card: ScannedCard = {
		name: text('name'),
		organization: text('org'),
		role: text('role'),
		emails: list('email'),
		phones: list('phone'),
		// Anyone can type an address: only web links go into the form.
		links: list('link').filter((l) => /^https?:\/\//i.test(l)),
		notes: text('note')
	};
	return isEmptyCard(card) ? undefined : card;
}

function isEmptyCard(card: ScannedCard): boolean {
	return ![card.name, card.organization, card.role, card.notes, ...card.emails, ...card.phones]
		.concat(card.links)
		.some((v) => v.trim());
}

/** A scanned card stored (kept aside) and read back; anything malformed gives undefined. */
export function parseScannedCard(raw: unknown): ScannedCard | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const r = raw as Record<string, unknown>;
	const texts = ['name', 'organization', 'role', 'notes'];
	const lists = ['emails', 'phones', 'links'];
	if (!texts.every((k) => typeof r[k] === 'string')) return undefined;
	if (
		!lists.every(
			(k) => Array.isArray(r[k]) && (r[k] as unknown[]).every((v) => typeof v === 'string')
		)
	)
		return undefined;
	const card = Object.fromEntries(
		[...texts, ...lists].map((k) => [k, r[k]])
	) as unknown as ScannedCard;
	return isEmptyCard(card) ? undefined : card;
}

/** Adds values to a form list, filling its blank slots first and skipping ones already there. */
function merge(
	list: string[],
	values: string[],
	same: (a: string, b: string) => boolean
): string[] {
	const out = [...list];
	for (const value of values) {
		if (out.some((v) => same(v.trim(), value))) continue;
		const blank = out.findIndex((v) => !v.trim());
		if (blank >= 0) out[blank] = value;
		else out.push(value);
	}
	return out;
}

const caseless = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const digits = (a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, '');
const exact = (a: string, b: string) => a === b;

/**
 * Fills a capture form from a scanned card. Like a share, it only fills what is still empty and
 * adds to lists, so nothing the user typed is overwritten.
 */
export function prefillFromScan(form: ContactForm, card: ScannedCard): ContactForm {
	const fill = (mine: string, theirs: string) => (mine.trim() ? mine : theirs.trim());
	const note = card.notes.trim();
	return {
		...form,
		name: fill(form.name, card.name),
		organization: fill(form.organization, card.organization),
		role: fill(form.role, card.role),
		emails: merge(form.emails, card.emails, caseless),
		phones: merge(form.phones, card.phones, digits),
		links: merge(form.links, card.links, exact),
		notes:
			!note || form.notes.includes(note)
				? form.notes
				: form.notes.trim()
					? `${form.notes}\n${note}`
					: note
	};
}
