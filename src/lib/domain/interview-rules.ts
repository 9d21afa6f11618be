/**
 * Pure rules for informational interviews: labels, when a thank-you is owed, what is upcoming,
 * which touchpoint channel a mode becomes, and how suggested names are matched to contacts.
 */
import type { Channel } from './touchpoint';
import type { Interview, InterviewMode, PrepStep, QuestionCategory } from './interview';

export const DEFAULT_MINUTES = 30;
const HOUR = 3_600_000;
/** A thank-you should go out within this long after the interview ends. */
export const THANK_YOU_WITHIN_MS = 24 * HOUR;

export const MODE_LABELS: Record<InterviewMode, string> = {
	'in-person': 'In person',
	phone: 'Phone',
	video: 'Video'
};

export const STATUS_LABELS: Record<Interview['status'], string> = {
	planned: 'Planned',
	done: 'Done',
	cancelled: 'Cancelled'
};

export const CATEGORY_LABELS: Record<QuestionCategory, string> = {
	path: 'Their path',
	job: 'The job',
	field: 'The field',
	organization: 'The organisation',
	skills: 'Skills',
	advice: 'Advice for me',
	referrals: 'Referrals'
};

export const PREP_LABELS: Record<PrepStep, string> = {
	research: 'Research the organisation',
	pitch: 'Rehearse your one-minute commercial',
	questions: 'Pick your questions'
};

/** The touchpoint channel a debrief logs for each way of meeting. */
export function channelForMode(mode: InterviewMode): Channel {
	return mode === 'phone' ? 'call' : mode;
}

export function plannedMinutes(interview: Pick<Interview, 'durationMinutes'>): number {
	return interview.durationMinutes ?? DEFAULT_MINUTES;
}

/** When the interview is planned to end, or undefined when it has no time. */
export function endsAt(interview: Pick<Interview, 'scheduledAt' | 'durationMinutes'>) {
	return interview.scheduledAt === undefined
		? undefined
		: interview.scheduledAt + plannedMinutes(interview) * 60_000;
}

export interface ThankYouOwed {
	/** The thank-you should be sent by then: 24 hours after the interview ended. */
	dueBy: number;
	overdue: boolean;
}

/** It was run (a run was started) or debriefed as done: a plan alone proves nothing. */
export function tookPlace(interview: Pick<Interview, 'status' | 'startedAt'>): boolean {
	return (
		interview.status === 'done' ||
		(interview.status !== 'cancelled' && interview.startedAt !== undefined)
	);
}

/**
 * When it ended, as far as Kith knows: a run's start plus the planned length (the real time beats
 * the plan), else the planned end, else undefined.
 */
function endedAt(
	interview: Pick<Interview, 'scheduledAt' | 'durationMinutes' | 'startedAt'>
): number | undefined {
	return interview.startedAt !== undefined
		? interview.startedAt + plannedMinutes(interview) * 60_000
		: endsAt(interview);
}

/**
 * A thank-you is owed only for an interview that took place (run, or debriefed as done), until it
 * is marked sent; a planned one whose time has passed may not have happened at all, so it is asked
 * about instead (see `askHowItWent`). Cancelled and deleted ones owe nothing. It is due 24 hours
 * after the end (after the last change when Kith knows no time).
 */
export function thankYouOwed(
	interview: Pick<
		Interview,
		| 'status'
		| 'scheduledAt'
		| 'durationMinutes'
		| 'startedAt'
		| 'thankYouSentOn'
		| 'deletedAt'
		| 'updatedAt'
	>,
	now: number
): ThankYouOwed | undefined {
	if (interview.deletedAt !== undefined || interview.thankYouSentOn) return undefined;
	if (!tookPlace(interview)) return undefined;
	const dueBy = (endedAt(interview) ?? interview.updatedAt) + THANK_YOU_WITHIN_MS;
	return { dueBy, overdue: now > dueBy };
}

/**
 * Today asks "How did it go?" about an interview not debriefed yet once its time is over: the
 * planned end has passed, or a run started a planned length ago.
 */
export function askHowItWent(
	interview: Pick<
		Interview,
		'status' | 'scheduledAt' | 'durationMinutes' | 'startedAt' | 'deletedAt'
	>,
	now: number
): boolean {
	if (interview.deletedAt !== undefined || interview.status !== 'planned') return false;
	const end = endedAt(interview);
	return end !== undefined && end <= now;
}

/** The notes typed while running it, question by question, for the debrief; unanswered ones left out. */
export function runNotes(
	interview: Pick<Interview, 'questions'>
): Array<{ question: string; answer: string }> {
	return interview.questions.flatMap((q) => {
		const answer = q.answer?.trim();
		return answer ? [{ question: q.text, answer }] : [];
	});
}

/** Planned interviews still ahead (or under way), soonest first; the rest, latest first. */
export function splitInterviews(
	interviews: Interview[],
	now: number
): { upcoming: Interview[]; past: Interview[] } {
	const upcoming: Interview[] = [];
	const past: Interview[] = [];
	for (const i of interviews) {
		if (i.deletedAt !== undefined) continue;
		const end = endsAt(i);
		if (i.status === 'planned' && (end === undefined || end > now)) upcoming.push(i);
		else past.push(i);
	}
	const at = (i: Interview) => i.scheduledAt ?? i.createdAt;
	upcoming.sort((a, b) => at(a) - at(b));
	past.sort((a, b) => at(b) - at(a));
	return { upcoming, past };
}

// Interviews and touchpoints match suggested names the same way.
import { normalizeName } from './referrals';
export { normalizeName };

/** Names typed one per line (or separated by commas), trimmed, without repeats. */
export function parseNames(text: string): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of text.split(/[\n,;]/)) {
		const name = raw.trim().replace(/\s+/g, ' ');
		const key = normalizeName(name);
		if (key && !seen.has(key)) {
			seen.add(key);
			out.push(name);
		}
	}
	return out;
}

/** Milliseconds as m:ss (or h:mm:ss past an hour). */
export function formatElapsed(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** A timestamp as a `datetime-local` input's value, in the device's time zone. */
export function toLocalInput(ms: number): string {
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value back to a timestamp, or undefined when it is not a real time. */
export function fromLocalInput(value: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
	if (!m) return undefined;
	const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
	const date = new Date(y, mo - 1, d, h, mi);
	if (date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
	return date.getTime();
}

// Made on first use, as the formats in day.ts.
let whenFormat: Intl.DateTimeFormat | undefined;

export function formatWhen(ms: number | undefined): string {
	if (ms === undefined) return 'No time set';
	whenFormat ??= new Intl.DateTimeFormat(undefined, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit'
	});
	return whenFormat.format(new Date(ms));
}
