import { describe, expect, it, vi } from 'vitest';
import { BackupError, NeedsPassphraseError } from '$lib/io/backup-errors';
import type { ParsedBackup, RestoreCounts } from '$lib/services/backup.service';
import { describeCounts } from './backup';
import { RestoreFlow } from './restore-flow.svelte';

const empty = { added: 0, updated: 0, unchanged: 0, removed: 0 };
const parsed = {
	schemaVersion: 1,
	fileSchemaVersion: 1,
	exportedAt: '2025-06-01T10:00:00.000Z',
	appVersion: '0.1.0',
	encrypted: true,
	tables: {
		contacts: [{ id: 'a' }, { id: 'b', deletedAt: 3 }],
		interactions: [{ id: 'i' }],
		pitches: [],
		rehearsals: [],
		recordings: [],
		interviews: [],
		questions: [],
		drafts: [],
		settings: [{ key: 'lastBackupAt', value: 1 }],
		contactExtras: [],
		templates: []
	}
} as unknown as ParsedBackup;
const counts = {
	contacts: { ...empty, added: 2 },
	interactions: { ...empty, unchanged: 1 },
	settings: { ...empty, removed: 1 }
} as unknown as RestoreCounts;
const file = new File(['{}'], 'kith-backup-2025-06-01-locked.json');

describe('RestoreFlow', () => {
	it('asks for the passphrase, keeps asking after a wrong one, then previews and restores', async () => {
		const read = vi.fn(async (_: Blob, passphrase?: string) => {
			if (passphrase === undefined) throw new NeedsPassphraseError();
			if (passphrase !== 'right')
				throw new BackupError('wrong-passphrase', 'That passphrase does not open this backup.');
			return parsed;
		});
		const restore = vi.fn(async () => counts);
		const flow = new RestoreFlow({ read, restore });

		await flow.choose(file);
		expect(flow.step).toEqual({ kind: 'passphrase', fileName: file.name });
		expect(flow.error).toBeUndefined();

		await flow.unlock('');
		expect(flow.error).toMatch(/Enter the passphrase/);
		expect(read).toHaveBeenCalledTimes(1);

		await flow.unlock('wrong');
		expect(flow.step.kind).toBe('passphrase');
		expect(flow.error).toBe('That passphrase does not open this backup.');

		await flow.unlock('right');
		expect(flow.error).toBeUndefined();
		expect(flow.step).toMatchObject({
			kind: 'preview',
			preview: {
				contacts: 1,
				trashed: 1,
				others: ['1 touchpoint'],
				appVersion: '0.1.0',
				encrypted: true
			}
		});
		expect(restore).not.toHaveBeenCalled();

		expect(await flow.restore('replace')).toBe(true);
		expect(restore).toHaveBeenCalledWith(parsed, 'replace');
		expect(flow.step).toEqual({
			kind: 'done',
			mode: 'replace',
			lines: ['Contacts: 2 added', 'Touchpoints: 1 already here', 'Settings: 1 removed']
		});
	});

	it('refuses a bad file with its message, saying nothing changed, and never restores', async () => {
		const restore = vi.fn(async () => counts);
		const flow = new RestoreFlow({
			read: async () => {
				throw new BackupError('not-kith', 'This is not a Kith backup.');
			},
			restore
		});
		await flow.choose(file);
		expect(flow.step).toEqual({ kind: 'pick' });
		expect(flow.error).toBe('This is not a Kith backup. Nothing on this phone changed.');
		expect(await flow.restore('merge')).toBe(false);
		expect(restore).not.toHaveBeenCalled();
	});

	it('a failed restore keeps the preview and says why', async () => {
		const flow = new RestoreFlow({
			read: async () => parsed,
			restore: async () => {
				throw new DOMException('The disk is full.', 'QuotaExceededError');
			}
		});
		await flow.choose(file);
		expect(await flow.restore('merge')).toBe(false);
		expect(flow.step.kind).toBe('preview');
		expect(flow.error).toMatch(/no room left.*nothing changed/);
	});
});

describe('describeCounts', () => {
	it('leaves out tables the restore did not touch', () => {
		expect(describeCounts({ contacts: empty } as unknown as RestoreCounts)).toEqual([]);
	});
});
