import { describe, expect, it } from 'vitest';
import {
	calibrateWpm,
	countWords,
	DEFAULT_WPM,
	estimateSeconds,
	formatClock,
	formatSeconds,
	lengthVerdict
} from './pitch-timing';

describe('countWords', () => {
	it('counts words, not dashes, bullets or spaces', () => {
		expect(countWords('')).toBe(0);
		expect(countWords('   \n\t ')).toBe(0);
		expect(countWords('Hi, I’m Ama — an archivist.')).toBe(5);
		expect(countWords('• one\n• two  three')).toBe(3);
		expect(countWords('Zoë Ångström, 2026 مرحبا')).toBe(4);
	});

	it('counts a 5,000-word text quickly', () => {
		const text = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
		const started = performance.now();
		expect(countWords(text)).toBe(5000);
		expect(performance.now() - started).toBeLessThan(100);
	});
});

describe('estimateSeconds', () => {
	it('uses 140 words a minute until calibrated', () => {
		expect(DEFAULT_WPM).toBe(140);
		expect(estimateSeconds(140)).toBe(60);
		expect(estimateSeconds(70)).toBe(30);
		expect(estimateSeconds(5000)).toBeCloseTo(2142.86, 1);
	});
	it('follows the user’s rate, and falls back on a nonsense one', () => {
		expect(estimateSeconds(100, 200)).toBe(30);
		expect(estimateSeconds(140, 0)).toBe(60);
		expect(estimateSeconds(140, Number.NaN)).toBe(60);
	});
});

describe('lengthVerdict', () => {
	it('says too long, about right or room to add', () => {
		expect(lengthVerdict(0, 30)).toBe('empty');
		expect(lengthVerdict(20, 30)).toBe('room');
		expect(lengthVerdict(25, 30)).toBe('right');
		expect(lengthVerdict(33, 30)).toBe('right');
		expect(lengthVerdict(34, 30)).toBe('long');
		// A 15-second pitch gets at least two seconds either way.
		expect(lengthVerdict(17, 15)).toBe('right');
		expect(lengthVerdict(11, 15)).toBe('room');
		expect(lengthVerdict(2143, 60)).toBe('long');
	});
});

describe('formatting', () => {
	it('writes durations for people', () => {
		expect(formatSeconds(14.6)).toBe('15 s');
		expect(formatSeconds(65)).toBe('1 min 05 s');
		expect(formatSeconds(120)).toBe('2 min');
		expect(formatClock(7_900)).toBe('0:07');
		expect(formatClock(62_000)).toBe('1:02');
	});
});

describe('calibrateWpm', () => {
	it('waits for three timed runs', () => {
		expect(calibrateWpm([])).toBeUndefined();
		expect(
			calibrateWpm([
				{ words: 70, seconds: 30 },
				{ words: 70, seconds: 28 }
			])
		).toBeUndefined();
	});

	it('takes the median of the plausible recent runs', () => {
		const runs = [
			{ words: 70, seconds: 30 }, // 140
			{ words: 70, seconds: 35 }, // 120
			{ words: 70, seconds: 25 }, // 168
			{ words: 70, seconds: 0 }, // not timed
			{ words: 70, seconds: 600 }, // timer left running: 7 wpm
			{ words: 70, seconds: 4 }, // a skim: 1050 wpm
			{ words: 0, seconds: 20 } // no text
		];
		expect(calibrateWpm(runs)).toBe(140);
		expect(calibrateWpm([...runs, { words: 80, seconds: 30 }])).toBe(150);
		expect(calibrateWpm([{ words: 80, seconds: 30 }, ...runs])).toBe(150);
	});

	it('uses only the latest ten runs', () => {
		const fast = Array.from({ length: 10 }, () => ({ words: 100, seconds: 30 })); // 200
		const slow = Array.from({ length: 10 }, () => ({ words: 50, seconds: 30 })); // 100
		expect(calibrateWpm([...fast, ...slow])).toBe(200);
	});
});
