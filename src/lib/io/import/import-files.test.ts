// @vitest-environment node
// The files people really have (issue 14, point 6), each made byte by byte here.
import { describe, expect, it } from 'vitest';
import { joinSplitCharacters, readVCardBytes } from '../vcard/vcard-decode';
import { parseVCards } from '../vcard/vcard-read';
import { guessMapping } from './csv-mapping';
import { sniffCsv } from './csv-sniff';
import { mapRows, parseImport, type ParseOutcome } from './import-parse';
import { resolveImport, planImport } from './import-plan';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};
/** Windows-1252 bytes of Latin-1 text (every character used here is below U+0100). */
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * A card whose long line is folded every 75 octets, as RFC 6350 says, wherever the 75th octet
 * falls: inside "é" or "ö" when it comes to that.
 */
function foldedOnOctets(lines: string[]): Uint8Array {
	const parts: Uint8Array[] = [];
	for (const line of lines) {
		const bytes = utf8(line);
		for (let at = 0; at < bytes.length; at += at === 0 ? 75 : 74) {
			if (at > 0) parts.push(utf8('\r\n '));
			parts.push(bytes.subarray(at, at === 0 ? 75 : at + 74));
		}
		parts.push(utf8('\r\n'));
	}
	return concat(...parts);
}

function draftsOf(outcome: ParseOutcome) {
	if (!('drafts' in outcome)) throw new Error(`expected drafts, got ${outcome.kind}`);
	return outcome.drafts;
}

describe('vCard folds that cut a UTF-8 character', () => {
	const name = 'Élodie Zoë Ångström-Åkesson';
	// 74 ASCII octets then "é": the fold falls between its two bytes, and later ones inside
	// three- and four-octet characters.
	const note = `${'x'.repeat(69)}${'é'.repeat(40)}${' €'.repeat(30)}${'😀'.repeat(20)} Müller`;
	const card = foldedOnOctets([
		'BEGIN:VCARD',
		'VERSION:4.0',
		`FN:${'A'.repeat(71)}${name}`,
		`NOTE:${note}`,
		'END:VCARD'
	]);

	it('the fixture really splits characters', () => {
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(card)).toThrow();
	});

	it('is read as UTF-8, with every accented letter whole', () => {
		const { text, note: said } = readVCardBytes(card);
		expect(said).toBeUndefined();
		const [read] = parseVCards(text).cards;
		expect(read?.name).toBe(`${'A'.repeat(71)}${name}`);
		expect(read?.notes).toBe(note);
	});

	it('goes through the import with no encoding to ask about', () => {
		const { outcome } = parseImport(card, 'zoe.vcf');
		expect(draftsOf(outcome)[0]?.name).toBe(`${'A'.repeat(71)}${name}`);
		expect('encoding' in outcome && outcome.encoding).toBeFalsy();
	});

	it('joins only where a character is cut, keeping vCard 2.1 white-space folds', () => {
		const bytes = utf8('NOTE:one\r\n two\r\n');
		expect(joinSplitCharacters(bytes)).toBe(bytes);
		const cut = concat(utf8('N:Caf'), Uint8Array.of(0xc3), utf8('\r\n '), Uint8Array.of(0xa9));
		expect(new TextDecoder().decode(joinSplitCharacters(cut))).toBe('N:Café');
		// Windows-1252 "é" at a line end and "©" after a fold is not a UTF-8 character.
		const cp = concat(latin1('N:Caf\u00e9'), utf8('\r\n '), latin1('\u00a9'));
		expect(joinSplitCharacters(cp)).toBe(cp);
	});
});

