// Realistic contacts for the search benches (search-entry.js and search-page-entry.js): a fixed
// sequence, so every run and every size sees the same people, and the queries a user would type.
import { queryWords } from '../../src/lib/domain/search';

// prettier-ignore
const FIRST = ['Aisha', 'Alejandro', 'Amara', 'Ana', 'Andrés', 'Anneliese', 'Arjun', 'Astrid', 'Ayumi', 'Beatriz', 'Benjamin', 'Bo', 'Camille', 'Carlos', 'Catalina', 'Chen', 'Chidi', 'Chloé', 'Connor', 'Dalia', 'Daniel', 'Dmitri', 'Elena', 'Elif', 'Emeka', 'Emma', 'Esther', 'Fatima', 'Felix', 'François', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid', 'Isaac', 'Jamal', 'Jana', 'Javier', 'Jin', 'Joaquín', 'José', 'Julia', 'Kai', 'Kalani', 'Karim', 'Kateřina', 'Keanu', 'Kofi', 'Lars', 'Laura', 'Layla', 'Leila', 'Liam', 'Lucía', 'Łukasz', 'Maeve', 'Malik', 'Mariam', 'Marta', 'Mateo', 'Maya', 'Mei', 'Mohammed', 'Nadia', 'Naomi', 'Niamh', 'Nikolai', 'Noah', 'Nora', 'Oluwaseun', 'Omar', 'Paulo', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Saanvi', 'Samuel', 'Sara', 'Siobhan', 'Sofía', 'Søren', 'Tariq', 'Thandiwe', 'Theo', 'Tomás', 'Uma', 'Valentina', 'Wei', 'Yara', 'Yusuf', 'Zainab', 'Zoë', 'Zofia'];
// prettier-ignore
const LAST = ['Abara', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersson', 'Baker', 'Banerjee', 'Becker', 'Bianchi', 'Boateng', 'Brennan', 'Castillo', 'Chandra', 'Chen', 'Cohen', 'Costa', 'Dubois', 'Duarte', 'Eriksen', 'Fernández', 'Fischer', 'Fitzgerald', 'Flores', 'García', 'Gonçalves', 'Gupta', 'Haddad', 'Hansen', 'Hernández', 'Hoffmann', 'Hughes', 'Ibarra', 'Ito', 'Jansen', 'Jiménez', 'Johansson', 'Kamau', 'Kapoor', 'Kaur', 'Kim', 'Kowalski', 'Kuznetsova', 'Larsen', 'Lefebvre', 'Li', 'Lindqvist', 'López', 'Lundgren', 'MacLeod', 'Mahlangu', 'Martínez', 'Mendoza', 'Meyer', 'Moreau', 'Müller', 'Murphy', 'Nakamura', 'Navarro', 'Ng', 'Nguyen', 'Novak', 'Nowak', "O'Brien", 'Okafor', 'Okonkwo', 'Olsen', 'Ortiz', 'Osei', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quintero', 'Ramírez', 'Rao', 'Reyes', 'Rossi', 'Russo', 'Sánchez', 'Santos', 'Sato', 'Schmidt', 'Schneider', 'Sharma', 'Silva', 'Singh', 'Sokolov', 'Suzuki', 'Svensson', 'Takahashi', 'Tanaka', 'Torres', 'Tran', 'Van der Berg', 'Vargas', 'Wagner', 'Walsh', 'Wang', 'Weber', 'Williams', 'Wójcik', 'Yamamoto', 'Yilmaz', 'Zhang', 'Zimmermann'];
// prettier-ignore
const PLACES = ['Ashford', 'Bayview', 'Brookline', 'Cedar Falls', 'Clearwater', 'Crestwood', 'Dunmore', 'Eastgate', 'Elmhurst', 'Fairhaven', 'Glenwood', 'Harborview', 'Highland', 'Kingsbridge', 'Lakeshore', 'Maplewood', 'Meadowbrook', 'Millbrook', 'Northfield', 'Oakridge', 'Pinecrest', 'Queensway', 'Redwood', 'Riverside', 'Rosedale', 'Silverlake', 'Southport', 'Stonebridge', 'Summit', 'Westbrook', 'Whitmore', 'Willowdale'];
// prettier-ignore
const KINDS = ['Public Library', 'University Library', 'College Archives', 'Historical Society', 'Museum', 'Law Library', 'Medical Library', 'School District', 'Records Office', 'Digital Collections Lab', 'Research Institute', 'Community College', 'Art Gallery', 'Press', 'Data Services', 'Heritage Trust', 'State Archives', 'Book Collective', 'Software', 'Consulting'];
// prettier-ignore
const ROLES = ['Archivist', 'Reference Librarian', 'Metadata Specialist', 'Cataloguer', 'Digital Archivist', 'Records Manager', 'Branch Manager', 'Teen Services Librarian', 'Systems Librarian', 'Collections Curator', 'Conservator', 'Data Librarian', 'Outreach Coordinator', 'Instruction Librarian', 'UX Researcher', 'Information Architect', 'Knowledge Manager', 'Research Analyst', 'Program Director', 'Hiring Manager', 'Recruiter', 'Professor', 'Adjunct Lecturer', 'Student Assistant', 'Volunteer Coordinator', 'Grant Writer', 'Project Manager', 'Web Developer', 'Taxonomist', 'Library Director'];
// prettier-ignore
const FIELDS = ['archives', 'cataloguing', 'digital humanities', 'public services', 'records management', 'data curation', 'children’s services', 'academic libraries', 'special collections', 'information architecture', 'knowledge management', 'preservation'];
// prettier-ignore
const TAGS = ['mentor', 'alumni', 'hiring', 'referral', 'conference', 'archives', 'metadata', 'follow-up', 'coffee chat', 'volunteer', 'remote', 'grad school', 'internship', 'board member', 'speaker', 'book club', 'union', 'part-time', 'contract', 'federal'];
// prettier-ignore
const NOTE_WORDS = ['met', 'at', 'the', 'conference', 'talked', 'about', 'digitisation', 'projects', 'and', 'open', 'positions', 'in', 'their', 'team', 'suggested', 'I', 'read', 'a', 'paper', 'on', 'linked', 'data', 'offered', 'to', 'review', 'my', 'resume', 'knows', 'someone', 'hiring', 'for', 'an', 'archives', 'role', 'next', 'spring', 'loves', 'hiking', 'has', 'two', 'kids', 'studied', 'history', 'before', 'library', 'school', 'works', 'with', 'oral', 'histories', 'community', 'collections', 'asked', 'me', 'send', 'portfolio', 'wants', 'coffee', 'after', 'semester', 'ends', 'recommended', 'joining', 'the', 'regional', 'association', 'runs', 'workshop', 'metadata', 'standards', 'mentioned', 'grant', 'funding', 'summer', 'internship', 'remote', 'friendly', 'manager', 'new', 'building', 'opening', 'soon', 'interested', 'in', 'preservation', 'born-digital', 'records', 'email', 'follow', 'up', 'Tuesday', 'newsletter', 'volunteer', 'shifts', 'weekend', 'exhibit', 'cataloguing', 'backlog'];

/** Mulberry32: small, fast and the same everywhere, so every run sees the same contacts. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const NOW = Date.UTC(2026, 0, 1);
const YEAR = 365 * 24 * 3600 * 1000;
const CIRCLES = ['classmates', 'alumni', 'coworkers', 'teachers', 'events', 'online', 'friends'];

/** Contact number `i` of the fixed sequence: the first N are the same whatever the total. */
export function contactAt(i) {
	const r = prng(0x6b697468 ^ Math.imul(i + 1, 0x9e3779b1));
	const pick = (list) => list[Math.floor(r() * list.length)];
	const first = pick(FIRST);
	const last = pick(LAST);
	const organization = r() < 0.85 ? `${pick(PLACES)} ${pick(KINDS)}` : undefined;
	const tags = [];
	for (let n = Math.floor(r() * 4); n > 0; n--) {
		const t = pick(TAGS);
		if (!tags.includes(t)) tags.push(t);
	}
	let notes;
	if (r() < 0.6) {
		const words = [];
		for (let n = 5 + Math.floor(r() * 30); n > 0; n--) words.push(pick(NOTE_WORDS));
		notes = `${words.join(' ')}.`;
	}
	const createdAt = NOW - Math.floor(r() * 3 * YEAR);
	const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
	const contact = {
		id: `bench-${String(i).padStart(6, '0')}`,
		name: r() < 0.1 ? `${first} ${pick(FIRST)} ${last}` : `${first} ${last}`,
		circle: pick(CIRCLES),
		metAt: r() < 0.5 ? `${pick(PLACES)} meetup` : undefined,
		organization,
		role: r() < 0.8 ? pick(ROLES) : undefined,
		field: r() < 0.4 ? pick(FIELDS) : undefined,
		emails: r() < 0.6 ? [`${handle}${i}@example.org`] : [],
		phones: r() < 0.3 ? [`+1 555 01${String(i % 100).padStart(2, '0')}`] : [],
		links: r() < 0.3 ? [`https://example.org/in/${handle}${i}`] : [],
		tags,
		notes,
		createdAt,
		updatedAt: createdAt + Math.floor(r() * (NOW - createdAt))
	};
	for (const k of Object.keys(contact)) if (contact[k] === undefined) delete contact[k];
	return contact;
}

/** A few words a user would type: a surname prefix, then the start of the organisation. */
export function makeQueries(count, withinFirst) {
	const r = prng(20260101);
	const fold = (s) => queryWords(s).join(' ');
	const out = [];
	while (out.length < count) {
		const c = contactAt(Math.floor(r() * withinFirst));
		if (!c.organization) continue;
		const surname = queryWords(c.name).at(-1);
		const orgWord = queryWords(c.organization)[0];
		const a = surname.slice(0, 3 + Math.floor(r() * 4));
		const b = orgWord.slice(0, 3 + Math.floor(r() * 4));
		out.push(fold(`${a} ${b}`));
	}
	return out;
}

/** Every prefix of the query as it is typed, one keystroke at a time. */
export function keystrokes(query) {
	const out = [];
	for (let i = 1; i <= query.length; i++) out.push(query.slice(0, i));
	return out;
}
