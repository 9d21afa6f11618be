// A contact's page (/contacts/[id]) and its edit form (/contacts/[id]/edit), by accessible names.
import type { Locator, Page } from '@playwright/test';

export class ContactPage {
	readonly edit: Locator;
	readonly delete: Locator;
	readonly undo: Locator;
	/** The edit form's fields and buttons. */
	readonly role: Locator;
	readonly where: Locator;
	readonly introducedBy: Locator;
	readonly followUpOn: Locator;
	readonly saveChanges: Locator;
	readonly cancel: Locator;
	readonly draftKept: Locator;

	constructor(readonly page: Page) {
		this.edit = page.getByRole('link', { name: 'Edit' });
		this.delete = page.getByRole('button', { name: 'Delete' });
		this.undo = page.getByRole('button', { name: 'Undo' });
		this.role = page.getByLabel('Role');
		this.where = page.getByLabel('Where or how you met');
		this.introducedBy = page.getByLabel('Introduced by');
		this.followUpOn = page.getByLabel('Follow up on');
		this.saveChanges = page.getByRole('button', { name: 'Save changes' });
		this.cancel = page.getByRole('button', { name: 'Cancel' });
		this.draftKept = page.getByText('Draft kept on this device');
	}

	/** The page's main heading, the contact's name. */
	heading(name: string): Locator {
		return this.page.getByRole('heading', { level: 1, name });
	}

	/** Picks the introducer from the suggestions that typing `search` brings up. */
	async pickIntroducer(search: string, name: RegExp): Promise<void> {
		await this.introducedBy.fill(search);
		await this.page.getByRole('button', { name }).click();
	}
}
