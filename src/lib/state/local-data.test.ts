import { beforeEach, describe, expect, it } from 'vitest';
import { clearLocalData } from './local-data';

describe('clearLocalData', () => {
	beforeEach(() => localStorage.clear());

	it("removes Kith's draft copies and reminder state and leaves other keys alone", () => {
		localStorage.setItem('kith:draft:capture', '{"values":{}}');
		localStorage.setItem('kith:draft:edit:abc', '{"values":{}}');
		localStorage.setItem('kith.backupReminderDismissedAt', '1');
		localStorage.setItem('other-app', 'keep');
		localStorage.setItem('kithless', 'keep');

		expect(clearLocalData()).toBe(3);
		expect(localStorage.length).toBe(2);
		expect(localStorage.getItem('other-app')).toBe('keep');
		expect(localStorage.getItem('kithless')).toBe('keep');
	});

	it('does nothing when storage throws', () => {
		const broken = {
			get length(): number {
				throw new DOMException('denied', 'SecurityError');
			}
		} as unknown as Storage;
		expect(clearLocalData(broken)).toBe(0);
	});
});