describe('a file whose text encoding Kith must guess', () => {
	const csv = latin1('Name;Email;Company\r\nJosé Núñez;jose@example.org;Café Müller\r\n');

	it('is read as Windows-1252, and says so', () => {
		const { outcome } = parseImport(csv, 'people.csv');
		expect(outcome.kind).toBe('mapping');
		if (outcome.kind !== 'mapping') return;
		expect(outcome.encoding).toEqual({ used: 'windows-1252', chosen: false });
		expect(outcome.sample[0]?.cells[0]).toBe('José Núñez');
	});

	it('is read again in the encoding the person chooses', () => {
		const { outcome } = parseImport(csv, 'people.csv', undefined, 'macintosh');
		if (outcome.kind !== 'mapping') throw new Error(outcome.kind);
		expect(outcome.encoding).toEqual({ used: 'macintosh', chosen: true });
		expect(outcome.sample[0]?.cells[0]).not.toBe('José Núñez');
	});

	it('a vCard too', () => {
		const card = latin1('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström\r\nEND:VCARD\r\n');
		const { outcome } = parseImport(card, 'zoe.vcf');
		expect(draftsOf(outcome)[0]?.name).toBe('Zoë Ångström');
		expect('encoding' in outcome && outcome.encoding).toEqual({
			used: 'windows-1252',
			chosen: false
		});
	});

	it('says nothing about a UTF-8 file or one with a byte order mark', () => {
		const plain = parseImport(utf8('Name,Email\nJosé,jose@example.org\n'), 'a.csv').outcome;
		expect('encoding' in plain && plain.encoding).toBeFalsy();
		const bom = concat(Uint8Array.of(0xef, 0xbb, 0xbf), latin1('Name,Email\nJos\u00e9,j@x.org\n'));
		expect(sniffCsv(bom).encoding).toBeUndefined();
	});
});

describe('CSV headers not in English', () => {
	const cases: [string, string, string[]][] = [
		[
			'German Outlook',
			'Anrede;Vorname;Weitere Vornamen;Nachname;Firma;Position;E-Mail-Adresse;E-Mail 2: Adresse;Mobiltelefon;Telefon geschäftlich;Notizen;Kategorien;Webseite',
			[
				'',
				'firstName',
				'',
				'lastName',
				'organization',
				'role',
				'email',
				'email',
				'phone',
				'phone',
				'notes',
				'tags',
				'url'
			]
		],
		[
			'French',
			'Prénom;Nom;Adresse de messagerie;Société;Fonction;Téléphone mobile;Remarques',
			['firstName', 'lastName', 'email', 'organization', 'role', 'phone', 'notes']
		],
		[
			'Spanish',
			'Nombre;Apellidos;Correo electrónico;Organización;Cargo;Teléfono móvil;Notas',
			['firstName', 'lastName', 'email', 'organization', 'role', 'phone', 'notes']
		],
		[
			'Dutch',
			'Voornaam;Achternaam;E-mailadres;Bedrijf;Functie;Mobiel;Opmerkingen',
			['firstName', 'lastName', 'email', 'organization', 'role', 'phone', 'notes']
		],
		[
			'Portuguese',
			'Nome;Sobrenome;E-mail;Empresa;Cargo;Celular;Observações',
			['firstName', 'lastName', 'email', 'organization', 'role', 'phone', 'notes']
		]
	];

	for (const [label, header, fields] of cases) {
		it(`${label}: goes to the mapping step with first and last name guessed`, () => {
			expect(guessMapping(header.split(';')).map((f) => f ?? '')).toEqual(fields);
			const row = header
				.split(';')
				.map((_, i) =>
					fields[i] === 'firstName'
						? 'Léa'
						: fields[i] === 'lastName'
							? 'Dupré'
							: fields[i] === 'email'
								? 'lea@example.org'
								: ''
				)
				.join(';');
			const { outcome, csv } = parseImport(utf8(`${header}\r\n${row}\r\n`), 'kontakte.csv');
			expect(outcome.kind).toBe('mapping');
			if (outcome.kind !== 'mapping' || !csv) return;
			const [draft] = draftsOf(mapRows(csv, outcome.mapping));
			expect(draft).toMatchObject({ name: 'Léa Dupré', emails: ['lea@example.org'] });
		});
	}
});

