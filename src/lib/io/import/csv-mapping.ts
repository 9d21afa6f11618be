/**
 * Any CSV read through a column mapping: `guessMapping` proposes what each column holds from its
 * header, the person may change it, and `applyMapping` reads the rows as the mapping says.
 */
import { restoreCell } from '../csv-cells';
import { readGroups } from '../google-groups';
import {
	addDraft,
	byLine,
	EMAIL_SPLIT,
	GOOGLE_SPLIT,
	LINK_SPLIT,
	PHONE_SPLIT,
	split,
	type Candidate,
	type CsvDrafts
} from './csv-drafts';
import { CsvError, headerKey, type CsvRow } from './csv-read';

/** What a column of a generic CSV can hold. */
export type CsvField =
	| 'name'
	| 'firstName'
	| 'lastName'
	| 'email'
	| 'phone'
	| 'organization'
	| 'role'
	| 'field'
	| 'circle'
	| 'metAt'
	| 'metOn'
	| 'nextFollowUpOn'
	| 'url'
	| 'tags'
	| 'notes';

/** One entry per column, in column order; `null` leaves the column out. */
export type CsvMapping = (CsvField | null)[];

export const NAME_FIELDS: ReadonlySet<CsvField | null> = new Set(['name', 'firstName', 'lastName']);

// A weaker rule only claims a field that no column claims with a stronger one: Outlook writes both
// "Title" (Mr, Dr) and "Job Title", and only the second is a role.
const RULES: [CsvField, RegExp, number][] = [
	['firstName', /^(first|given|fore)(name)?$/, 0],
	['lastName', /^(last|family|sur)(name)?$/, 0],
	['name', /^(full|display|contact|person)?names?$|^(contact|person)$/, 0],
	[
		'email',
		/^(work|home|personal|private|primary|other|business)?(e?mails?|emailaddress(es)?)\d*(value|address)?$/,
		0
	],
	[
		'phone',
		/^(work|home|personal|private|primary|other|business|mobile)?(phones?|phonenumbers?|mobile|cell|cellphone|tel|telephone)\d*(value|number)?$/,
		0
	],
	['organization', /^(organi[sz]ation|company|employer|org|workplace|institution)\d*(name)?$/, 0],
	['role', /^(role|jobtitle|position|job|occupation|organi[sz]ation\d*title)$/, 0],
	['role', /^title$/, 1],
	[
		'url',
		/^(urls?|links?|websites?|web|webpage|homepage|site|linkedin(url|profile)?|profile(url|link)?)\d*(value|address)?$/,
		0
	],
	['tags', /^(tags?|labels?|groups?|groupmembership|categor(y|ies)|keywords?)$/, 0],
	['notes', /^(notes?|comments?|description|remarks?|memo)$/, 0],
	['field', /^(field|fieldofinterest|interests?|industry|sector)$/, 0],
	['circle', /^circles?$/, 0],
	['metAt', /^(metat|wheremet|wherewemet|howwemet|howmet|context)$/, 0],
	['metOn', /^(meton|datemet|metdate|whenmet|connectedon|dateconnected)$/, 0],
	['nextFollowUpOn', /^(next)?followup(on|date|by)?$/, 0]
];

/**
 * Common header names in German, French, Spanish, Dutch and Portuguese exports (Outlook, Google,
 * Apple Numbers), in `headerKey` form: no case, accents, spaces or punctuation. Tried after the
 * English rules, with the same ranks. "Titel"/"Titre"/"Título" are left out: they are often Dr or
 * Mme, not a job.
 */
const LOCAL_RULES: [CsvField, RegExp, number][] = [
	[
		'firstName',
		/^(vorname|prenom|nombre|nombredepila|voornaam|roepnaam|nome|primeironome|nomeproprio)$/,
		0
	],
	[
		'lastName',
		/^(nachname|familienname|nom|nomdefamille|apellidos?|primerapellido|achternaam|familienaam|sobrenome|apelidos?|ultimonome)$/,
		0
	],
	[
		'name',
		/^(vollstandigername|vollername|anzeigename|nomcomplet|nomaffiche|nombrecompleto|nombreparamostrar|volledigenaam|weergavenaam|naam|nomecompleto|nomedeexibicao)$/,
		0
	],
	[
		'email',
		/^(e?mail\d*adresse|emailadresse\d*|adressee?mail\d*|adressedemessagerie\d*|courriel\d*|adressecourriel|correo|correoelectronico\d*|direcciondecorreo(electronico)?|emailadres\d*|enderecodee?mail\d*|enderecoe?mail\d*)$/,
		0
	],
	[
		'phone',
		/^(telefon|telefono|telefone|telefoon|telefoonnummer|telephone|handy|handynummer|mobiltelefon|mobilfunk|portable|telephoneportable|telephonemobile|movil|telefonomovil|celular|telefonecelular|mobiel|mobielnummer|mobielenummer|telemovel)(geschaftlich|privat|bureau|domicile|professionnel|personnel|trabajo|casa|particular|comercial|werk|prive|thuis|residencial)?\d*$/,
		0
	],
	[
		'organization',
		/^(firma|unternehmen|societe|entreprise|organisme|empresa|compania|organizacion|organizacao|bedrijf|organisatie)\d*(name|nom|nombre|naam|nome)?$/,
		0
	],
	[
		'role',
		/^(position|berufsbezeichnung|beruf|funktion|stelle|poste|fonction|intituledeposte|profession|cargo|puesto|puestodetrabajo|ocupacion|functie|functietitel|beroep|funcao|profissao)$/,
		0
	],
	[
		'url',
		/^(webseite|webseiten|internetseite|homepage|siteweb|siteinternet|pageweb|sitioweb|paginaweb|webpagina|webadres|sitio|pagina|site)\d*$/,
		0
	],
	[
		'tags',
		/^(kategorien?|gruppen?|etiketten|categories|categorie|groupes?|etiquettes?|categorias?|etiquetas?|grupos?|categorieen|groepen?|marcadores)$/,
		0
	],
	[
		'notes',
		/^(notizen?|bemerkungen?|anmerkungen?|kommentare?|remarques?|commentaires?|notas?|comentarios?|observaciones|opmerkingen?|notities?|observacoes)$/,
		0
	]
];

