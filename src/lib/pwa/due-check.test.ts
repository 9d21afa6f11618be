import { describe, expect, it } from 'vitest';
import { KithDB } from '$lib/db/database';
import { peekDueRows } from '$lib/db/peek-due';
import { freshFactory } from '$lib/db/testing/upgrade-harness';
import { makeContact, makeInterview, makeTouchpoint } from '$lib/db/testing/factories';
import { contactsRepo } from '$lib/db/contacts.repo';
import type { DueNotice } from '$lib/domain/due-today';
import { notifyChosen, runDueCheck } from './due-check';

const at = (hour: number) => new Date(2026, 5, 15, hour).getTime();

async function seeded(notify: boolean | undefined) {
	const options = freshFactory();
	const db = new KithDB('kith', options);
	const ana = makeContact({ name: 'Ana', nextFollowUpOn: '2026-06-14' });
	const ben = makeContact({ name: 'Ben', nextFollowUpOn: '2026-06-15' });
	await contactsRepo(db).bulkPut([ana, ben]);
	await db.interactions.put(
		makeTouchpoint({ id: 't1', contactId: ben.id, followUpOn: '2026-06-01' })
	);
	await db.interviews.put(
		makeInterview({ id: 'i1', contactId: ana.id, scheduledAt: at(9) - 86_400_000 })
	);
	if (notify !== undefined) await db.settings.put({ key: 'reminders', value: { notify } });
	db.close();
	return () => peekDueRows('kith', options.indexedDB);
}

function recorder(read: () => ReturnType<typeof peekDueRows>, now: number, permission = 'granted') {
	const badges: number[] = [];
	const notices: DueNotice[] = [];
	return {
		badges,
		notices,
		run: () =>
			runDueCheck({
				read,
				now,
				permission,
				setBadge: async (n) => void badges.push(n),
				notify: async (n) => void notices.push(n)
			})
	};
}

describe('the daily check', () => {
	it('reads the stored rows, sets the badge and shows one notification of it all', async () => {
		const check = recorder(await seeded(true), at(10));
		await check.run();
		expect(check.badges).toEqual([4]);
		expect(check.notices).toEqual([
			{
				title: '4 things to do today in Kith',
				body: '3 follow-ups, 1 thank-you. Tap to open Today.'
			}
		]);
	});

	it('in quiet hours, sets the badge only', async () => {
		const read = await seeded(true);
		for (const hour of [6, 21, 23]) {
			const check = recorder(read, at(hour));
			await check.run();
			expect(check.badges).toEqual([4]);
			expect(check.notices).toEqual([]);
		}
	});

	it('without the choice or the permission, shows nothing', async () => {
		for (const [notify, permission] of [
			[undefined, 'granted'],
			[false, 'granted'],
			[true, 'default'],
			[true, 'denied']
		] as const) {
			const check = recorder(await seeded(notify), at(10), permission);
			await check.run();
			expect(check.notices).toEqual([]);
			expect(check.badges).toEqual([4]);
		}
	});

	it('before the app made its database, finds nothing and creates nothing', async () => {
		const factory = new IDBFactory();
		const check = recorder(() => peekDueRows('kith', factory), at(10));
		expect((await check.run()).counts).toEqual({ followUps: 0, thankYous: 0, pitches: 0 });
		expect(check.badges).toEqual([]);
		expect(await factory.databases()).toEqual([]);
	});

	it('only an explicit yes counts as the choice', () => {
		expect(notifyChosen({ notify: true })).toBe(true);
		expect(notifyChosen({ notify: 'yes' })).toBe(false);
		expect(notifyChosen(null)).toBe(false);
		expect(notifyChosen(undefined)).toBe(false);
	});
});
