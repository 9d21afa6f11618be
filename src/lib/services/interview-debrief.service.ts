/**
 * The interview's debrief, all in one unit of work: the interview is done (`interviews`), a
 * touchpoint is logged or updated (`interactions`), and the names suggested become contacts
 * introduced by the interviewee (`contacts`).
 */
import { read, stampNew, touch, write, type KithDB, type UnitRepos } from '$lib/db';
import type { Contact } from '$lib/domain/contact';
import { todayIso, toIsoDate } from '$lib/domain/dates';
import { newId } from '$lib/domain/ids';
import type { Touchpoint, Outcome } from '$lib/domain/touchpoint';
import type { Interview } from '$lib/domain/interview';
import { channelForMode, normalizeName } from '$lib/domain/interview-rules';
import { addReferrals } from './referrals.service';

/** A name suggested in the interview: a new contact, or an existing one to link. */
export type ReferralEntry = { name: string } | { linkId: string };

export interface DebriefForm {
	summary: string;
	outcomes: Outcome[];
	/** `YYYY-MM-DD`, or '' for none. */
	followUpOn: string;
	referrals: ReferralEntry[];
}

export type DebriefResult =
	| { ok: true; interview: Interview; touchpoint: Touchpoint; referred: Contact[] }
	| { ok: false; error: string };

/** Live contacts whose name matches each suggested name (case, accents and spacing ignored). */
export async function matchNames(
	db: KithDB,
	names: string[]
): Promise<Record<string, { id: string; name: string; organization?: string }[]>> {
	const all = await read(db, ['contacts'], (r) => r.contacts.names());
	const out: Record<string, { id: string; name: string; organization?: string }[]> = {};
	for (const name of names) {
		const key = normalizeName(name);
		out[name] = all.filter((c) => normalizeName(c.name) === key);
	}
	return out;
}

/**
 * Adds the suggested names through the shared referrals service (new contacts introduced by the
 * interviewee, or links to people already in Kith) and returns everyone this interview referred:
 * someone already introduced by another person keeps that introduction, but the interview's
 * referral list still records that the interviewee suggested them.
 */
async function referPeople(
	db: KithDB,
	r: UnitRepos<'contacts'>,
	introducerId: string,
	entries: ReferralEntry[],
	now: number
): Promise<Contact[]> {
	const result = await addReferrals(
		db,
		introducerId,
		entries.map((e) =>
			'name' in e ? { name: e.name.trim().replace(/\s+/g, ' ') } : { name: '', linkId: e.linkId }
		),
		now
	);
	const out = [...result.created, ...result.linked];
	for (const entry of entries) {
		if (!('linkId' in entry) || entry.linkId === introducerId) continue;
		if (out.some((c) => c.id === entry.linkId)) continue;
		const existing = await r.contacts.get(entry.linkId);
		if (existing) out.push(existing);
	}
	return out;
}

/**
 * Records how it went, all or nothing: the interview is done, a touchpoint is logged on the
 * contact (or updated, when the debrief is redone), suggested names become contacts introduced
 * by the interviewee and join the interview's referrals, and a follow-up date is set.
 */
export async function debriefInterview(
	db: KithDB,
	id: string,
	form: DebriefForm,
	now = Date.now()
): Promise<DebriefResult> {
	if (form.summary.length > 100_000)
		return { ok: false, error: 'That summary is too long to keep; shorten it a little.' };
	if (form.followUpOn && !/^\d{4}-\d{2}-\d{2}$/.test(form.followUpOn))
		return { ok: false, error: 'Pick the follow-up date from the calendar.' };
	return write(
		db,
		['interviews', 'interactions', 'contacts'],
		async (r): Promise<DebriefResult> => {
			const current = await r.interviews.get(id);
			if (!current) return { ok: false, error: 'This interview is no longer in Kith.' };
			const person = await r.contacts.get(current.contactId);
			if (!person)
				return {
					ok: false,
					error: 'The person you met was deleted for good, so nothing can be logged on them.'
				};
			const referred = await referPeople(db, r, person.id, form.referrals, now);
			const outcomes = [...new Set(form.outcomes)];
			if (referred.length && !outcomes.includes('names')) outcomes.push('names');
			const on =
				current.scheduledAt !== undefined && current.scheduledAt <= now
					? toIsoDate(new Date(current.scheduledAt))
					: todayIso(new Date(now));
			const summary = form.summary.trim();
			const old = current.interactionId
				? await r.interactions.get(current.interactionId)
				: undefined;
			const fields = {
				id: old?.id ?? newId(),
				contactId: person.id,
				on,
				channel: channelForMode(current.mode),
				summary:
					summary ||
					`Informational interview${current.organization ? ` about ${current.organization}` : ''}.`,
				received: outcomes,
				...(form.followUpOn ? { followUpOn: form.followUpOn } : {}),
				followUpDone: old?.followUpDone ?? false
			};
			const touchpoint: Touchpoint = old
				? touch(
						{ ...fields, createdAt: old.createdAt, updatedAt: old.updatedAt, version: old.version },
						now
					)
				: stampNew(fields, now);
			if (old?.gave) touchpoint.gave = old.gave;
			await r.interactions.put(touchpoint);
			const { notes: _n, followUpOn: _f, ...kept } = current;
			const interview: Interview = touch(
				{
					...kept,
					status: 'done',
					...(summary ? { notes: summary } : {}),
					...(form.followUpOn ? { followUpOn: form.followUpOn } : {}),
					outcomes,
					interactionId: touchpoint.id,
					referralIds: [...new Set([...current.referralIds, ...referred.map((c) => c.id)])]
				},
				now,
				current
			);
			await r.interviews.put(interview);
			if (form.followUpOn && person.deletedAt === undefined)
				await r.contacts.put(touch({ ...person, nextFollowUpOn: form.followUpOn }, now));
			return { ok: true, interview, touchpoint, referred };
		}
	);
}
