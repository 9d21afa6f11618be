import { describe, expect, it } from 'vitest';
import { myCardToVCard } from './vcard/vcard-write';
import { nameFromProfileLink, parseMecard, readQrPayload } from './qr-payload';

function card(text: string) {
	const result = readQrPayload(text);
	if (!result.ok) throw new Error(`expected a card, got: ${result.message}`);
	return result;
}

function problem(text: string): string {
	const result = readQrPayload(text);
	if (result.ok) throw new Error('expected a problem');
	return result.message;
}

describe('readQrPayload: vCards', () => {
	it('reads a vCard 3.0 as Kith writes it for a QR code', () => {
		const text = myCardToVCard({
			name: 'Ama Mensah',
			headline: 'Archives student',
			email: 'ama@example.org',
			phone: '+1 555 0100',
			links: ['https://linkedin.com/in/ama-mensah']
		});
		const read = card(text);
		expect(read.kind).toBe('vcard');
		expect(read.nameGuessed).toBe(false);
		expect(read.card).toMatchObject({
			name: 'Ama Mensah',
			emails: ['ama@example.org'],
			phones: ['+1 555 0100'],
			links: ['https://linkedin.com/in/ama-mensah']
		});
	});

	it('reads a vCard 4.0 with organisation, title, note and LF line ends', () => {
		const read = card(
			[
				'BEGIN:VCARD',
				'VERSION:4.0',
				'FN:José Álvarez',
				'ORG:Riverside Library;Archives',
				'TITLE:Records manager',
				'EMAIL;TYPE=work:jose@example.org',
				'TEL;VALUE=uri:tel:+1-555-0199',
				'URL:https://example.org/jose',
				'NOTE:Met at the career fair\\, table 4',
				'END:VCARD'
			].join('\n')
		);
		expect(read.card).toEqual({
			name: 'José Álvarez',
			organization: 'Riverside Library',
			role: 'Records manager',
			emails: ['jose@example.org'],
			phones: ['+1-555-0199'],
			links: ['https://example.org/jose'],
			notes: 'Met at the career fair, table 4'
		});
	});

	it('reads a vCard 2.1 with quoted-printable text', () => {
		const read = card(
			[
				'BEGIN:VCARD',
				'VERSION:2.1',
				'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;J=C3=BCrgen',
				'TEL;CELL:+49 30 1234567',
				'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gr=C3=BC=C3=9Fe',
				'END:VCARD'
			].join('\r\n')
		);
		expect(read.card.name).toBe('Jürgen Müller');
		expect(read.card.phones).toEqual(['+49 30 1234567']);
		expect(read.card.notes).toBe('Grüße');
	});

	it('explains a card that cannot be read', () => {
		expect(problem('BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short')).toMatch(
			/could not read.*no END:VCARD/
		);
		expect(problem('BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@example.org\nEND:VCARD')).toMatch(/no name/);
	});
});

describe('readQrPayload: MECARD', () => {
	it('reads the usual fields, with escapes and the family name first', () => {
		const read = card(
			'MECARD:N:Raman,Priya;ORG:Acme\\; Co;TITLE:UX researcher;TEL:+1 555 0101;' +
				'EMAIL:priya@example.org;URL:https://priya.example;NOTE:Likes maps\\: old ones;;'
		);
		expect(read.kind).toBe('mecard');
		expect(read.card).toEqual({
			name: 'Priya Raman',
			organization: 'Acme; Co',
			role: 'UX researcher',
			emails: ['priya@example.org'],
			phones: ['+1 555 0101'],
			links: ['https://priya.example'],
			notes: 'Likes maps: old ones'
		});
	});

	it('keeps what has no field as a note, and fixes a bare web address', () => {
		const read = card(
			'mecard:N:Sam Lee;URL:www.samlee.example;EMAIL:not-an-email;ADR:,,1 Main St,Springfield,,12345,USA;BDAY:19900215;NICKNAME:Sammy;;'
		);
		expect(read.card.name).toBe('Sam Lee');
		expect(read.card.links).toEqual(['https://www.samlee.example']);
		expect(read.card.emails).toEqual([]);
		expect(read.card.notes.split('\n')).toEqual([
			'Email: not-an-email',
			'Address: 1 Main St, Springfield, 12345, USA',
			'Birthday: 1990-02-15',
			'Nickname: Sammy'
		]);
	});

	it('uses the nickname when there is no name, and refuses an empty card', () => {
		expect(card('MECARD:NICKNAME:Jo;TEL:555 0102;;').card.name).toBe('Jo');
		expect(problem('MECARD:;;')).toMatch(/nothing in it/);
		expect(problem('MECARD:SOUND:x;;')).toMatch(/nothing in it/);
	});

	it('parses fields on their own', () => {
		expect(parseMecard('not a mecard')).toBeUndefined();
		expect(parseMecard('MECARD:N:A\\,B;TEL:1;TEL:2;;')).toMatchObject({
			name: 'A,B',
			phones: ['1', '2']
		});
	});
});

describe('readQrPayload: links', () => {
	it('takes a LinkedIn profile as a link with a name to check', () => {
		const read = card('https://www.linkedin.com/in/priya-raman-4b21a9/');
		expect(read.kind).toBe('url');
		expect(read.nameGuessed).toBe(true);
		expect(read.card).toMatchObject({
			name: 'Priya Raman',
			links: ['https://www.linkedin.com/in/priya-raman-4b21a9/']
		});
	});

	it('takes any other web link without a name', () => {
		const read = card('  http://example.org/people/sam?ref=qr  ');
		expect(read.card.name).toBe('');
		expect(read.card.links).toEqual(['http://example.org/people/sam?ref=qr']);
		expect(read.nameGuessed).toBe(false);
	});

	it('guesses names only where the address spells one out', () => {
		expect(nameFromProfileLink('https://linkedin.com/in/jos%C3%A9-garc%C3%ADa')).toBe(
			'José García'
		);
		expect(nameFromProfileLink('https://uk.linkedin.com/in/ama-mensah-123456789')).toBe(
			'Ama Mensah'
		);
		expect(nameFromProfileLink('https://www.linkedin.com/in/jdoe42')).toBeUndefined();
		expect(nameFromProfileLink('https://www.linkedin.com/company/acme')).toBeUndefined();
		expect(nameFromProfileLink('https://notlinkedin.com/in/sam-lee')).toBeUndefined();
		expect(nameFromProfileLink('https://www.linkedin.com/in/%E0%A4%A')).toBeUndefined();
	});
});

describe('readQrPayload: anything else', () => {
	it('says clearly what it found', () => {
		expect(problem('')).toMatch(/empty/);
		expect(problem('   ')).toMatch(/empty/);
		expect(problem('WIFI:T:WPA;S:Cafe;P:secret;;')).toMatch(
			/not a contact card|other than a contact card.*WIFI:T:WPA/
		);
		expect(problem('javascript:alert(1)')).toMatch(/other than a contact card/);
		expect(problem('ftp://example.org/file')).toMatch(/other than a contact card/);
		expect(problem('https://exa mple.org')).toMatch(/other than a contact card/);
		expect(problem('\u0000\u0001binary')).toContain('“binary”');
		expect(problem('x'.repeat(300))).toMatch(/x…”$/);
	});
});
