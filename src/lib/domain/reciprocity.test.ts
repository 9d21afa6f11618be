import { describe, expect, it } from 'vitest';
import type { Touchpoint } from './touchpoint';
import { balance, receivedList, reciprocityNudges, waysToGiveBack } from './reciprocity';

let n = 0;
function tp(fields: Partial<Touchpoint>): Touchpoint {
	n++;
	return {
		id: `t${n}`,
		contactId: 'maya',
		on: '2026-01-01',
		channel: 'call',
		summary: '',
		received: [],
		followUpDone: false,
		createdAt: n,
		updatedAt: n,
		version: 1,
		...fields
	};
}

describe('balance', () => {
	it('counts what was received per outcome and lists what was given, newest first', () => {
		const b = balance([
			tp({ received: ['resume-tips', 'names'], on: '2026-01-01' }),
			tp({ received: ['resume-tips'], gave: 'Sent an article', on: '2026-02-01' }),
			tp({ gave: 'Introduced Sam', on: '2026-03-15' }),
			tp({ gave: '   ', on: '2026-03-02' }),
			tp({ received: ['job-offer'], deletedAt: 5 })
		]);
		expect(b.received).toEqual({ 'resume-tips': 2, names: 1 });
		expect(b.receivedTotal).toBe(3);
		expect(b.gave.map((g) => g.text)).toEqual(['Introduced Sam', 'Sent an article']);
		expect(receivedList(b)).toEqual([
			{ outcome: 'resume-tips', count: 2 },
			{ outcome: 'names', count: 1 }
		]);
	});

	it('is empty with no touchpoints', () => {
		expect(balance([])).toEqual({ received: {}, receivedTotal: 0, gave: [] });
	});
});

describe('reciprocityNudges', () => {
	const today = '2026-06-30';

	it('nudges 30 days after receiving with nothing given since', () => {
		const got = tp({ received: ['inside-info'], on: '2026-05-31' });
		expect(reciprocityNudges([got], today)).toMatchObject([
			{ contactId: 'maya', touchpointId: got.id, daysSince: 30, received: ['inside-info'] }
		]);
		expect(reciprocityNudges([tp({ received: ['inside-info'], on: '2026-06-01' })], today)).toEqual(
			[]
		);
	});

	it('is quiet once something was given the same day or later', () => {
		const list = [
			tp({ received: ['names'], on: '2026-04-01' }),
			tp({ gave: 'Thanked them', on: '2026-04-10' })
		];
		expect(reciprocityNudges(list, today)).toEqual([]);
		expect(
			reciprocityNudges([tp({ received: ['names'], gave: 'Coffee', on: '2026-04-01' })], today)
		).toEqual([]);
	});

	it('comes back when something new is received after the last gift', () => {
		const list = [
			tp({ received: ['names'], on: '2026-03-15' }),
			tp({ gave: 'Thanked them', on: '2026-03-20' }),
			tp({ received: ['interview'], on: '2026-04-01' })
		];
		expect(reciprocityNudges(list, today)).toMatchObject([{ on: '2026-04-01' }]);
	});

	it('stays dismissed until a newer gift arrives', () => {
		const first = tp({ received: ['names'], on: '2026-03-15' });
		expect(reciprocityNudges([first], today, { maya: first.id })).toEqual([]);
		const second = tp({ received: ['resume-tips'], on: '2026-04-01' });
		expect(reciprocityNudges([first, second], today, { maya: first.id })).toMatchObject([
			{ touchpointId: second.id }
		]);
	});

	it('leaves out deleted, future and too old touchpoints, and sorts the oldest first', () => {
		const list = [
			tp({ received: ['names'], on: '2026-05-01', contactId: 'a' }),
			tp({ received: ['names'], on: '2026-03-15', contactId: 'b' }),
			tp({ received: ['names'], on: '2025-01-01', contactId: 'c' }),
			tp({ received: ['names'], on: '2027-01-01', contactId: 'd' }),
			tp({ received: ['names'], on: '2026-03-15', contactId: 'e', deletedAt: 1 })
		];
		expect(reciprocityNudges(list, today).map((x) => x.contactId)).toEqual(['b', 'a']);
	});

	it('suggests at most three distinct ways to give back, fitting what was received', () => {
		const ways = waysToGiveBack(['resume-tips']);
		expect(ways).toHaveLength(3);
		expect(new Set(ways).size).toBe(3);
		expect(ways[0]).toMatch(/advice/);
		expect(waysToGiveBack(['names'])[0]).toMatch(/people they named/);
	});
});
