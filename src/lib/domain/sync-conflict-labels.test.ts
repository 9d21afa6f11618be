import { describe, expect, it } from 'vitest';
import { formatDay } from './day-format';
import { formatWhen } from './interview-rules';
import { conflictId, type ConflictTable, type SyncConflict } from './sync-conflict';
import {
	describeSyncValue,
	inFormOrder,
	referencedIds,
	syncFieldLabel,
	touchpointSubject
} from './sync-conflict-labels';

function card(table: ConflictTable, field: string, more: Partial<SyncConflict> = {}): SyncConflict {
	return {
		id: conflictId(table, 'r1', field),
		table,
		rowId: 'r1',
		field,
		kind: 'value',
		kept: null,
		other: null,
		at: 1,
		...more
	};
}

describe('the words on a "Changed on two devices" card', () => {
	it('names each stored field as its form does, and leaves others to the cards', () => {
		expect(syncFieldLabel('contacts', 'organization')).toBe('Organisation');
		expect(syncFieldLabel('contacts', 'nextFollowUpOn')).toBe('Follow up on');
		expect(syncFieldLabel('contacts', 'keepInTouchDays')).toBe('Keep in touch');
		expect(syncFieldLabel('interactions', 'summary')).toBe('What you talked about');
		expect(syncFieldLabel('interactions', 'received')).toBe('What they gave you');
		expect(syncFieldLabel('pitches', 'targetSeconds')).toBe('Target length');
		expect(syncFieldLabel('pitches', 'text')).toBe('Your pitch');
		expect(syncFieldLabel('interviews', 'scheduledAt')).toBe('Date and time');
		expect(syncFieldLabel('interviews', 'goal')).toBe('Your goal');
		expect(syncFieldLabel('contacts', 'somethingNew')).toBeUndefined();
		expect(syncFieldLabel('contacts', 'toString')).toBeUndefined();
	});

	it('shows days, circles, cadences and choices in words', () => {
		expect(describeSyncValue('contacts', 'metOn', '2026-03-03')).toBe(formatDay('2026-03-03'));
		expect(describeSyncValue('contacts', 'circle', 'coworkers')).toBe('Co-workers');
		expect(describeSyncValue('contacts', 'circle', null)).toBe('No circle');
		expect(describeSyncValue('contacts', 'keepInTouchDays', 14)).toBe('Every 2 weeks');
		expect(describeSyncValue('contacts', 'keepInTouchDays', null)).toBe('No regular check-ins');
		expect(describeSyncValue('contacts', 'emails', ['a@x.org', 'b@x.org'])).toBe(
			'a@x.org, b@x.org'
		);
		expect(
			describeSyncValue('contacts', 'introRequests', [
				{ id: 'i1', who: 'Sam', createdAt: 1 },
				{ id: 'i2', who: 'Lee', createdAt: 1, doneAt: 2 }
			])
		).toBe('Sam, Lee (asked)');
		expect(describeSyncValue('interactions', 'channel', 'call')).toBe('Call');
		expect(describeSyncValue('interactions', 'received', ['resume-tips', 'names'])).toBe(
			'Resume tips, Names to contact'
		);
		expect(describeSyncValue('interactions', 'followUpDone', true)).toBe('Done');
		expect(describeSyncValue('pitches', 'targetSeconds', 60)).toBe('60 seconds');
		expect(describeSyncValue('pitches', 'cues', ['Hello', 'Ask'])).toBe('Hello, Ask');
		expect(describeSyncValue('interviews', 'mode', 'in-person')).toBe('In person');
		expect(describeSyncValue('interviews', 'status', 'done')).toBe('Done');
		expect(describeSyncValue('interviews', 'prepared', ['research'])).toBe(
			'Research the organisation'
		);
		const at = new Date(2026, 2, 3, 14, 30).getTime();
		expect(describeSyncValue('interviews', 'scheduledAt', at)).toBe(formatWhen(at));
		expect(describeSyncValue('interviews', 'durationMinutes', 45)).toBe('45 min');
		expect(
			describeSyncValue('interviews', 'questions', [
				{ text: 'How did you start?', answer: 'By chance' },
				{ text: 'What next?' }
			])
		).toBe('How did you start? (By chance), What next?');
		expect(describeSyncValue('questions', 'category', 'advice')).toBe('Advice for me');
	});

	it('leaves nothing empty (the card says so), and shows unknown codes as they are', () => {
		expect(describeSyncValue('contacts', 'organization', null)).toBe('');
		expect(describeSyncValue('contacts', 'organization', '')).toBe('');
		expect(describeSyncValue('interactions', 'channel', 'carrier-pigeon')).toBe('carrier-pigeon');
		expect(describeSyncValue('contacts', 'somethingNew', { a: 1 })).toBe('{"a":1}');
	});

	it('names the contacts and pitches a value points to', () => {
		const names = { c1: 'Ana Silva', p1: 'Career fair' };
		expect(describeSyncValue('contacts', 'introducedById', 'c1', names)).toBe('Ana Silva');
		expect(describeSyncValue('contacts', 'introducedById', null, names)).toBe('Nobody');
		expect(describeSyncValue('contacts', 'introducedById', 'gone', names)).toBe(
			'someone deleted from Kith'
		);
		expect(describeSyncValue('interviews', 'referralIds', ['c1', 'gone'], names)).toBe(
			'Ana Silva, someone deleted from Kith'
		);
		expect(describeSyncValue('interviews', 'pitchId', 'p1', names)).toBe('Career fair');
		expect(describeSyncValue('interviews', 'pitchId', null, names)).toBe('None chosen');

		expect(referencedIds(card('contacts', 'introducedById', { kept: 'c1', other: 'c2' }))).toEqual({
			contacts: ['c1', 'c2'],
			pitches: []
		});
		expect(
			referencedIds(card('interviews', 'referralIds', { kept: ['c1'], other: ['c1', 'c3'] }))
		).toEqual({ contacts: ['c1', 'c1', 'c3'], pitches: [] });
		expect(referencedIds(card('interviews', 'pitchId', { kept: 'p1' }))).toEqual({
			contacts: [],
			pitches: ['p1']
		});
		expect(referencedIds(card('contacts', 'organization', { kept: 'c1' }))).toEqual({
			contacts: [],
			pitches: []
		});
	});

	it('orders cards as the form does, a record brought back first', () => {
		const cards = [
			card('contacts', 'zeta'),
			card('contacts', 'notes'),
			card('contacts', 'deletedAt', { revived: true }),
			card('contacts', 'alpha'),
			card('contacts', 'name')
		];
		expect(inFormOrder(cards).map((c) => c.field)).toEqual([
			'deletedAt',
			'name',
			'notes',
			'alpha',
			'zeta'
		]);
	});

	it('says which touchpoint a card is about', () => {
		expect(touchpointSubject({ on: '2026-03-03' })).toBe(
			`Touchpoint on ${formatDay('2026-03-03')}`
		);
	});
});
