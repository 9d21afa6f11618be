import { describe, expect, it } from 'vitest';
import { describeActionError, describeReadError, describeSaveError } from './errors';

const named = (name: string) => Object.assign(new Error(name), { name });
// Dexie wraps the browser's error; the cause sits in `inner`.
const wrapped = (name: string) =>
	Object.assign(new Error('wrapped'), { name: 'AbortError', inner: named(name) });

describe('error messages', () => {
	it('say what to do about a full disk, an update in another tab, and anything else', () => {
		expect(describeSaveError(wrapped('QuotaExceededError'))).toMatch(/no room left/);
		expect(describeActionError(wrapped('QuotaExceededError'))).toMatch(
			/no room left.*nothing changed/
		);
		expect(describeActionError(named('DatabaseClosedError'))).toMatch(/another tab.*Reload/);
		expect(describeActionError(new Error('?'))).toBe(
			'Kith could not do that just now, so nothing changed. Try again.'
		);
	});

	it('say that data could not be read, rather than that there is none', () => {
		expect(describeReadError(new Error('?'))).toBe(
			'Kith could not read your data just now. Reload the page to try again.'
		);
		expect(describeReadError(named('MissingAPIError'))).toMatch(/not letting Kith read/);
		expect(describeReadError(named('VersionError'))).toMatch(/updated in another tab/);
	});

	it('tell a database that failed to open apart from one closed by an update elsewhere', () => {
		const closedBy = (inner?: Error) =>
			Object.assign(new Error('closed'), { name: 'DatabaseClosedError', inner });
		expect(describeReadError(closedBy(named('NotReadableError')))).toMatch(/could not open/);
		expect(describeActionError(closedBy(named('NotReadableError')))).toMatch(/could not open/);
		expect(describeReadError(closedBy(named('MissingAPIError')))).toMatch(/not letting Kith/);
		expect(describeReadError(closedBy())).toMatch(/updated in another tab/);
		expect(describeReadError(closedBy(closedBy()))).toMatch(/updated in another tab/);
	});
});
