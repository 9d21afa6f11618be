// Settings' "Back up and restore" section (/settings#backup), by accessible names.
import { expect, type Locator, type Page } from '@playwright/test';

export class BackupSettings {
	readonly heading: Locator;
	readonly passphrase: Locator;
	readonly passphraseAgain: Locator;
	readonly backUpNow: Locator;
	readonly lastBackup: Locator;
	readonly deleteAllData: Locator;
	/** The Restore part, its heading's section. */
	readonly restore: Locator;
	readonly backupFile: Locator;
	readonly preview: Locator;
	readonly passphraseForBackup: Locator;
	readonly openBackup: Locator;
	readonly restoreButton: Locator;
	readonly restoreCounts: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { name: 'Back up and restore' });
		this.passphrase = page.getByLabel('Passphrase (optional)');
		this.passphraseAgain = page.getByLabel('Passphrase again');
		this.backUpNow = page.getByRole('button', { name: 'Back up now' });
		this.lastBackup = page.getByTestId('last-backup');
		this.deleteAllData = page.getByRole('button', { name: 'Delete all data' });
		this.restore = page.getByRole('heading', { name: 'Restore', exact: true }).locator('..');
		this.backupFile = page.getByLabel('Backup file');
		this.preview = page.getByTestId('backup-preview');
		this.passphraseForBackup = page.getByLabel('Passphrase for this backup');
		this.openBackup = page.getByRole('button', { name: 'Open the backup' });
		this.restoreButton = page.getByRole('button', { name: 'Restore', exact: true });
		this.restoreCounts = page.getByTestId('restore-counts');
	}

	/** Opens Settings from the navigation bar. */
	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Settings', exact: true }).click();
		await expect(this.heading).toBeVisible();
	}

	/** Backs up, with a passphrase when one is given, and saves the file at `path`; its name. */
	async backUp(path: string, passphrase?: string): Promise<string> {
		if (passphrase !== undefined) {
			await this.passphrase.fill(passphrase);
			await this.passphraseAgain.fill(passphrase);
		}
		const download = this.page.waitForEvent('download');
		await this.backUpNow.click();
		const file = await download;
		await file.saveAs(path);
		await expect(this.page.getByText('Backed up just now.')).toBeVisible();
		await expect(this.lastBackup).toContainText('Last backup:');
		return file.suggestedFilename();
	}

	/** Deletes all data through its dialog, which must name the number of contacts. */
	async deleteEverything(contacts: number): Promise<void> {
		await this.deleteAllData.click();
		const dialog = this.page.getByRole('dialog', { name: 'Delete all data?' });
		await expect(dialog).toContainText(`All ${contacts} contact`);
		await expect(dialog).toContainText('Back up first');
		await dialog.getByRole('button', { name: 'Delete everything' }).click();
		await expect(dialog).toBeHidden();
	}

	/** From the preview of a chosen backup: replace everything, confirming in the dialog. */
	async replaceEverything(): Promise<void> {
		await this.page.getByRole('radio', { name: /Replace everything on this phone/ }).check();
		await this.restoreButton.click();
		const dialog = this.page.getByRole('dialog', { name: 'Replace everything on this phone?' });
		await expect(dialog).toContainText('cannot be undone');
		await dialog.getByRole('button', { name: 'Replace everything' }).click();
		await expect(this.page.getByText('Restored.', { exact: true })).toBeVisible();
	}
}
