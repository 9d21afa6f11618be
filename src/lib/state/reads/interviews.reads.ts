// The interview screens' reads: the list, one interview with what its page offers, and what the
// run and the debrief open with.
import type { Contact } from '$lib/domain/contact';
import type { Interview, Question } from '$lib/domain/interview';
import type { Query } from './query';

export interface InterviewList {
	interviews: Interview[];
	/** The people met, by contact id. */
	people: Map<string, Contact>;
}

export const interviewList: Query<InterviewList> = async (r) => {
	const interviews = await r.interviews.all();
	const people = await r.contacts.getMany([...new Set(interviews.map((i) => i.contactId))]);
	return { interviews, people };
};

export interface InterviewView {
	interview?: Interview;
	person?: Contact;
	/** Pitches not deleted, to pick the one to bring. */
	pitches: { id: string; title: string }[];
	/** The question bank. */
	bank: Question[];
}

export function interviewView(id: string): Query<InterviewView> {
	return async (r) => {
		const interview = await r.interviews.get(id);
		if (!interview) return { pitches: [], bank: [] };
		const [person, pitches, bank] = await Promise.all([
			r.contacts.get(interview.contactId),
			r.pitches.all(),
			r.questions.all()
		]);
		return {
			interview,
			person,
			pitches: pitches
				.filter((p) => p.deletedAt === undefined)
				.map((p) => ({ id: p.id, title: p.title })),
			bank
		};
	};
}

export interface InterviewWithPerson {
	interview: Interview;
	/** The person met; undefined once deleted for good. */
	person?: Contact;
	/** The people already recorded as introduced through this interview. */
	referred: Contact[];
}

/** An interview not in the trash with its person and referrals; undefined when there is none. */
export function interviewWithPerson(id: string): Query<InterviewWithPerson | undefined> {
	return async (r) => {
		const interview = await r.interviews.get(id);
		if (!interview || interview.deletedAt !== undefined) return undefined;
		const [person, referred] = await Promise.all([
			r.contacts.get(interview.contactId),
			r.contacts.getMany(interview.referralIds)
		]);
		return { interview, person, referred: [...referred.values()] };
	};
}

/** A contact to plan an interview with, when it exists and is not in the trash. */
export function plannableContact(id: string): Query<Contact | undefined> {
	return async (r) => {
		const c = await r.contacts.get(id);
		return c && c.deletedAt === undefined ? c : undefined;
	};
}
