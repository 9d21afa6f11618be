// The Import screen (/settings/import): a vCard or CSV file, its mapping, preview and summary.
import { expect, type Locator, type Page } from '@playwright/test';

export class ImportPage {
	readonly heading: Locator;
	readonly file: Locator;
	readonly readyHeading: Locator;
	readonly doneHeading: Locator;
	readonly problems: Locator;
	readonly undo: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Import contacts' });
		this.file = page.getByLabel('File to import (.vcf or .csv)');
		this.readyHeading = page.getByRole('heading', { name: 'Ready to import' });
		this.doneHeading = page.getByRole('heading', { name: 'Import done' });
		this.problems = page.getByRole('list', { name: 'Rows that could not be read' });
		this.undo = page.getByRole('button', { name: 'Undo import' });
	}

	/** Opens the import page from Settings, as a person would. */
	async open(): Promise<void> {
		await this.page.getByRole('link', { name: 'Settings', exact: true }).click();
		await this.page.getByRole('link', { name: 'Import from a file' }).click();
		await expect(this.heading).toBeVisible();
	}

	/** Chooses a file made of `text`. */
	async choose(name: string, text: string, mimeType = 'text/csv'): Promise<void> {
		await this.file.setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
	}

	/** The preview's count line that matches `label` ("1 new contact"...). */
	count(label: RegExp): Locator {
		return this.page
			.getByRole('list', { name: 'What the import will do' })
			.getByRole('listitem')
			.filter({ hasText: label });
	}

	/** A file row the preview asks about, by its group's name ("Line 5: Ada Lovelace (...)"). */
	row(name: string): Locator {
		return this.page.getByRole('group', { name });
	}

	/** The button that imports, which names how many ("Import 2 contacts"). */
	importButton(name: string | RegExp): Locator {
		return this.page.getByRole('button', { name });
	}

	/** The column mapping's choice for one column of the file. */
	column(header: string): Locator {
		return this.page.getByLabel(`Column “${header}”`);
	}
}
