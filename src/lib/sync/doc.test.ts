import { describe, expect, it } from 'vitest';
import type { Pitch } from '$lib/domain/pitch';
import { bodyToRow, rowToBody } from './doc';

const pitch: Pitch = {
	id: 'p1',
	title: 'Career fair',
	targetSeconds: 30,
	text: 'Hi, I am Ama and I catalogue rare maps.',
	cues: ['rare maps'],
	createdAt: 1,
	updatedAt: 2,
	version: 1
};

describe('a pitch arriving through sync', () => {
	it('is taken as it came, with or without the gaps choice', () => {
		for (const row of [pitch, { ...pitch, gaps: 'fifth' as const }])
			expect(bodyToRow('pitches', rowToBody('pitches', row))).toEqual({ kind: 'row', row });
	});
	it('is refused with a gaps choice Kith does not know', () => {
		const body = rowToBody('pitches', { ...pitch, gaps: 'everything' });
		expect(bodyToRow('pitches', body).kind).toBe('invalid');
	});
});
