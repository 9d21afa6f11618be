import { expect, test } from '@playwright/test';

test('when the browser will not open the database, screens say so instead of looking empty', async ({
	page
}) => {
	// As in some private windows, or with storage switched off: every open fails.
	await page.addInitScript(() => {
		Object.defineProperty(IDBFactory.prototype, 'open', {
			value: () => {
				throw new DOMException('Storage is switched off in this window.', 'UnknownError');
			}
		});
	});
	await page.goto('/');
	await expect(page.getByRole('alert').first()).toContainText(/Kith could not/);
	await expect(page.getByRole('heading', { name: 'Welcome to Kith' })).toHaveCount(0);
	await page.goto('/contacts/trash');
	await expect(page.getByRole('alert').first()).toContainText(/Kith could not/);
	await expect(page.getByText('The trash is empty')).toHaveCount(0);
});
