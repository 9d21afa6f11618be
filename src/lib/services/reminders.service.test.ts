import { describe, expect, it } from 'vitest';
import { testDb } from '$lib/db/testing/factories';
import { settingsRepo } from '$lib/db/settings.repo';
import { dismissNotifyAsk, setNotify } from './reminders.service';

describe('reminders service', () => {
	it('keeps the choice and the set-aside offer side by side', async () => {
		const db = testDb();
		const get = () => settingsRepo(db).get('reminders');
		expect(await get()).toBeUndefined();
		await dismissNotifyAsk(db, 42);
		expect(await get()).toEqual({ notify: false, askDismissedAt: 42 });
		await setNotify(db, true);
		expect(await get()).toEqual({ notify: true, askDismissedAt: 42 });
		await setNotify(db, false);
		expect(await get()).toEqual({ notify: false, askDismissedAt: 42 });
	});
});
