// The Capture screen (/capture): the quick form for someone just met, found by accessible names.
import { expect, type Locator, type Page } from '@playwright/test';

export interface CaptureFields {
	name?: string;
	/** A circle's label, as its radio button reads ("Alumni"). */
	circle?: string;
	where?: string;
	organization?: string;
	role?: string;
	email?: string;
	link?: string;
	notes?: string;
}

export class CapturePage {
	readonly heading: Locator;
	readonly name: Locator;
	readonly where: Locator;
	readonly moreDetails: Locator;
	readonly organization: Locator;
	readonly role: Locator;
	readonly email: Locator;
	readonly link: Locator;
	readonly notes: Locator;
	readonly save: Locator;
	readonly saveAndAddAnother: Locator;
	readonly draftKept: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { name: 'Capture someone new' });
		this.name = page.getByLabel('Name');
		this.where = page.getByLabel('Where or how you met');
		this.moreDetails = page.getByRole('button', { name: /more details/i });
		this.organization = page.getByLabel('Organisation');
		this.role = page.getByLabel('Role');
		this.email = page.getByLabel('Email');
		this.link = page.getByLabel('Link');
		this.notes = page.getByLabel('Notes');
		this.save = page.getByRole('button', { name: 'Save', exact: true });
		this.saveAndAddAnother = page.getByRole('button', { name: 'Save and add another' });
		this.draftKept = page.getByText('Draft kept on this device');
	}

	circle(label: string): Locator {
		return this.page.getByRole('radio', { name: label });
	}

	/** Opens Capture from the navigation bar. */
	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Capture', exact: true }).click();
		await expect(this.heading).toBeVisible();
	}

	/** Fills the fields given, opening "more details" when one of them is in it. */
	async fill(fields: CaptureFields): Promise<void> {
		if (fields.name !== undefined) await this.name.fill(fields.name);
		if (fields.circle) await this.circle(fields.circle).check();
		if (fields.where !== undefined) await this.where.fill(fields.where);
		const details = [
			[this.organization, fields.organization],
			[this.role, fields.role],
			[this.email, fields.email],
			[this.link, fields.link],
			[this.notes, fields.notes]
		] as const;
		if (details.some(([, value]) => value !== undefined)) await this.moreDetails.click();
		for (const [field, value] of details) if (value !== undefined) await field.fill(value);
	}

	/** Saves with the Save button and waits for the new contact's page. */
	async saveAndOpen(name: string): Promise<void> {
		await this.save.click();
		await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
	}
}
