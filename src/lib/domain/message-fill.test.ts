import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	contact as anyContact,
	interview as anyInterview,
	touchpoint as anyTouchpoint
} from '$lib/io/backup-arbitraries';
import { BUILT_IN_TEMPLATES } from './message-builtins';
import {
	describeHelp,
	fillTemplate,
	findGaps,
	gapsLeft,
	listTemplates,
	mailtoHref,
	messageValues,
	PLACEHOLDERS,
	plainMessage,
	smsHref,
	specificNote,
	type MessageContext,
	type Placeholder
} from './message-fill';
import type { MessageTemplate } from './message-template';
import { makeContact, makeInterview } from './testing/factories';

const ada = makeContact({
	name: 'Ada Lovelace',
	organization: 'City Library',
	role: 'Archivist',
	field: 'digital archives',
	metAt: 'the spring job fair',
	introRequests: [{ id: 'r1', who: 'Grace Hopper', createdAt: 1 }]
});
const full: MessageContext = {
	contact: ada,
	introducer: { name: 'Sam Lee' },
	interview: makeInterview({
		id: 'v1',
		contactId: ada.id,
		scheduledAt: new Date(2026, 4, 5, 10).getTime(),
		notes: 'Metadata work is moving to linked data. Also: join the regional group.'
	}),
	received: ['resume-tips', 'names'],
	me: { name: 'Jo Park', headline: 'LIS student', email: 'jo@example.org', links: [] }
};

