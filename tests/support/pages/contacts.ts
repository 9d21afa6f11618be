// The Contacts screen (/contacts): the search, the circle filter and the list, by accessible names.
import type { Locator, Page } from '@playwright/test';

export class ContactsPage {
	readonly search: Locator;
	readonly circle: Locator;
	/** The contacts listed, one link each. */
	readonly listed: Locator;
	/** "3", or "2 of 3" while a filter hides some. */
	readonly count: Locator;

	constructor(readonly page: Page) {
		this.search = page.getByLabel('Search contacts');
		this.circle = page.getByLabel('Circle');
		this.listed = page.getByRole('list', { name: 'Contacts' }).getByRole('link');
		this.count = page.getByTestId('contact-count');
	}

	/** Opens Contacts from the navigation bar (it starts afresh, with no search or filter). */
	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Contacts', exact: true }).click();
	}

	async filterByCircle(label: string): Promise<void> {
		await this.circle.selectOption({ label });
	}

	/** Opens the page of the listed contact whose entry reads `name`. */
	async openContact(name: string): Promise<void> {
		await this.listed.filter({ hasText: name }).click();
	}
}
