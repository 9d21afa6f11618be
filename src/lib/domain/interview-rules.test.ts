import { describe, expect, it } from 'vitest';
import {
	channelForMode,
	formatElapsed,
	fromLocalInput,
	normalizeName,
	parseNames,
	runNotes,
	splitInterviews,
	askHowItWent,
	thankYouOwed,
	toLocalInput
} from './interview-rules';
import type { Interview } from './interview';
import { builtInQuestions } from './questions-bank';
import { QUESTION_CATEGORIES } from './interview';
import { parsePlanForm, emptyPlanForm } from './interview-plan';

const H = 3_600_000;
const T = Date.UTC(2026, 3, 10, 10, 0);

function iv(fields: Partial<Interview> = {}): Interview {
	return {
		id: 'i1',
		contactId: 'c1',
		mode: 'video',
		status: 'planned',
		questions: [],
		referralIds: [],
		scheduledAt: T,
		durationMinutes: 30,
		createdAt: 0,
		updatedAt: 0,
		version: 1,
		...fields
	};
}

describe('how did it go', () => {
	it('asks once the planned end of a planned interview has passed, not before', () => {
		expect(askHowItWent(iv(), T + 29 * 60_000)).toBe(false);
		expect(askHowItWent(iv(), T + 30 * 60_000)).toBe(true);
		expect(askHowItWent(iv(), T + 5 * 24 * H)).toBe(true);
	});
	it('asks a planned length after a run started, even one started early', () => {
		expect(askHowItWent(iv({ startedAt: T - H }), T - H + 20 * 60_000)).toBe(false);
		expect(askHowItWent(iv({ startedAt: T - H }), T - H + 30 * 60_000)).toBe(true);
	});
	it('stops once debriefed, and never asks about cancelled, deleted or untimed ones', () => {
		expect(askHowItWent(iv({ status: 'done' }), T + H)).toBe(false);
		expect(askHowItWent(iv({ status: 'cancelled' }), T + H)).toBe(false);
		expect(askHowItWent(iv({ deletedAt: 5 }), T + H)).toBe(false);
		expect(askHowItWent(iv({ scheduledAt: undefined }), T + H)).toBe(false);
	});
});

describe('run notes', () => {
	it('lists the answered questions in order with their notes, trimmed', () => {
		const questions = [
			{ text: 'How did you start?', answer: '  By volunteering at the archive. ' },
			{ text: 'What skills matter?', answer: '   ' },
			{ text: 'Who else?' },
			{ text: 'Advice?', answer: 'Join the local chapter.' }
		];
		expect(runNotes(iv({ questions }))).toEqual([
			{ question: 'How did you start?', answer: 'By volunteering at the archive.' },
			{ question: 'Advice?', answer: 'Join the local chapter.' }
		]);
	});
});

describe('thank-you rule', () => {
	it('owes nothing before the interview has ended', () => {
		expect(thankYouOwed(iv(), T + 29 * 60_000)).toBeUndefined();
	});
	it('owes nothing for a planned interview whose time has passed: it may not have happened', () => {
		expect(thankYouOwed(iv(), T + 31 * 60_000)).toBeUndefined();
		expect(thankYouOwed(iv(), T + 30 * 60_000 + 25 * H)).toBeUndefined();
		expect(thankYouOwed(iv({ scheduledAt: undefined }), T + 25 * H)).toBeUndefined();
	});
	it('is owed once run, due 24 hours after the run started plus the planned length', () => {
		const started = T + 10 * 60_000;
		const owed = thankYouOwed(iv({ startedAt: started }), started + 5 * 60_000);
		expect(owed).toEqual({ dueBy: started + 30 * 60_000 + 24 * H, overdue: false });
		expect(thankYouOwed(iv({ startedAt: started }), started + 30 * 60_000 + 25 * H)?.overdue).toBe(
			true
		);
	});
	it('owes nothing for a run interview later cancelled', () => {
		expect(thankYouOwed(iv({ startedAt: T, status: 'cancelled' }), T + H)).toBeUndefined();
	});
	it('is owed once debriefed as done, even if the planned time is still ahead', () => {
		expect(thankYouOwed(iv({ status: 'done' }), T - H)?.dueBy).toBe(T + 30 * 60_000 + 24 * H);
	});
	it('without a time, counts from the debrief', () => {
		const owed = thankYouOwed(iv({ status: 'done', scheduledAt: undefined, updatedAt: T }), T);
		expect(owed?.dueBy).toBe(T + 24 * H);
	});
	it('stops once sent, and never applies to cancelled or deleted interviews', () => {
		expect(
			thankYouOwed(iv({ status: 'done', thankYouSentOn: '2026-04-10' }), T + H)
		).toBeUndefined();
		expect(thankYouOwed(iv({ status: 'cancelled' }), T + 5 * H)).toBeUndefined();
		expect(thankYouOwed(iv({ status: 'done', deletedAt: 5 }), T + 5 * H)).toBeUndefined();
	});
});

