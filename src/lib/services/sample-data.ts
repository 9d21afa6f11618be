/**
 * A fictional sample network for trying the app; every person here is made up and can be removed
 * again (sample-data.service.ts writes them and remembers their ids). Nothing else is sampled.
 * Longer than most modules because it is one list of about thirty people, data and not logic:
 * split, the introductions (people who point at others by id) would reach across files.
 */
import type { Contact } from '$lib/domain/contact';
import { addDays, type IsoDate } from '$lib/domain/dates';
import { newId } from '$lib/domain/ids';
import { stampNew } from '$lib/domain/stamp';

type Sample = Omit<
	Contact,
	| 'id'
	| 'createdAt'
	| 'updatedAt'
	| 'version'
	| 'deletedAt'
	| 'emails'
	| 'phones'
	| 'links'
	| 'tags'
> &
	Partial<Pick<Contact, 'id' | 'emails' | 'phones' | 'links' | 'tags'>>;

const HOUR = 3_600_000;

/**
 * About thirty made-up people a library and information science student (and career changer)
 * might already know, spread over every circle. Dates are relative to `today`; the most recently
 * met person is the most recently created, so the list reads naturally.
 */
export function sampleContacts(today: IsoDate, now: number): Contact[] {
	const ago = (days: number) => addDays(today, -days);
	const inDays = (days: number) => addDays(today, days);

	// People who introduce others get their ids first, so the introductions can point at them.
	const rosa = newId();
	const okafor = newId();
	const ferreira = newId();
	const soren = newId();
	const bernard = newId();

	const samples: Sample[] = [
		// Family
		{
			id: rosa,
			name: 'Rosa Delgado',
			circle: 'family',
			metAt: 'My aunt; we talked shop over Sunday lunch',
			metOn: ago(40),
			organization: 'Eastbrook Middle School',
			role: 'School librarian',
			field: 'School libraries',
			phones: ['(555) 555-0117'],
			tags: ['school libraries', 'mentor', 'family'],
			notes:
				'The one who first said I should try library school. Offered to read my cover letters.',
			nextFollowUpOn: inDays(14)
		},
		{
			name: 'Marcus Bell',
			circle: 'family',
			metAt: 'Cousin; caught up at the family reunion',
			metOn: ago(120),
			organization: 'Valley General Hospital',
			role: 'IT support lead',
			field: 'Health informatics',
			tags: ['health', 'it'],
			notes: 'Says the hospital keeps a small medical library; might know who runs it.'
		},
		// Friends
		{
			name: 'Priya Raman',
			circle: 'friends',
			metAt: 'Friend since undergrad; monthly dinner',
			metOn: ago(21),
			organization: 'Lumen Health Apps',
			role: 'UX researcher',
			field: 'User experience',
			emails: ['priya.raman@example.com'],
			links: ['https://www.linkedin.com/in/priya-raman-example'],
			tags: ['ux', 'research', 'usability'],
			notes: 'Happy to walk me through how she plans user interviews. Card sorting tips!'
		},
		{
			name: 'Tomás Herrera',
			circle: 'friends',
			metAt: 'Old friend from the film club; coffee downtown',
			metOn: ago(65),
			role: 'Freelance photographer',
			field: 'Digitization',
			links: ['https://tomas-herrera-photo.example.com'],
			tags: ['digitization', 'photography'],
			notes: 'Has scanned glass plate negatives for a small museum. Knows good scanner setups.'
		},
		// Roommates
		{
			name: 'Zoë Lindqvist',
			circle: 'roommates',
			metAt: 'Shared a flat during my first degree',
			metOn: ago(200),
			organization: 'City of Millbrook Open Data Office',
			role: 'Data analyst',
			field: 'Open data',
			emails: ['zoe.lindqvist@example.org'],
			tags: ['data', 'government', 'metadata'],
			notes:
				'Her team struggles with dataset descriptions; an opening for a metadata person someday?'
		},
		{
			name: 'Kenji Watanabe',
			circle: 'roommates',
			metAt: 'Current roommate',
			metOn: ago(90),
			organization: 'Brightline Software',
			role: 'Backend developer',
			field: 'Software',
			tags: ['tech', 'search'],
			notes: 'Offered to explain how search indexing works. Trade: I help him sort his comics.'
		},
		// Partner
		{
			name: 'Jordan Avery',
			circle: 'partner',
			metAt: 'My partner',
			metOn: ago(300),
			organization: 'Millbrook Unified School District',
			role: 'Grade 5 teacher',
			field: 'Education',
			tags: ['education'],
			notes: 'Knows several school librarians in the district; can ask around for me.'
		},
		// Teachers and staff
		{
			id: okafor,
			name: 'Dr. Helen Okafor',
			circle: 'teachers',
			metAt: 'Professor for Archival Description',
			metOn: ago(75),
			organization: 'Northgate University School of Information',
			role: 'Associate professor',
			field: 'Archives',
			emails: ['helen.okafor@example.org'],
			tags: ['archives', 'faculty', 'mentor'],
			notes: 'Office hours on Thursdays. Suggested I talk to recent alumni working in archives.'
		},
		{
			id: ferreira,
			name: 'Luis Ferreira',
			circle: 'teachers',
			metAt: 'Career services drop-in hour',
			metOn: ago(30),
			organization: 'Northgate University Career Centre',
			role: 'Career advisor',
			field: 'Career development',
			emails: ['luis.ferreira@example.org'],
			phones: ['(555) 555-0132'],
			tags: ['career', 'resume'],
			notes: 'Reviewed my resume; wants a version that leads with customer service skills.',
			nextFollowUpOn: ago(1)
		},
		// Classmates
		{
			name: 'Amara Nwosu',
			circle: 'classmates',
			metAt: 'Digital humanities seminar',
			metOn: ago(50),
			organization: 'Northgate University',
			role: 'MLIS student',
			field: 'Digital humanities',
			tags: ['digital humanities', 'study group'],
			notes: 'Building a map of the old city archives in her spare time. Great at TEI.'
		},
		{
			id: soren,
			name: 'Søren Holm',
			circle: 'classmates',
			metAt: 'Cataloguing study group',
			metOn: ago(45),
			organization: 'Northgate University',
			role: 'MLIS student',
			field: 'Metadata',
			links: ['https://www.linkedin.com/in/soren-holm-example'],
			tags: ['cataloguing', 'metadata', 'study group'],
			notes: 'Knows everyone in the metadata world online. Shares job postings in our group chat.'
		},
		{
			name: 'Grace Kim',
			circle: 'classmates',
			metAt: 'Sat next to each other in Youth Services',
			metOn: ago(35),
			organization: 'Northgate University',
			role: 'MLIS student',
			field: 'Youth services',
			tags: ['youth services', 'storytime'],
			notes: 'Volunteers at a library storytime on Saturdays; says they need help with crafts.'
		},
		// Alumni
		{
			name: 'Daniel Brooks',
			circle: 'alumni',
			metAt: 'Coffee chat set up by Dr. Okafor',
			metOn: ago(12),
			organization: 'Northgate University Archives',
			role: 'Digital archivist',
			field: 'Digital preservation',
			emails: ['daniel.brooks@example.org'],
			links: ['https://www.linkedin.com/in/daniel-brooks-example'],
			introducedById: okafor,
			tags: ['archives', 'digital preservation', 'alumni'],
			notes:
				'Mentioned a processing project starting next term. Send a thank-you and ask about it.',
			nextFollowUpOn: ago(3)
		},
		{
			name: 'Fatima Al-Sayed',
			circle: 'alumni',
			metAt: 'Alumni panel on careers outside libraries',
			metOn: ago(25),
			organization: 'Harlow & Finch LLP',
			role: 'Knowledge manager',
			field: 'Knowledge management',
			emails: ['fatima.alsayed@example.com'],
			introducedById: ferreira,
			tags: ['knowledge management', 'law', 'alumni'],
			notes:
				'Law firms hire researchers with library degrees. She offered an informational interview.'
		},
		// Co-workers
		{
			name: "Megan O'Connor",
			circle: 'coworkers',
			metAt: 'My manager at the bookshop, before library school',
			metOn: ago(400),
			organization: 'Cornerstone Books',
			role: 'Store manager',
			field: 'Retail',
			phones: ['(555) 555-0148'],
			tags: ['reference', 'retail'],
			notes: 'Will gladly be a reference; she remembers the author events I organised.'
		},
		{
			name: 'Ravi Patel',
			circle: 'coworkers',
			metAt: 'Part-time shifts at the circulation desk',
			metOn: ago(60),
			organization: 'Riverside Public Library',
			role: 'Circulation supervisor',
			field: 'Public libraries',
			emails: ['ravi.patel@example.org'],
			tags: ['public libraries', 'circulation'],
			notes: 'Tells me which branch openings are coming before they are posted.'
		},
		// Neighbours
		{
			name: 'Eleanor Whitfield',
			circle: 'neighbours',
			metAt: 'Next door; chatted over the garden fence',
			metOn: ago(80),
			organization: 'Millbrook County Records Office',
			role: 'Records manager (retired)',
			field: 'Records management',
			tags: ['records management', 'government'],
			notes: 'Thirty years in county records. Still has lunch with her old team every month.'
		},
		{
			name: 'Chloé Dubois',
			circle: 'neighbours',
			metAt: 'Building bike room',
			metOn: ago(18),
			organization: 'Harbourview Museum of Art',
			role: 'Assistant registrar',
			field: 'Museums',
			links: ['https://www.linkedin.com/in/chloe-dubois-example'],
			tags: ['museums', 'collections'],
			notes: 'Uses a collections database every day; curious what I learn in cataloguing class.'
		},
		// Clubs and associations
		{
			id: bernard,
			name: 'Bernard Cole',
			circle: 'clubs',
			metAt: 'Millbrook Historical Society monthly meeting',
			metOn: ago(55),
			organization: 'Millbrook Historical Society',
			role: 'President (volunteer)',
			field: 'Local history',
			emails: ['bernard.cole@example.org'],
			tags: ['local history', 'volunteering'],
			notes: 'The society has boxes of unprocessed letters. Asked if I want to help sort them.'
		},
		{
			name: 'Nadia Petrova',
			circle: 'clubs',
			metAt: 'Student chapter of the regional library association',
			metOn: ago(28),
			organization: 'Regional Library Association, student chapter',
			role: 'Chapter chair',
			field: 'Academic libraries',
			tags: ['association', 'leadership'],
			notes: 'Looking for someone to run the newsletter. Good way to meet working librarians.'
		},
		// Gym
		{
			name: 'Chris Novak',
			circle: 'gym',
			metAt: 'Bouldering gym, Tuesday evenings',
			metOn: ago(15),
			organization: 'Tri-County Credit Union',
			role: 'Information security analyst',
			field: 'Information security',
			tags: ['security', 'privacy'],
			notes: 'We talked about privacy and patron data. Suggested a course on records retention.'
		},
		// Coffee house
		{
			name: 'Olu Adeyemi',
			circle: 'coffee',
			metAt: 'Regular at the corner table of Bean There Café',
			metOn: ago(9),
			role: 'Freelance indexer',
			field: 'Indexing',
			links: ['https://olu-indexes.example.com'],
			tags: ['indexing', 'freelance', 'publishing'],
			notes:
				'Indexes books for small publishers. Says indexing pairs well with part-time library work.'
		},
		{
			name: 'Mia Santos',
			circle: 'coffee',
			metAt: 'Barista at Bean There Café',
			metOn: ago(33),
			organization: 'Bean There Café',
			role: 'Barista',
			field: 'Museum studies',
			tags: ['museums', 'student'],
			notes: 'Studying museum studies at night. We swap notes on internships.'
		},
		// Local shop
		{
			name: 'Hiroshi Tanaka',
			circle: 'shop',
			metAt: 'Owner of the secondhand bookshop on Elm Street',
			metOn: ago(70),
			organization: 'Paper Lantern Books',
			role: 'Owner',
			field: 'Rare books',
			phones: ['(555) 555-0163'],
			tags: ['rare books', 'book trade'],
			notes: 'Knows the rare book dealers and a special collections librarian or two.',
			nextFollowUpOn: inDays(6)
		},
		// Faith community
		{
			name: 'Ruth Abernathy',
			circle: 'faith',
			metAt: 'Sings alto next to me in the congregation choir',
			metOn: ago(100),
			organization: 'Lakeside Medical Center',
			role: 'Medical librarian',
			field: 'Health sciences libraries',
			tags: ['medical libraries', 'health'],
			notes: 'Offered to show me how clinicians ask her for literature searches.'
		},
		// Online
		{
			name: 'José Martínez',
			circle: 'online',
			metAt: 'LinkedIn, after Søren shared his post on linked data',
			metOn: ago(8),
			organization: 'Cascade State University Library',
			role: 'Metadata librarian',
			field: 'Linked data',
			links: ['https://www.linkedin.com/in/jose-martinez-example'],
			introducedById: soren,
			tags: ['metadata', 'linked data', 'academic libraries'],
			notes: 'Open to a short video call about how he moved from teaching into metadata.',
			nextFollowUpOn: inDays(4)
		},
		{
			name: 'Hannah Schultz',
			circle: 'online',
			metAt: 'Digital preservation mailing list',
			metOn: ago(48),
			role: 'Preservation consultant',
			field: 'Digital preservation',
			emails: ['hannah@example.com'],
			links: ['https://preservation-notes.example.com'],
			tags: ['digital preservation', 'blog', 'mailing list'],
			notes: 'Writes a blog on file format migration. Answered my question on the list kindly.',
			nextFollowUpOn: inDays(20)
		},
		// Events and conferences
		{
			name: 'Ngozi Eze',
			circle: 'events',
			metAt: 'Regional library conference, public libraries track',
			metOn: ago(5),
			organization: 'Lakeshore County Library',
			role: 'Branch manager',
			field: 'Public libraries',
			emails: ['ngozi.eze@example.org'],
			phones: ['(555) 555-0186'],
			tags: ['public libraries', 'management', 'conference'],
			notes: 'Her branch is adding evening hours and will need staff. Send my resume as promised.',
			nextFollowUpOn: today
		},
		{
			name: 'Ingrid Larsen',
			circle: 'events',
			metAt: 'Archives career panel at the historical society',
			metOn: ago(20),
			organization: 'Harbor Tea Company',
			role: 'Corporate archivist',
			field: 'Corporate archives',
			links: ['https://www.linkedin.com/in/ingrid-larsen-example'],
			introducedById: bernard,
			tags: ['archives', 'corporate', 'mentor'],
			notes: 'A lone arranger: runs the whole company archive. Suggested a summer internship.',
			nextFollowUpOn: inDays(9)
		},
		// Other
		{
			name: 'Walter Greene',
			circle: 'other',
			metAt: 'Jury duty waiting room',
			metOn: ago(150),
			organization: 'Millbrook City Hall',
			role: 'City clerk’s office, records',
			field: 'Records management',
			tags: ['records management', 'government'],
			notes: 'Long wait, good conversation. The clerk’s office is digitising council minutes.'
		}
	];

	// Most recently met first: the newest record is the person met most recently.
	const ordered = [...samples].sort((a, b) => (b.metOn ?? '').localeCompare(a.metOn ?? ''));
	const base = Math.max(0, Math.floor(now));
	return ordered.map(({ id, emails, phones, links, tags, ...fields }, i) => {
		const at = Math.max(0, base - i * HOUR);
		return stampNew(
			{
				id: id ?? newId(),
				...fields,
				emails: emails ?? [],
				phones: phones ?? [],
				links: links ?? [],
				tags: tags ?? []
			},
			at
		);
	});
}
