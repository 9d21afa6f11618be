import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as qrReader from '$lib/device/qr-reader';
import { SYNC_OFF, type SyncView } from '$lib/domain/sync-view';
import { MIN_PASSPHRASE_LENGTH } from '$lib/sync/seal';
import SyncPanel from './SyncPanel.svelte';

vi.mock('$lib/device/qr-reader', { spy: true });

// jsdom has <dialog> but not its modal methods; these behave like the browser's for what is tested.
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.setAttribute('open', '');
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		if (!this.hasAttribute('open')) return;
		this.removeAttribute('open');
		this.dispatchEvent(new Event('close'));
	};
});

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

const OFF: SyncView = SYNC_OFF;

const ON: SyncView = {
	...OFF,
	on: true,
	server: 'https://couch.example.org',
	username: 'ama',
	phase: 'idle'
};

function setup(view: SyncView = OFF, more: { busy?: boolean; error?: string | null } = {}) {
	const calls = {
		onTurnOn: vi.fn(),
		onJoinWithCode: vi.fn(),
		onSyncNow: vi.fn(),
		onTurnOff: vi.fn(),
		onShowJoinCode: vi.fn(() => Promise.resolve('kith-join:1:abc')),
		onApplyDeletes: vi.fn(),
		onKeepDeleted: vi.fn(),
		onRestoreBackup: vi.fn(),
		onRecordings: vi.fn()
	};
	const result = render(SyncPanel, { props: { view, busy: false, ...more, ...calls } });
	return { ...result, ...calls };
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

async function fill(values: Record<string, string>) {
	for (const [label, value] of Object.entries(values)) {
		await fireEvent.input(field(label), { target: { value } });
	}
}

describe('SyncPanel, when sync is off', () => {
	it('explains sync and labels every field, with the passphrase hint', () => {
		setup();
		const region = screen.getByRole('region', { name: 'Sync between devices' });
		expect(region).toHaveTextContent('Sync is optional');
		expect(region).toHaveTextContent('the server only ever holds sealed data');
		expect(region).toHaveTextContent('The passphrase never leaves this device');
		expect(region).toHaveTextContent('nobody can recover it');
		expect(region).toHaveTextContent('write it down');
		expect(field('Server address').type).toBe('text');
		expect(field('Username').type).toBe('text');
		expect(field('Password').type).toBe('password');
		const passphrase = field('Passphrase');
		expect(passphrase.type).toBe('password');
		expect(passphrase).toHaveAccessibleDescription(
			`At least ${MIN_PASSPHRASE_LENGTH} characters. Use the same passphrase on every device.`
		);
		expect(field('Join code')).toBeTruthy();
		expect(button('Turn on sync')).toBeTruthy();
		expect(button('Join')).toBeTruthy();
		// Nothing about a running sync while it is off.
		expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
	});

	it('says next to each empty field what it needs, and sends nothing', async () => {
		const { onTurnOn } = setup();
		await fireEvent.click(button('Turn on sync'));
		expect(onTurnOn).not.toHaveBeenCalled();
		for (const [label, message] of [
			['Server address', 'Type the address of your sync server'],
			['Username', 'Type your username on that server.'],
			['Password', 'Type your password on that server.'],
			['Passphrase', 'Choose a passphrase']
		] as const) {
			expect(field(label)).toHaveAttribute('aria-invalid', 'true');
			expect(field(label)).toHaveAccessibleDescription(expect.stringContaining(message));
		}
		expect(document.activeElement).toBe(field('Server address'));

		await fill({ 'Server address': 'couch.example.org', Username: 'ama' });
		await fireEvent.click(button('Turn on sync'));
		expect(field('Server address')).not.toHaveAttribute('aria-invalid');
		expect(document.activeElement).toBe(field('Password'));
		expect(onTurnOn).not.toHaveBeenCalled();
	});

	it('refuses a passphrase shorter than the sealing allows, and sends a long enough one', async () => {
		const { onTurnOn } = setup();
		const short = 'a'.repeat(MIN_PASSPHRASE_LENGTH - 1);
		await fill({
			'Server address': '  couch.example.org ',
			Username: ' ama ',
			Password: ' secret ',
			Passphrase: short
		});
		await fireEvent.click(button('Turn on sync'));
		expect(onTurnOn).not.toHaveBeenCalled();
		expect(field('Passphrase')).toHaveAccessibleDescription(
			expect.stringContaining(`Use at least ${MIN_PASSPHRASE_LENGTH} characters.`)
		);

		await fill({ Passphrase: `${short}🙂` });
		await fireEvent.click(button('Turn on sync'));
		expect(onTurnOn).toHaveBeenCalledExactlyOnceWith({
			server: 'couch.example.org',
			username: 'ama',
			password: ' secret ',
			passphrase: `${short}🙂`
		});
		expect(field('Passphrase')).not.toHaveAttribute('aria-invalid');
	});

	it('shows the passphrase when asked', async () => {
		setup();
		await fireEvent.click(screen.getByRole('checkbox', { name: 'Show the passphrase' }));
		expect(field('Passphrase').type).toBe('text');
	});

	it('joins with a pasted code, and asks for one when the field is empty', async () => {
		const { onJoinWithCode } = setup();
		await fireEvent.click(button('Join'));
		expect(onJoinWithCode).not.toHaveBeenCalled();
		expect(field('Join code')).toHaveAccessibleDescription(
			'Paste the join code from your other device, or scan it.'
		);
		await fill({ 'Join code': '  kith-join:1:abc\n' });
		await fireEvent.click(button('Join'));
		expect(onJoinWithCode).toHaveBeenCalledExactlyOnceWith('kith-join:1:abc');
	});

	it('shows a refusal under the form it answers', async () => {
		const { rerender } = setup();
		await fill({ 'Join code': 'kith-join:1:abc' });
		await fireEvent.click(button('Join'));
		await rerender({ error: 'This is not a Kith join code.' });
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('This is not a Kith join code.');
		const joinForm = screen.getByRole('form', { name: 'Join with a code from another device' });
		expect(joinForm).toContainElement(alert);

		await fill({
			'Server address': 'couch.example.org',
			Username: 'ama',
			Password: 'pw',
			Passphrase: 'correct horse'
		});
		await fireEvent.click(button('Turn on sync'));
		await rerender({ error: 'That passphrase does not open the data on this server.' });
		const accountForm = screen.getByRole('form', { name: 'Sync with your server' });
		expect(within(accountForm).getByRole('alert')).toHaveTextContent('That passphrase');
		expect(within(joinForm).queryByRole('alert')).toBeNull();
	});

	it('waits while an action runs', () => {
		setup(OFF, { busy: true });
		for (const name of ['Turn on sync', 'Join', 'Scan join code']) {
			expect(button(name)).toBeDisabled();
		}
	});

	it('forgets the password, passphrase and code once sync is on', async () => {
		const { rerender } = setup();
		await fill({ Password: 'pw', Passphrase: 'correct horse', 'Join code': 'kith-join:1:abc' });
		await rerender({ view: ON });
		await rerender({ view: OFF });
		expect(field('Password').value).toBe('');
		expect(field('Passphrase').value).toBe('');
		expect(field('Join code').value).toBe('');
	});

	it('joins with a scanned code, and keeps looking past other QR codes', async () => {
		Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
		Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
		const still = vi.fn<() => Promise<string | undefined>>();
		vi.mocked(qrReader.createQrReader).mockResolvedValue({
			engine: 'jsQR',
			frame: () => Promise.resolve(undefined),
			still
		});
		vi.stubGlobal(
			'createImageBitmap',
			vi.fn(() => Promise.resolve({ close: () => {} }))
		);
		const user = userEvent.setup();
		const { onJoinWithCode } = setup();
		await user.click(button('Scan join code'));
		const photo = await screen.findByLabelText('Choose a photo');
		const file = new File(['x'], 'code.png', { type: 'image/png' });

		still.mockResolvedValueOnce('BEGIN:VCARD\r\nFN:Ama\r\nEND:VCARD');
		await user.upload(photo, file);
		expect(await screen.findByText(/That QR code is not a Kith join code/)).toBeTruthy();
		expect(onJoinWithCode).not.toHaveBeenCalled();

		still.mockResolvedValueOnce(' kith-join:1:abc ');
		await user.upload(photo, file);
		await waitFor(() => expect(onJoinWithCode).toHaveBeenCalledExactlyOnceWith('kith-join:1:abc'));
		expect(field('Join code').value).toBe('kith-join:1:abc');
		await waitFor(() => expect(screen.queryByLabelText('Choose a photo')).toBeNull());
		expect(button('Scan join code')).toBeTruthy();
		vi.unstubAllGlobals();
	});
});

describe('SyncPanel, when sync is on', () => {
	it('says with whom, when it last synced and what is waiting, and keeps the time current', async () => {
		vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
		const now = new Date(2025, 4, 20, 12, 0).getTime();
		vi.setSystemTime(now);
		setup({ ...ON, lastSyncedAt: now - 2 * 60_000, waiting: 3 });
		const region = screen.getByRole('region', { name: 'Sync between devices' });
		expect(region).toHaveTextContent('Syncing with https://couch.example.org as ama');
		expect(screen.getByText('Last synced 2 minutes ago')).toBeTruthy();
		expect(screen.getByText('3 changes waiting')).toBeTruthy();
		expect(screen.getByRole('status')).toHaveTextContent('Your changes go at the next sync.');
		expect(screen.queryByLabelText('Server address')).toBeNull();

		vi.advanceTimersByTime(60 * 60_000);
		await tick();
		expect(screen.getByText('Last synced 1 hour ago')).toBeTruthy();
	});

	it('counts one change, none, and a device not synced yet', async () => {
		const { rerender } = setup({ ...ON, waiting: 1 });
		expect(screen.getByText('1 change waiting')).toBeTruthy();
		expect(screen.getByText('Not synced yet')).toBeTruthy();
		await rerender({ view: { ...ON, waiting: 0 } });
		expect(screen.getByText('No changes waiting')).toBeTruthy();
		expect(screen.getByRole('status')).toHaveTextContent('Up to date.');
	});

	it('shows the last problem as an alert, and each phase in words', async () => {
		const { rerender } = setup({ ...ON, phase: 'problem', problem: 'The server is out of space.' });
		expect(screen.getByRole('alert')).toHaveTextContent('The server is out of space.');
		await rerender({ view: { ...ON, phase: 'offline' } });
		expect(screen.queryByRole('alert')).toBeNull();
		expect(screen.getByRole('status')).toHaveTextContent(/^Offline\./);
		await rerender({ view: { ...ON, phase: 'syncing' } });
		expect(screen.getByRole('status')).toHaveTextContent('Syncing…');
	});

	it('asks for an update when a newer Kith wrote some records', async () => {
		const { rerender } = setup({ ...ON, held: 2 });
		expect(
			screen.getByText(/Update Kith on this device: 2 records were saved by a newer version\./)
		).toBeTruthy();
		await rerender({ view: { ...ON, held: 1 } });
		expect(
			screen.getByText(/Update Kith on this device: 1 record was saved by a newer version\./)
		).toBeTruthy();
		await rerender({ view: ON });
		expect(screen.queryByText(/Update Kith/)).toBeNull();
	});

	it('asks about a paused round of many deletes, and passes on the answer', async () => {
		const { onApplyDeletes, onKeepDeleted, rerender } = setup({
			...ON,
			phase: 'paused',
			pausedDeletes: { count: 60 }
		});
		const ask = screen.getByRole('group', { name: 'Delete 60 records here too?' });
		expect(ask).toHaveTextContent('The next sync would delete 60 records on this device');
		await fireEvent.click(within(ask).getByRole('button', { name: 'Delete them here too' }));
		expect(onApplyDeletes).toHaveBeenCalledOnce();
		await fireEvent.click(within(ask).getByRole('button', { name: 'Keep them' }));
		expect(onKeepDeleted).toHaveBeenCalledOnce();
		await rerender({ view: ON });
		expect(screen.queryByRole('button', { name: 'Keep them' })).toBeNull();
	});

	it('lets this device leave recordings from elsewhere off, and bring them back', async () => {
		const { onRecordings, rerender } = setup(ON);
		const box = screen.getByRole('checkbox', { name: /Bring recordings of rehearsals/ });
		expect(box).toBeChecked();
		await fireEvent.click(box);
		expect(onRecordings).toHaveBeenLastCalledWith(false);
		await rerender({ view: { ...ON, recordings: false } });
		expect(box).not.toBeChecked();
		await fireEvent.click(box);
		expect(onRecordings).toHaveBeenLastCalledWith(true);
	});

	it('syncs now when asked, and waits while an action runs', async () => {
		const { onSyncNow, rerender } = setup(ON);
		await fireEvent.click(button('Sync now'));
		expect(onSyncNow).toHaveBeenCalledOnce();
		await rerender({ busy: true });
		for (const name of ['Sync now', 'Show join code', 'Turn off sync on this device']) {
			expect(button(name)).toBeDisabled();
		}
	});

	it('turns off only after saying what stays, and not on Cancel', async () => {
		const { onTurnOff } = setup({ ...ON, waiting: 2 });
		await fireEvent.click(button('Turn off sync on this device'));
		const dialog = screen.getByRole('dialog', { name: 'Turn off sync on this device?' });
		expect(dialog).toHaveTextContent('Everything stays on this device');
		expect(dialog).toHaveTextContent('nothing is deleted on the server');
		expect(dialog).toHaveTextContent('2 changes made here have not reached the server yet');
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
		expect(onTurnOff).not.toHaveBeenCalled();
		expect(dialog).not.toHaveAttribute('open');

		await fireEvent.click(button('Turn off sync on this device'));
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Turn off sync' }));
		expect(onTurnOff).toHaveBeenCalledOnce();
	});

	it('shows the join code as a QR code and as text, with a warning, until hidden', async () => {
		vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => {
			throw new Error('no canvas here');
		});
		const { onShowJoinCode } = setup(ON);
		await fireEvent.click(button('Show join code'));
		expect(onShowJoinCode).toHaveBeenCalledOnce();
		const shown = await screen.findByRole('group', { name: 'Join code' });
		expect(shown).toHaveTextContent('Anyone who sees this code can read and change your Kith data');
		expect(within(shown).getByRole('img', { name: 'The join code as a QR code' })).toBeTruthy();
		expect(
			(within(shown).getByLabelText('The join code as text') as HTMLTextAreaElement).value
		).toBe('kith-join:1:abc');
		// Without a picture, the text is still there to copy.
		expect(await within(shown).findByRole('alert')).toHaveTextContent(
			'Copy the join code as text instead.'
		);
		expect(screen.queryByRole('button', { name: 'Show join code' })).toBeNull();

		await fireEvent.click(within(shown).getByRole('button', { name: 'Hide' }));
		expect(screen.queryByRole('group', { name: 'Join code' })).toBeNull();
		expect(screen.queryByText(/kith-join/)).toBeNull();
		expect(button('Show join code')).toBeTruthy();
	});

	it('says so when the join code cannot be made', async () => {
		const { onShowJoinCode } = setup(ON);
		onShowJoinCode.mockRejectedValueOnce(new Error('no key'));
		await fireEvent.click(button('Show join code'));
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Kith could not make a join code just now.'
		);
		expect(button('Show join code')).toBeTruthy();
	});

	it('shows a refusal from the last action', () => {
		setup(ON, { error: 'The server did not accept that username and password.' });
		expect(screen.getByRole('alert')).toHaveTextContent('did not accept');
	});

	it('lists the copies made before syncing, newest first, and restores one after asking', async () => {
		const at = new Date(2025, 4, 20, 9, 30).getTime();
		const { onRestoreBackup } = setup({
			...ON,
			backups: [
				{ id: 'b1', at, reason: 'first-sync' },
				{ id: 'b2', at: at + 86_400_000, reason: 'mass-delete' }
			]
		});
		const list = screen.getByRole('group', { name: 'Copies made before syncing' });
		const items = within(list).getAllByRole('listitem');
		expect(items).toHaveLength(2);
		expect(items[0]).toHaveTextContent(
			'Before deleting records that were deleted on another device'
		);
		expect(items[1]).toHaveTextContent('Before the first sync on this device');
		const restore = within(items[1]!).getByRole('button', { name: /^Restore the copy of / });

		await fireEvent.click(restore);
		const dialog = screen.getByRole('dialog', { name: 'Restore this copy?' });
		expect(dialog).toHaveTextContent('before the first sync on this device');
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
		expect(onRestoreBackup).not.toHaveBeenCalled();

		await fireEvent.click(restore);
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this copy' }));
		expect(onRestoreBackup).toHaveBeenCalledExactlyOnceWith('b1');
	});

	it('says when no copy was made yet', () => {
		setup(ON);
		const list = screen.getByRole('group', { name: 'Copies made before syncing' });
		expect(list).toHaveTextContent('No copies yet.');
	});
});
