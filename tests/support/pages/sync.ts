import { expect, type Page } from '@playwright/test';
import type { SyncServer } from '../sync-server';

/** Settings > Sync between devices, as a person uses it. */
export class SyncSettings {
	constructor(readonly page: Page) {}

	get panel() {
		return this.page.getByRole('region', { name: 'Sync between devices' });
	}

	async open() {
		await this.page.goto('/settings');
		await expect(this.panel).toBeVisible();
	}

	async turnOn(
		server: Pick<SyncServer, 'url' | 'username' | 'password'>,
		passphrase: string,
		{ password = server.password }: { password?: string } = {}
	) {
		await this.open();
		await this.panel.getByLabel('Server address').fill(server.url);
		await this.panel.getByLabel('Username').fill(server.username);
		await this.panel.getByLabel('Password', { exact: true }).fill(password);
		await this.panel.getByLabel('Passphrase', { exact: true }).fill(passphrase);
		await this.panel.getByRole('button', { name: 'Turn on sync' }).click();
	}

	/** Waits until a round has finished with nothing left to send. */
	async upToDate() {
		await expect(this.panel.getByRole('status')).toHaveText('Up to date.', { timeout: 30_000 });
		await expect(this.panel.getByText('No changes waiting')).toBeVisible();
	}

	/** Syncs and waits for that round to end (the button waits while it runs in this tab). */
	async syncNow() {
		await this.open();
		const button = this.panel.getByRole('button', { name: 'Sync now' });
		await button.click();
		await expect(button).toBeEnabled({ timeout: 30_000 });
		await this.upToDate();
	}

	async joinCode(): Promise<string> {
		await this.open();
		await this.panel.getByRole('button', { name: 'Show join code' }).click();
		const text = this.panel.getByLabel('The join code as text');
		await expect(text).toHaveValue(/^kith-join:/);
		return text.inputValue();
	}

	async join(code: string) {
		await this.open();
		await this.panel.getByLabel('Join code').fill(code);
		await this.panel.getByRole('button', { name: 'Join', exact: true }).click();
	}
}