describe('filling a template', () => {
	it('fills every built-in from a complete record, leaving only what the person must write', () => {
		for (const t of BUILT_IN_TEMPLATES) {
			const filled = fillTemplate(t, messageValues(full));
			const expected = t.body.includes('{yourNews}') ? ['yourNews'] : [];
			expect(filled.gaps, t.id).toEqual(expected);
			expect(filled.body).not.toMatch(/\{(?!yourNews\})[A-Za-z]+\}/);
			expect(filled.subject).not.toContain('{');
		}
	});

	it('names the contact, the introducer, the note and me where each template needs them', () => {
		const values = messageValues(full);
		const by = (id: string) =>
			fillTemplate(
				BUILT_IN_TEMPLATES.find((t) => t.id === id)!,
				values
			);
		expect(by('builtin:ask-interview-email').body).toMatch(/^Dear Ada,/);
		expect(by('builtin:ask-interview-email').body).toContain('your work at City Library');
		expect(by('builtin:referral-email').subject).toBe('Sam Lee suggested I get in touch');
		expect(by('builtin:thank-you-email').body).toContain(
			'metadata work is moving to linked data. I am going'
		);
		expect(by('builtin:thank-you-email').body).toMatch(/Jo Park$/);
		expect(by('builtin:ask-intro-email').subject).toContain('Grace Hopper');
		expect(by('builtin:tell-helper-email').body).toContain('resume tips and names to contact');
	});

	it('leaves a word it cannot fill in braces and lists it as a gap', () => {
		const bare: MessageContext = { contact: makeContact({ name: 'Bo' }) };
		const filled = fillTemplate(
			{ subject: '{introducer} said hi', body: 'Hi {firstName} at {organization}, {myName}' },
			messageValues(bare)
		);
		expect(filled.body).toBe('Hi Bo at {organization}, {myName}');
		expect(filled.subject).toBe('{introducer} said hi');
		expect(filled.gaps).toEqual(['introducer', 'organization', 'myName']);
	});

	it('never fills a value twice, and leaves braces it does not know alone', () => {
		const filled = fillTemplate(
			{ body: '{firstName} {notAWord}' },
			messageValues({ contact: makeContact({ name: '{myName}' }), me: { name: 'Me', links: [] } })
		);
		expect(filled.body).toBe('{myName} {notAWord}');
		expect(filled.gaps).toEqual([]);
	});

	it('fills every built-in from generated records without throwing, gaps only for missing data', () => {
		fc.assert(
			fc.property(
				anyContact,
				fc.option(anyContact, { nil: undefined }),
				fc.option(anyInterview, { nil: undefined }),
				fc.option(anyTouchpoint, { nil: undefined }),
				(contact, introducer, interview, touchpoint) => {
					const values = messageValues({
						contact,
						introducer,
						interview,
						received: touchpoint?.received
					});
					for (const t of BUILT_IN_TEMPLATES) {
						const filled = fillTemplate(t, values);
						for (const gap of filled.gaps) expect(values[gap]).toBeUndefined();
						for (const [key, value] of Object.entries(values))
							if (t.body.includes(`{${key}}`)) expect(filled.body).toContain(value);
						// A gap is there to see, in braces, in the text the person edits.
						for (const gap of filled.gaps)
							expect(`${filled.subject}\n${filled.body}`).toContain(`{${gap}}`);
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('knows every word the built-ins use', () => {
		for (const t of BUILT_IN_TEMPLATES) {
			const words = [...`${t.subject ?? ''} ${t.body}`.matchAll(/\{([A-Za-z]+)\}/g)].map(
				(m) => m[1]
			);
			for (const w of words) expect(Object.keys(PLACEHOLDERS), `${t.id}: ${w}`).toContain(w);
		}
	});
});

describe('gaps as the message is edited', () => {
	it('clears a gap once the person writes over it', () => {
		const filled = fillTemplate({ body: 'News: {yourNews}. {myName}' }, {});
		expect(gapsLeft({ subject: '', body: filled.body }, filled)).toEqual(['yourNews', 'myName']);
		expect(gapsLeft({ subject: '', body: 'News: I got the job. {myName}' }, filled)).toEqual([
			'myName'
		]);
		expect(findGaps('{a} {firstName} {firstName}')).toEqual<Placeholder[]>(['firstName']);
	});
});

describe('something specific from the notes', () => {
	it('takes the first sentence of the notes, else the first answer', () => {
		expect(specificNote(full.interview)).toBe('metadata work is moving to linked data');
		expect(
			specificNote(
				makeInterview({
					id: 'v',
					contactId: 'c',
					questions: [{ text: 'How?', answer: '\n- Volunteer at the archive first!' }]
				})
			)
		).toBe('volunteer at the archive first');
		expect(specificNote(makeInterview({ id: 'v', contactId: 'c' }))).toBeUndefined();
		expect(specificNote({ ...full.interview!, notes: 'I should read OCLC reports.' })).toBe(
			'I should read OCLC reports'
		);
		expect(specificNote({ ...full.interview!, notes: 'word '.repeat(100) })!.length).toBeLessThan(
			170
		);
	});
});

describe('what they gave', () => {
	it('reads after "the"', () => {
		expect(describeHelp(['interview'])).toBe('interview');
		expect(describeHelp(['inside-info', 'resume-tips', 'job-offer'])).toBe(
			'inside information, resume tips and job offer'
		);
		expect(describeHelp(['other'])).toBe('help');
		expect(describeHelp([])).toBeUndefined();
	});
});

describe('listing templates', () => {
	const row = (fields: Partial<MessageTemplate>): MessageTemplate => ({
		id: 'own-1',
		moment: 'keep-in-touch',
		medium: 'message',
		name: 'Mine',
		body: 'Hello {firstName}',
		createdAt: 5,
		updatedAt: 5,
		version: 1,
		...fields
	});

	it('shows a changed built-in in its place, and own templates after, without the trashed', () => {
		const list = listTemplates([
			row({ id: 'builtin:thank-you-email', moment: 'thank-you', name: 'My thanks', version: 3 }),
			row({ id: 'own-2', name: 'Second', createdAt: 9 }),
			row({ id: 'own-1', name: 'First' }),
			row({ id: 'own-3', name: 'Gone', deletedAt: 10 }),
			row({ id: 'builtin:retired', name: 'Old' })
		]);
		expect(list.map((t) => t.name)).toContain('My thanks');
		const thanks = list.find((t) => t.id === 'builtin:thank-you-email')!;
		expect(thanks).toMatchObject({ builtIn: true, changed: true, version: 3 });
		expect(list.slice(-2).map((t) => t.name)).toEqual(['First', 'Second']);
		expect(list).toHaveLength(BUILT_IN_TEMPLATES.length + 2);
	});
});

describe('sending', () => {
	it('builds mailto and sms links that carry the text', () => {
		const href = mailtoHref('ada@example.org', 'Hi & thanks', 'Line one\nLine two');
		expect(href).toBe(
			'mailto:ada@example.org?subject=Hi%20%26%20thanks&body=Line%20one%0ALine%20two'
		);
		expect(smsHref('+1 (555) 010-0', 'Hi?')).toBe('sms:+15550100?body=Hi%3F');
		expect(plainMessage('email', 'Subject', 'Body')).toBe('Subject\n\nBody');
		expect(plainMessage('message', 'Subject', 'Body')).toBe('Body');
	});
});
