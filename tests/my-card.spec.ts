import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { readFile } from 'node:fs/promises';
import { goOffline, openControlled } from './support/app';

test.use({ viewport: { width: 390, height: 844 } });

/** The pixels on the QR view's canvas, read back as a camera would see them. */
async function readQr(page: Page): Promise<string | undefined> {
	const picture = page.getByRole('img', { name: 'QR code of your card' });
	await expect(picture).toBeVisible();
	await expect(page.getByText('Drawing the QR code…')).toBeHidden();
	const box = await picture.boundingBox();
	expect(box?.width ?? 0).toBeGreaterThanOrEqual(260);
	const image = await picture.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
		const context = canvas.getContext('2d');
		if (!context) throw new Error('The QR canvas has no 2D context');
		const data = context.getImageData(0, 0, canvas.width, canvas.height);
		return { width: data.width, height: data.height, data: Array.from(data.data) };
	});
	return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data;
}

test('my card is kept offline, shown as a QR code that scans, and saved as a .vcf', async ({
	page,
	context
}) => {
	await openControlled(page, '/settings/card');
	await goOffline(context, page);
	await page.reload();

	await expect(page.getByRole('heading', { level: 1, name: 'My card' })).toBeVisible();
	await expect(
		page.getByText('show it as a QR code so they can save your details in seconds')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Show my QR code' })).toHaveCount(0);

	// Bad input is refused, with the message beside the field, and nothing is saved.
	await page.getByLabel('Email').fill('ama@');
	await page.getByRole('button', { name: 'Save my card' }).click();
	await expect(page.getByLabel('Your name')).toHaveAccessibleDescription(
		'Add your name, so people know whose card it is.'
	);
	await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/does not look complete/);
	await expect(page.getByRole('button', { name: 'Show my QR code' })).toHaveCount(0);

	await page.getByLabel('Your name').fill('Ama Mensah');
	await page.getByLabel('Headline').fill('Archives student, looking for records roles');
	await page.getByLabel('Email').fill('ama@example.org');
	await page.getByLabel('Phone').fill('+1 555 0100');
	await page.getByLabel('Link').fill('linkedin.com/in/ama-mensah');
	await page.getByRole('button', { name: 'Save my card' }).click();
	await expect(page.getByRole('button', { name: 'Show my QR code' })).toBeVisible();

	// Still there after a reload, offline.
	await page.reload();
	await expect(page.getByLabel('Your name')).toHaveValue('Ama Mensah');
	await expect(page.getByLabel('Email')).toHaveValue('ama@example.org');
	await expect(page.getByLabel('Link')).toHaveValue('https://linkedin.com/in/ama-mensah');

	await page.getByRole('button', { name: 'Show my QR code' }).click();
	const view = page.getByRole('dialog', { name: 'Ama Mensah' });
	await expect(view).toBeVisible();
	await expect(view.getByText('Archives student, looking for records roles')).toBeVisible();
	const scanned = await readQr(page);
	expect(scanned).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
	expect(scanned).toContain('FN:Ama Mensah\r\n');
	expect(scanned).toContain('EMAIL;TYPE=INTERNET:ama@example.org\r\n');
	expect(scanned).toContain('TEL;TYPE=CELL:+1 555 0100\r\n');
	expect(scanned).toContain('URL:https://linkedin.com/in/ama-mensah\r\n');

	await page.keyboard.press('Escape');
	await expect(view).toBeHidden();
	await page.getByRole('button', { name: 'Show my QR code' }).click();
	await expect(view).toBeVisible();
	await view.getByRole('button', { name: 'Close' }).click();
	await expect(view).toBeHidden();

	// Headless Chromium cannot share files, so the card downloads instead.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Share my card' }).click()
	]);
	expect(download.suggestedFilename()).toBe('Ama Mensah.vcf');
	const path = await download.path();
	const vcf = await readFile(path, 'utf8');
	expect(vcf).toContain('FN:Ama Mensah\r\n');
	expect(vcf).toContain('EMAIL;TYPE=INTERNET:ama@example.org\r\n');
	expect(vcf).toBe(scanned);
});

/**
 * What is on the screen where the QR code is (a screenshot of it, at the device's pixel ratio),
 * decoded with the scanner's decoder: a camera reads this, not the canvas's own pixels.
 */
async function readQrOnScreen(
	page: Page
): Promise<{ text?: string; width: number; height: number }> {
	const picture = page.getByRole('img', { name: 'QR code of your card' });
	await expect(page.getByText('Drawing the QR code…')).toBeHidden();
	const box = (await picture.locator('canvas').boundingBox())!;
	const png = await picture.locator('canvas').screenshot();
	const image = await page.evaluate(async (base64) => {
		const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
		const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(bitmap, 0, 0);
		const data = context.getImageData(0, 0, bitmap.width, bitmap.height);
		return { width: data.width, height: data.height, data: Array.from(data.data) };
	}, png.toString('base64'));
	const text = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data;
	return { text, width: box.width, height: box.height };
}

for (const deviceScaleFactor of [1, 2, 3]) {
	test.describe(`at device pixel ratio ${deviceScaleFactor}`, () => {
		test.use({ deviceScaleFactor });

		test('my card’s QR code is square on screen and scans back as the card', async ({ page }) => {
			await page.goto('/settings/card');
			await page.getByLabel('Your name').fill('Dee Pixel');
			await page.getByLabel('Email').fill('dee@example.org');
			await page.getByRole('button', { name: 'Save my card' }).click();
			await page.getByRole('button', { name: 'Show my QR code' }).click();
			await expect(page.getByRole('dialog', { name: 'Dee Pixel' })).toBeVisible();
			const shown = await readQrOnScreen(page);
			expect(Math.abs(shown.width - shown.height)).toBeLessThan(1);
			expect(shown.text).toContain('FN:Dee Pixel\r\n');
			expect(shown.text).toContain('EMAIL;TYPE=INTERNET:dee@example.org\r\n');
		});
	});
}
