/**
 * What a scanned QR code holds, turned into a card for the capture form: a vCard (2.1, 3.0, 4.0,
 * read by the vCard importer), a MECARD (the short form many phones and badge printers write) or
 * a web link such as a LinkedIn profile. Anything else comes back with a message for the user.
 */
import { normalizeLink } from '$lib/domain/contact';
import type { ScannedCard } from '$lib/domain/scanned-card';
import { emailSchema, isHttpUrl, phoneSchema } from '$lib/domain/text';
import { parseVCards } from './vcard/vcard-read';

export type QrPayload =
	| {
			ok: true;
			kind: 'vcard' | 'mecard' | 'url';
			card: ScannedCard;
			/** The name was made up from a profile link, so the user should check it. */
			nameGuessed: boolean;
	  }
	| { ok: false; message: string };

const blankCard = (): ScannedCard => ({
	name: '',
	organization: '',
	role: '',
	emails: [],
	phones: [],
	links: [],
	notes: ''
});

export function readQrPayload(raw: string): QrPayload {
	const text = raw.replace(/^\uFEFF/, '').trim();
	if (!text) return { ok: false, message: 'This QR code is empty. Try another one.' };
	if (/^BEGIN:VCARD\b/i.test(text)) return fromVCard(text);
	if (/^MECARD:/i.test(text)) return fromMecard(text);
	if (/^https?:\/\/\S+$/i.test(text) && text.length <= 2000 && isHttpUrl(text)) {
		const name = nameFromProfileLink(text) ?? '';
		return {
			ok: true,
			kind: 'url',
			card: { ...blankCard(), name, links: [text] },
			nameGuessed: name !== ''
		};
	}
	return {
		ok: false,
		message: `This QR code holds something other than a contact card or a web link, so Kith cannot make a contact from it. It reads: “${preview(text)}”`
	};
}

function preview(text: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
	const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
	return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

function fromVCard(text: string): QrPayload {
	const { cards, errors } = parseVCards(text);
	const card = cards[0];
	if (!card) {
		const reason = errors[0]?.reason ?? 'It could not be read.';
		return {
			ok: false,
			message: `This QR code holds a contact card that Kith could not read. ${reason}`
		};
	}
	return {
		ok: true,
		kind: 'vcard',
		card: {
			name: card.name,
			organization: card.organization ?? '',
			role: card.role ?? '',
			emails: card.emails,
			phones: card.phones,
			links: card.links,
			notes: card.notes ?? ''
		},
		nameGuessed: false
	};
}

// ---------------------------------------------------------------------------------------------
// MECARD: `MECARD:N:Doe,Jane;TEL:+15550100;EMAIL:jane@example.org;;` with `\` escaping `;:,\`.

export interface Mecard {
	name: string;
	nickname: string;
	organization: string;
	role: string;
	emails: string[];
	phones: string[];
	links: string[];
	notes: string[];
	address: string;
	birthday: string;
}

/** Splits on a separator that is not escaped with a backslash; escapes are kept for later. */
function splitUnescaped(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && i + 1 < text.length) {
			current += c + text[i + 1];
			i++;
		} else if (c === separator) {
			parts.push(current);
			current = '';
		} else {
			current += c;
		}
	}
	parts.push(current);
	return parts;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1').trim();

/** Reads a MECARD, or undefined when the text is not one. Unknown fields are skipped. */
export function parseMecard(text: string): Mecard | undefined {
	const match = /^MECARD:([\s\S]*)$/i.exec(text.trim());
	if (!match) return undefined;
	const card: Mecard = {
		name: '',
		nickname: '',
		organization: '',
		role: '',
		emails: [],
		phones: [],
		links: [],
		notes: [],
		address: '',
		birthday: ''
	};
	for (const field of splitUnescaped(match[1] ?? '', ';')) {
		const colon = field.indexOf(':');
		if (colon <= 0) continue;
		const key = field.slice(0, colon).trim().toUpperCase();
		const value = field.slice(colon + 1);
		const plain = unescape(value);
		if (!plain) continue;
		switch (key) {
			case 'N': {
				// "Family,Given" in the spec; many writers put the whole name in one part.
				const [family = '', given = ''] = splitUnescaped(value, ',').map(unescape);
				if (!card.name) card.name = [given, family].filter(Boolean).join(' ');
				break;
			}
			case 'NICKNAME':
				card.nickname ||= plain;
				break;
			case 'ORG':
				card.organization ||= plain;
				break;
			case 'TITLE':
				card.role ||= plain;
				break;
			case 'EMAIL':
				card.emails.push(plain);
				break;
			case 'TEL':
			case 'TEL-AV':
				card.phones.push(plain);
				break;
			case 'URL':
				card.links.push(plain);
				break;
			case 'NOTE':
				card.notes.push(plain);
				break;
			case 'ADR':
				card.address ||= splitUnescaped(value, ',').map(unescape).filter(Boolean).join(', ');
				break;
			case 'BDAY':
				card.birthday ||= plain.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
				break;
		}
	}
	return card;
}

function fromMecard(text: string): QrPayload {
	const me = parseMecard(text);
	const card = blankCard();
	const notes: string[] = [];
	if (me) {
		card.name = (me.name || me.nickname).replace(/\s+/g, ' ').slice(0, 200);
		card.organization = me.organization.slice(0, 500);
		card.role = me.role.slice(0, 500);
		// What does not fit a field is kept as a note rather than lost.
		for (const email of me.emails) {
			if (emailSchema.safeParse(email).success) card.emails.push(email);
			else notes.push(`Email: ${email}`);
		}
		for (const phone of me.phones) {
			if (phoneSchema.safeParse(phone).success) card.phones.push(phone);
			else notes.push(`Phone: ${phone}`);
		}
		for (const raw of me.links) {
			const link = normalizeLink(raw);
			if (isHttpUrl(link) && link.length <= 2000) card.links.push(link);
			else notes.push(`Link: ${raw}`);
		}
		if (me.address) notes.push(`Address: ${me.address}`);
		if (me.birthday) notes.push(`Birthday: ${me.birthday}`);
		if (me.nickname && me.name) notes.push(`Nickname: ${me.nickname}`);
		notes.push(...me.notes);
		card.notes = notes.join('\n');
	}
	const useful = [card.name, card.organization, card.role, card.notes]
		.concat(card.emails, card.phones, card.links)
		.some(Boolean);
	if (!useful) {
		return {
			ok: false,
			message: 'This QR code holds a contact card with nothing in it that Kith can use.'
		};
	}
	return { ok: true, kind: 'mecard', card, nameGuessed: false };
}

// ---------------------------------------------------------------------------------------------
// Profile links

/**
 * A likely name from a LinkedIn profile address (`linkedin.com/in/priya-raman-4b21a9`), or
 * undefined when the address does not spell one out. It is only a guess for the user to check.
 */
export function nameFromProfileLink(link: string): string | undefined {
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return undefined;
	}
	if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return undefined;
	const slug = /^\/in\/([^/]+)/i.exec(url.pathname)?.[1];
	if (!slug) return undefined;
	let decoded: string;
	try {
		decoded = decodeURIComponent(slug);
	} catch {
		return undefined;
	}
	const parts = decoded.split(/[-_]+/).filter(Boolean);
	// LinkedIn adds a number or a hex code to names that were taken.
	while (parts.length > 1 && /\d/.test(parts.at(-1) ?? '')) parts.pop();
	if (parts.length === 0 || !parts.every((p) => /^[\p{L}\p{M}']+$/u.test(p))) return undefined;
	return parts.map((p) => p.charAt(0).toLocaleUpperCase() + p.slice(1)).join(' ');
}
