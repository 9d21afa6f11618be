/**
 * How long a pitch takes to say: word counts, the estimate at the user's speaking rate, how it
 * compares with the target, and the rate itself, calibrated from timed rehearsals.
 */

/** A comfortable conversational pace, used until the user's own runs say otherwise. */
export const DEFAULT_WPM = 140;
/** Runs outside these rates were not really said out loud (a stopwatch left running, a skim). */
export const MIN_PLAUSIBLE_WPM = 60;
export const MAX_PLAUSIBLE_WPM = 300;
/** The calibration uses the latest runs only, so it follows the user as they get more fluent. */
export const CALIBRATION_RUNS = 10;
export const MIN_CALIBRATION_RUNS = 3;

const WORD = /[\p{L}\p{N}]/u;

/**
 * Words in a text: runs of non-space characters with at least one letter or digit, so a dash
 * or a bullet is not counted. One pass, no big intermediate arrays: fine for every keystroke
 * even on a text of many thousand words.
 */
export function countWords(text: string): number {
	let words = 0;
	let inToken = false;
	let tokenHasWord = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		const space = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || /\s/.test(ch);
		if (space) {
			if (inToken && tokenHasWord) words++;
			inToken = false;
			tokenHasWord = false;
		} else {
			inToken = true;
			if (!tokenHasWord && WORD.test(ch)) tokenHasWord = true;
		}
	}
	if (inToken && tokenHasWord) words++;
	return words;
}

/** Seconds it takes to say `words` at `wpm` words a minute. */
export function estimateSeconds(words: number, wpm: number = DEFAULT_WPM): number {
	const rate = Number.isFinite(wpm) && wpm > 0 ? wpm : DEFAULT_WPM;
	return (words / rate) * 60;
}

export type LengthVerdict = 'empty' | 'room' | 'right' | 'long';

/**
 * Against the target: "about right" from 80 % of the target to 110 % (and at least two seconds
 * either way, which matters for a 15-second pitch).
 */
export function lengthVerdict(seconds: number, targetSeconds: number): LengthVerdict {
	if (seconds <= 0) return 'empty';
	const over = Math.max(targetSeconds * 0.1, 2);
	const under = Math.max(targetSeconds * 0.2, 2);
	if (seconds > targetSeconds + over) return 'long';
	if (seconds < targetSeconds - under) return 'room';
	return 'right';
}

/** "45 s", "1 min 05 s". */
export function formatSeconds(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	if (s < 60) return `${s} s`;
	const m = Math.floor(s / 60);
	const rest = s % 60;
	return rest === 0 ? `${m} min` : `${m} min ${String(rest).padStart(2, '0')} s`;
}

/** A stopwatch reading: "0:07", "1:02". */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export interface TimedRun {
	/** Words of the text as it was when the run was timed. */
	words: number;
	seconds: number;
}

/** Words a minute of one run, or undefined when the run cannot tell (not timed, no text). */
export function runWpm(run: TimedRun): number | undefined {
	if (!(run.seconds >= 3) || !(run.words > 0)) return undefined;
	const wpm = run.words / (run.seconds / 60);
	return wpm >= MIN_PLAUSIBLE_WPM && wpm <= MAX_PLAUSIBLE_WPM ? wpm : undefined;
}

/**
 * The user's speaking rate from their latest timed runs (newest first): the median of the
 * plausible ones among the last {@link CALIBRATION_RUNS}, rounded. The median ignores one odd
 * run (a phone call in the middle). Undefined until there are enough runs to say.
 */
export function calibrateWpm(runsNewestFirst: TimedRun[]): number | undefined {
	const rates = runsNewestFirst
		.slice(0, CALIBRATION_RUNS)
		.map(runWpm)
		.filter((x): x is number => x !== undefined)
		.sort((a, b) => a - b);
	if (rates.length < MIN_CALIBRATION_RUNS) return undefined;
	const mid = rates.length >> 1;
	const median = rates.length % 2 ? rates[mid]! : (rates[mid - 1]! + rates[mid]!) / 2;
	return Math.round(median);
}