describe('interview rules', () => {
	it('splits upcoming (soonest first) from past (latest first), leaving deleted out', () => {
		const a = iv({ id: 'a', scheduledAt: T + 2 * H });
		const b = iv({ id: 'b', scheduledAt: T + H });
		const c = iv({ id: 'c', scheduledAt: T - 5 * H });
		const d = iv({ id: 'd', scheduledAt: T - H, status: 'done' });
		const e = iv({ id: 'e', deletedAt: 1 });
		const { upcoming, past } = splitInterviews([a, b, c, d, e], T);
		expect(upcoming.map((i) => i.id)).toEqual(['b', 'a']);
		expect(past.map((i) => i.id)).toEqual(['d', 'c']);
	});
	it('maps modes to touchpoint channels', () => {
		expect(channelForMode('phone')).toBe('call');
		expect(channelForMode('video')).toBe('video');
		expect(channelForMode('in-person')).toBe('in-person');
	});
	it('matches names whatever their case, accents and spacing', () => {
		expect(normalizeName('  José  ÁLVAREZ-Ruiz ')).toBe(normalizeName('jose alvarez ruiz'));
		expect(parseNames('Ana Lee\nana  lee, Bo Chen;\n\n')).toEqual(['Ana Lee', 'Bo Chen']);
	});
	it('formats elapsed time and round-trips local date-times', () => {
		expect(formatElapsed(65_000)).toBe('1:05');
		expect(formatElapsed(3_725_000)).toBe('1:02:05');
		const ms = new Date(2026, 0, 2, 9, 5).getTime();
		expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
		expect(fromLocalInput('2026-02-31T10:00')).toBeUndefined();
	});
});

describe('plan form', () => {
	it('needs a person, allows a date in the past, and defaults to 30 minutes', () => {
		expect(parsePlanForm(emptyPlanForm())).toMatchObject({ ok: false });
		const past = parsePlanForm({
			...emptyPlanForm(),
			newName: 'Ana Lee',
			newOrganization: 'City Library',
			scheduledAt: '2020-01-01T10:00',
			durationMinutes: ''
		});
		expect(past).toMatchObject({
			ok: true,
			value: { durationMinutes: 30, organization: 'City Library' },
			person: { name: 'Ana Lee', organization: 'City Library' }
		});
		expect(
			parsePlanForm({ ...emptyPlanForm(), contactId: 'x', durationMinutes: '0' })
		).toMatchObject({ ok: false, errors: { durationMinutes: expect.any(String) } });
	});
});

describe('built-in question bank', () => {
	it('has about 40 questions in every category, with unique stable ids', () => {
		const qs = builtInQuestions(1);
		expect(qs.length).toBeGreaterThanOrEqual(38);
		expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
		for (const c of QUESTION_CATEGORIES) expect(qs.some((q) => q.category === c)).toBe(true);
		expect(builtInQuestions(2).map((q) => q.id)).toEqual(qs.map((q) => q.id));
	});
});
