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

/**
 * A thank-you is owed once an interview has happened (debriefed as done, or its planned end has
 * passed while still planned) and until it is marked sent. Cancelled and deleted ones owe nothing.
 * It is due 24 hours after the end (after the debrief when the interview had no time set).
 */
export function thankYouOwed(
	interview: Pick<
		Interview,
		'status' | 'scheduledAt' | 'durationMinutes' | 'thankYouSentOn' | 'deletedAt' | 'updatedAt'
	>,
	now: number
): ThankYouOwed | undefined {
	if (interview.deletedAt !== undefined || interview.thankYouSentOn) return undefined;
	if (interview.status === 'cancelled') return undefined;
	const end = endsAt(interview);
	const happened = interview.status === 'done' || (end !== undefined && end <= now);
	if (!happened) return undefined;
	const dueBy = (end ?? interview.updatedAt) + THANK_YOU_WITHIN_MS;
	return { dueBy, overdue: now > dueBy };
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

const whenFormat = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: 'numeric',
	minute: '2-digit'
});

export function formatWhen(ms: number | undefined): string {
	return ms === undefined ? 'No time set' : whenFormat.format(new Date(ms));
}