/** Fields that take every column mapped to them; the others take one column each. */
const MULTI_FIELDS: ReadonlySet<CsvField> = new Set(['email', 'phone', 'url', 'tags']);

/**
 * Proposes what each column holds, from its header. Each single-valued field goes to one column
 * only (the first, among those with the strongest claim); emails, phones, links and tags may come
 * from several.
 */
export function guessMapping(headers: readonly string[]): CsvMapping {
	const guesses = headers.map((header) => {
		const key = headerKey(header);
		const rule = [...RULES, ...LOCAL_RULES].find(([, pattern]) => pattern.test(key));
		return rule ? { field: rule[0], rank: rule[2] } : null;
	});
	const owner = new Map<CsvField, number>();
	guesses.forEach((guess, index) => {
		if (!guess || MULTI_FIELDS.has(guess.field)) return;
		const current = owner.get(guess.field);
		if (current === undefined || guess.rank < (guesses[current]?.rank ?? Infinity)) {
			owner.set(guess.field, index);
		}
	});
	return guesses.map((guess, index) => {
		if (!guess) return null;
		return MULTI_FIELDS.has(guess.field) || owner.get(guess.field) === index ? guess.field : null;
	});
}

function splitTags(value: string): string[] {
	// Kith and Google separate tags with " ::: "; a hand-made sheet usually uses commas.
	// Only ":::" here: a tag Kith wrote may hold "::" itself.
	return value.includes(':::') ? split(value, GOOGLE_SPLIT) : split(value, /\s*[,;\n]\s*/);
}

/**
 * Drafts from rows of any CSV, with each column read as `mapping` says. Throws a `CsvError` when
 * no column holds a name, since a contact cannot be kept without one.
 */
export function applyMapping(rows: readonly CsvRow[], mapping: CsvMapping): CsvDrafts {
	if (!mapping.some((f) => NAME_FIELDS.has(f))) {
		throw new CsvError(
			'no-name-column',
			'None of the columns holds names. Choose the column with the names (or the first and last names): every contact needs a name.'
		);
	}
	const out: CsvDrafts = { drafts: [], problems: [] };
	for (const row of rows) {
		const values = new Map<CsvField, string[]>();
		mapping.forEach((field, index) => {
			// A file Kith wrote has a quote in front of any cell that looked like a formula.
			const value = field ? restoreCell(row.cells[index] ?? '').trim() : '';
			if (field && value) values.set(field, [...(values.get(field) ?? []), value]);
		});
		const joined = (field: CsvField, separator: string) => values.get(field)?.join(separator);
		const candidate: Candidate = {
			name:
				joined('name', ' ') ??
				[joined('firstName', ' '), joined('lastName', ' ')].filter(Boolean).join(' '),
			circle: values.get('circle')?.[0],
			metAt: joined('metAt', '; '),
			metOn: values.get('metOn')?.[0],
			organization: joined('organization', '; '),
			role: joined('role', '; '),
			field: joined('field', '; '),
			notes: joined('notes', '\n\n'),
			nextFollowUpOn: values.get('nextFollowUpOn')?.[0],
			emails: (values.get('email') ?? []).flatMap((v) => split(v, EMAIL_SPLIT)),
			phones: (values.get('phone') ?? []).flatMap((v) => split(v, PHONE_SPLIT)),
			links: (values.get('url') ?? []).flatMap((v) => split(v, LINK_SPLIT)),
			// A Google export read through a mapping still leaves out Google's own (marked) groups;
			// an unmarked "starred" may be a person's own tag in Kith's own export.
			...readGroups((values.get('tags') ?? []).flatMap(splitTags), true)
		};
		addDraft(candidate, row.line, out);
	}
	return { drafts: out.drafts, problems: out.problems.sort(byLine) };
}
