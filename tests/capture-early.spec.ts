import { expect, test } from '@playwright/test';
import { storedContacts } from './support/db';
import { CapturePage } from './support/pages/capture';

// The page comes from the network here, so that its code can be held back; with the service
// worker it comes from the worker's cache, as quickly.
test.use({ serviceWorkers: 'block' });

test("Capture's form takes typing before the app's code has run, and keeps it", async ({
	page
}) => {
	let release = () => {};
	const held = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	const form = new CapturePage(page);
	await page.goto('/capture', { waitUntil: 'commit' });
	await expect(form.name).toBeFocused();
	await form.name.pressSequentially('Ada Early');
	await form.circle('Alumni').check();
	await form.where.fill('Career fair');
	// Until the code is there, the buttons wait: Save would send the form away as a web form.
	await expect(form.save).toBeDisabled();
	await expect(form.moreDetails).toBeDisabled();

	release();
	await expect(form.save).toBeEnabled();
	await expect(form.name).toHaveValue('Ada Early');
	await expect(form.circle('Alumni')).toBeChecked();
	await expect(form.where).toHaveValue('Career fair');
	await expect(form.draftKept).toBeVisible();

	await form.saveAndOpen('Ada Early');
	const [stored] = await storedContacts(page);
	expect(stored).toMatchObject({ name: 'Ada Early', circle: 'alumni', metAt: 'Career fair' });
});