describe("Google's own groups", () => {
	const header = 'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value\n';

	it('are not tags, with or without the "* ", in ::: or :: lists', () => {
		const csv = [
			header,
			'Ada Lovelace,Ada,Lovelace,* myContacts ::: * starred ::: Friends,* Work,ada@example.org\n',
			'Grace Hopper,Grace,Hopper,myContacts :: starred :: Navy,,\n',
			'Sam Lee,Sam,Lee,* myContacts,,\n'
		].join('');
		const { outcome } = parseImport(utf8(csv), 'contacts.csv');
		expect(outcome.kind).toBe('google');
		const [ada, grace, sam] = draftsOf(outcome);
		expect(ada).toMatchObject({ tags: ['Friends'], starred: true });
		expect(grace).toMatchObject({ tags: ['Navy'], starred: true });
		expect(sam?.tags).toEqual([]);
		expect(sam?.starred).toBeUndefined();
	});

	it('nor in a vCard from Google', () => {
		const card = utf8(
			'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nCATEGORIES:myContacts,starred,Friends\r\nEND:VCARD\r\n'
		);
		const [ada] = draftsOf(parseImport(card, 'contacts.vcf').outcome);
		expect(ada).toMatchObject({ tags: ['Friends'], starred: true });
	});

	it('starred becomes a "favourite" tag only when asked', () => {
		const drafts = draftsOf(
			parseImport(
				utf8(`${header}Ada Lovelace,Ada,Lovelace,* starred,,\nSam Lee,Sam,Lee,,,\n`),
				'contacts.csv'
			).outcome
		);
		const plan = planImport(drafts, []);
		const ids = {
			now: 1,
			newId: (() => {
				let n = 0;
				return () => `id${n++}`;
			})()
		};
		const off = resolveImport(
			plan,
			{ choices: new Map(), all: 'merge', prefer: 'existing' },
			new Map(),
			ids
		);
		expect(off.add.map((c) => c.tags)).toEqual([[], []]);
		expect(off.add[0]).not.toHaveProperty('starred');
		const on = resolveImport(
			plan,
			{ choices: new Map(), all: 'merge', prefer: 'existing', favourite: true },
			new Map(),
			ids
		);
		expect(on.add.map((c) => c.tags)).toEqual([['favourite'], []]);
	});
});

describe('JSON files', () => {
	const errorOf = (outcome: ParseOutcome) => (outcome.kind === 'error' ? outcome.message : '');

	it('one that is not a Kith backup is called what it is', () => {
		const message = errorOf(parseImport(utf8('[{"name":"Ada"}]'), 'contacts.json').outcome);
		expect(message).toMatch(/JSON file, but not a Kith backup/);
		expect(message).toMatch(/\.vcf/);
		expect(message).toMatch(/CSV/);
		expect(message).not.toMatch(/looks like a Kith backup/);
	});

	it('one with Kith’s envelope is a backup, even unnamed or locked', () => {
		const plain = '{"appVersion":"1","exportedAt":1,"format":"kith-backup","schemaVersion":3}';
		expect(errorOf(parseImport(utf8(plain), 'kith.json').outcome)).toMatch(/Restore a backup/);
		expect(errorOf(parseImport(utf8(plain), 'export.txt').outcome)).toMatch(/Restore a backup/);
		const locked = '{"format":"kith-backup-encrypted","v":1}';
		expect(errorOf(parseImport(utf8(locked), 'k.json').outcome)).toMatch(/Restore a backup/);
	});

	it('JSON under another name is still not called a backup', () => {
		const message = errorOf(parseImport(utf8('{"contacts":[]}'), 'export.csv').outcome);
		expect(message).toMatch(/JSON file, but not a Kith backup/);
	});
});

describe("Kith's own spreadsheet keeps every tag", () => {
	it('keeps a lone "*" and an unmarked "starred" tag, and drops only marked Google groups', async () => {
		const { contactsToCsv } = await import('../csv-export');
		const { importCsv } = await import('./csv-import');
		const { makeContact } = await import('$lib/domain/testing/factories');
		const own = makeContact({ name: 'Ada', tags: ['*', 'starred', 'mentors'] });
		const back = importCsv(contactsToCsv([own]));
		expect(back.drafts[0]?.tags).toEqual(['*', 'starred', 'mentors']);
		const google = importCsv('Name,Tags\nBo,* myContacts ::: * starred ::: Friends\n');
		expect(google.drafts[0]?.tags).toEqual(['Friends']);
	});
});
