// Bench-only browser bundle (built by scripts/bench/today.mjs): the app's own repositories and
// Today's reads, plus a generator of contacts and touchpoints, exposed on `window.kithTodayBench`.
import { KithDB } from '../../src/lib/db/database';
import { repos } from '../../src/lib/db/repos';
import { todayLists } from '../../src/lib/state/reads/today.reads';
import { addDays, todayIso } from '../../src/lib/domain/dates';

const CHANNELS = ['in-person', 'call', 'video', 'email', 'message', 'social', 'event'];
const OUTCOMES = [
	'inside-info',
	'job-search-advice',
	'resume-tips',
	'portfolio-tips',
	'names',
	'interview',
	'job-offer',
	'other'
];
const SPAN_DAYS = 4 * 365;

/** Mulberry32, so every run sees the same network. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

let db;
let r;
const today = todayIso();

function contact(i, rand) {
	const c = {
		id: `c-${String(i).padStart(5, '0')}`,
		name: `Person ${i}`,
		emails: [],
		phones: [],
		links: [],
		tags: [],
		createdAt: 1_700_000_000_000 + i,
		updatedAt: 1_700_000_000_000 + i
	};
	if (rand() < 0.1) c.nextFollowUpOn = addDays(today, Math.floor(rand() * 120) - 60);
	if (rand() < 0.05) c.keepInTouchDays = [30, 60, 90][Math.floor(rand() * 3)];
	return c;
}

/** A touchpoint over the last four years: some gifts, some given back, some follow-ups. */
function touchpoint(i, contacts, rand) {
	const on = addDays(today, -Math.floor(rand() * SPAN_DAYS));
	const received = [];
	if (rand() < 0.4) {
		received.push(OUTCOMES[Math.floor(rand() * OUTCOMES.length)]);
		if (rand() < 0.3) {
			const o = OUTCOMES[Math.floor(rand() * OUTCOMES.length)];
			if (!received.includes(o)) received.push(o);
		}
	}
	const t = {
		id: `t-${String(i).padStart(6, '0')}`,
		contactId: `c-${String(Math.floor(rand() * contacts)).padStart(5, '0')}`,
		on,
		channel: CHANNELS[Math.floor(rand() * CHANNELS.length)],
		summary: 'Talked about openings in the archives team and a conference next spring.',
		received,
		followUpDone: false,
		createdAt: 1_700_000_000_000 + i,
		updatedAt: 1_700_000_000_000 + i
	};
	if (rand() < 0.3) t.gave = 'Sent a thank-you and an article';
	if (rand() < 0.15) {
		t.followUpOn = addDays(on, 7 + Math.floor(rand() * 24));
		// Most past follow-ups were dealt with; recent ones are still open.
		t.followUpDone = t.followUpOn < addDays(today, -14) ? rand() < 0.95 : rand() < 0.5;
	}
	return t;
}

window.kithTodayBench = {
	async open(name) {
		db = new KithDB(name);
		await db.open();
		r = repos(db);
	},
	async seed(contacts, touchpoints, chunk = 5000) {
		const rand = prng(20260301);
		const people = [];
		for (let i = 0; i < contacts; i++) people.push(contact(i, rand));
		await r.contacts.bulkPut(people);
		for (let i = 0; i < touchpoints; i += chunk) {
			const batch = [];
			for (let j = i; j < Math.min(touchpoints, i + chunk); j++)
				batch.push(touchpoint(j, contacts, rand));
			await db.interactions.bulkPut(batch);
		}
		return { contacts: await db.contacts.count(), touchpoints: await db.interactions.count() };
	},
	/** Times Today's lists and the baseline read, interleaved so both see the same machine. */
	async time(runs) {
		const app = [];
		const base = [];
		let lists;
		let baseRows = 0;
		// Once each first, so the timed runs do not pay for compiling the code paths.
		await todayLists(today)(r);
		await db.interactions.where('followUpOn').belowOrEqual(today).toArray();
		for (let i = 0; i < runs; i++) {
			let start = performance.now();
			lists = await todayLists(today)(r);
			app.push(performance.now() - start);
			start = performance.now();
			baseRows = (await db.interactions.where('followUpOn').belowOrEqual(today).toArray()).length;
			base.push(performance.now() - start);
		}
		return {
			app,
			base,
			baseRows,
			followUps: lists.followUps.length,
			giveBack: lists.giveBack.length
		};
	},
	async close() {
		await db.delete();
	}
};
