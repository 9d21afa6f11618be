import { describe, expect, it } from 'vitest';
import {
	emptyTouchpointForm,
	makeTouchpoint,
	parseTouchpointForm,
	SUMMARY_MAX
} from './touchpoint-form';

const form = (fields: Partial<ReturnType<typeof emptyTouchpointForm>>) => ({
	...emptyTouchpointForm('2026-06-15'),
	...fields
});

describe('touchpoint form', () => {
	it('keeps only the fields filled in, outcomes in their fixed order', () => {
		const parsed = parseTouchpointForm(
			form({ summary: ' Coffee ', received: ['names', 'inside-info', 'bogus'] })
		);
		expect(parsed).toEqual({
			ok: true,
			value: {
				on: '2026-06-15',
				channel: 'in-person',
				summary: 'Coffee',
				received: ['inside-info', 'names']
			}
		});
	});

	it('allows far past and future dates', () => {
		expect(parseTouchpointForm(form({ on: '1999-01-02' })).ok).toBe(true);
		expect(parseTouchpointForm(form({ on: '2099-12-31' })).ok).toBe(true);
	});

	it('refuses very long summaries, bad dates and unknown channels with a message', () => {
		const parsed = parseTouchpointForm(
			form({
				summary: 'a'.repeat(SUMMARY_MAX + 1),
				on: '2026-13-01',
				channel: 'fax',
				followUpOn: 'soon'
			})
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(['channel', 'followUpOn', 'on', 'summary']);
		expect(parsed.errors.summary).toMatch(/5,000/);
	});

	it('keeps markup as plain text', () => {
		const parsed = parseTouchpointForm(form({ summary: '<img src=x onerror=alert(1)>' }));
		expect(parsed.ok && parsed.value.summary).toBe('<img src=x onerror=alert(1)>');
	});

	it('makes a valid row', () => {
		const parsed = parseTouchpointForm(form({ gave: 'Thanks', followUpOn: '2026-07-01' }));
		if (!parsed.ok) throw new Error('invalid');
		const t = makeTouchpoint(parsed.value, {
			id: 'a',
			contactId: 'b',
			createdAt: 1,
			updatedAt: 1,
			version: 1
		});
		expect(t).toMatchObject({ followUpDone: false, gave: 'Thanks', followUpOn: '2026-07-01' });
	});
});
