/**
 * The fictional sample network: contacts added to try Kith with, with pitches, rehearsals,
 * interviews and questions around them, and their ids in the settings table (`sampleContactIds`,
 * `sampleRecordIds`), so they can leave again without touching the user's own records.
 */
import { read, write, type KithDB } from '$lib/db';
import { todayIso } from '$lib/domain/dates';
import { CONTACT_TABLES, deleteContactsFully } from './contacts.service';

/** Adds the fictional sample network and remembers which ids it added, so it can leave again. */
export async function addSampleData(db: KithDB, now = Date.now()): Promise<number> {
	// The sample records are only needed once, so they stay out of the first load.
	const [{ sampleContacts }, { samplePlans, planIds }, { builtInQuestions }] = await Promise.all([
		import('./sample-data'),
		import('./sample-data-plans'),
		import('$lib/domain/questions-bank')
	]);
	const today = todayIso(new Date(now));
	const contacts = sampleContacts(today, now);
	const plans = samplePlans(contacts, today, now);
	const bank = builtInQuestions(now);
	await write(db, [...SAMPLE_TABLES], async (r) => {
		const before = (await r.settings.get('sampleContactIds')) ?? [];
		const kept = (await r.settings.get('sampleRecordIds')) ?? NO_RECORDS;
		const added = planIds(plans);
		await r.contacts.bulkPut(contacts);
		await r.pitches.bulkPut(plans.pitches);
		await r.rehearsals.bulkPut(plans.rehearsals);
		await r.interviews.bulkPut(plans.interviews);
		// The planned interview's questions come from the bank: it is there before it is opened.
		const have = await r.questions.bulkGet(bank.map((q) => q.id));
		await r.questions.bulkPut([...bank.filter((_, i) => !have[i]), ...plans.questions]);
		await r.settings.set('sampleContactIds', [...before, ...contacts.map((c) => c.id)]);
		await r.settings.set('sampleRecordIds', {
			pitches: [...kept.pitches, ...added.pitches],
			rehearsals: [...kept.rehearsals, ...added.rehearsals],
			interviews: [...kept.interviews, ...added.interviews],
			questions: [...kept.questions, ...added.questions]
		});
	});
	return contacts.length;
}

const NO_RECORDS = { pitches: [], rehearsals: [], interviews: [], questions: [] };

/** Every table the sample data writes to, or removes from. */
const SAMPLE_TABLES = [
	...CONTACT_TABLES,
	'settings',
	'pitches',
	'rehearsals',
	'recordings',
	'questions'
] as const;

/**
 * Removes every sample contact, edited or not, with their unsaved edit drafts, and the sample
 * pitches (with every rehearsal and recording made on them since), interviews and questions; the
 * user's own records stay untouched. Returns how many sample contacts were still there.
 */
export async function removeSampleData(db: KithDB): Promise<number> {
	return write(db, [...SAMPLE_TABLES], async (r) => {
		const ids = (await r.settings.get('sampleContactIds')) ?? [];
		const records = (await r.settings.get('sampleRecordIds')) ?? NO_RECORDS;
		const there = (await r.contacts.bulkGet(ids)).filter((c) => c !== undefined).length;
		// A real contact may have been linked to a sample introducer; keep it, forget the link.
		await deleteContactsFully(r, ids);
		for (const pitchId of records.pitches) {
			const [runs, recordings] = await Promise.all([
				r.rehearsals.ofPitch(pitchId),
				r.recordings.ofPitch(pitchId)
			]);
			await r.rehearsals.bulkRemove(runs.map((x) => x.id));
			await r.recordings.bulkRemove(recordings.map((x) => x.id));
		}
		await r.rehearsals.bulkRemove(records.rehearsals);
		await r.pitches.bulkRemove(records.pitches);
		await r.drafts.removeForms(records.pitches.map((id) => `pitch:${id}`));
		await r.interviews.bulkRemove(records.interviews);
		await r.questions.bulkRemove(records.questions);
		await r.settings.remove('sampleContactIds');
		await r.settings.remove('sampleRecordIds');
		return there;
	});
}

export interface SampleDataSummary {
	/** Sample contacts still stored (in the list or in the trash). */
	count: number;
	/** How many of them the user changed since they were added. */
	edited: number;
	/** Sample pitches still stored. */
	pitches: number;
	/** Sample interviews still stored, and those with sample people, which go with them. */
	interviews: number;
}

/** What removing the sample data would delete, for the confirmation. */
export async function summarizeSampleData(db: KithDB): Promise<SampleDataSummary> {
	return read(db, ['settings', 'contacts', 'pitches', 'interviews'], async (r) => {
		const ids = (await r.settings.get('sampleContactIds')) ?? [];
		const records = (await r.settings.get('sampleRecordIds')) ?? NO_RECORDS;
		const rows = (await r.contacts.bulkGet(ids)).filter((c) => c !== undefined);
		const pitches = (await r.pitches.bulkGet(records.pitches)).filter((p) => p !== undefined);
		const interviews = new Set([
			...(await r.interviews.bulkGet(records.interviews))
				.filter((i) => i !== undefined)
				.map((i) => i.id),
			...(await r.interviews.withAnyOf(ids)).map((i) => i.id)
		]);
		return {
			count: rows.length,
			edited: rows.filter((c) => c.updatedAt !== c.createdAt).length,
			pitches: pitches.length,
			interviews: interviews.size
		};
	});
}

export async function hasSampleData(db: KithDB): Promise<boolean> {
	const ids = await read(db, ['settings'], (r) => r.settings.get('sampleContactIds'));
	return (ids?.length ?? 0) > 0;
}
