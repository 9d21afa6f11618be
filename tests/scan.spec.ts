import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { goOffline, openControlled, storedContacts } from './support/app';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

const VCARD = [
	'BEGIN:VCARD',
	'VERSION:3.0',
	'N:Raman;Priya;;;',
	'FN:Priya Raman',
	'ORG:Riverside Library',
	'TITLE:Records manager',
	'EMAIL;TYPE=INTERNET:priya@example.org',
	'TEL;TYPE=CELL:+1 555 0101',
	'URL:https://www.linkedin.com/in/priya-raman',
	'NOTE:Happy to talk about archives jobs',
	'END:VCARD'
].join('\r\n');

const MECARD =
	'MECARD:N:Lee,Sam;ORG:Acme Design;TITLE:UX researcher;TEL:+1 555 0102;EMAIL:sam@example.org;URL:https://sam.example;;';

/** Where a screenshot goes: SHOTS_DIR when set (to look at), else the test's output folder. */
function shot(name: string): string {
	return process.env.SHOTS_DIR ? join(process.env.SHOTS_DIR, name) : test.info().outputPath(name);
}

async function qrPng(text: string): Promise<Buffer> {
	return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}

/**
 * A video file Chromium's fake camera can play: the QR code drawn black on white, 8 pixels to a
 * module, in the middle of a grey frame. YUV 4:2:0, so colour planes are a quarter size at 128.
 */
async function qrVideo(text: string, path: string): Promise<void> {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const width = 640;
	const height = 480;
	const quiet = 4;
	const scale = Math.min(8, Math.floor(Math.min(width, height) / (modules.size + 2 * quiet)));
	const side = (modules.size + 2 * quiet) * scale;
	const left = Math.floor((width - side) / 2);
	const top = Math.floor((height - side) / 2);
	const luma = Buffer.alloc(width * height, 150);
	for (let y = 0; y < side; y++) {
		for (let x = 0; x < side; x++) {
			const row = Math.floor(y / scale) - quiet;
			const col = Math.floor(x / scale) - quiet;
			const inCode = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
			const dark = inCode && modules.get(row, col);
			luma[(top + y) * width + left + x] = dark ? 16 : 235;
		}
	}
	const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
	await writeFile(path, Buffer.concat([header, frame, frame, frame]));
}

/** A Chromium whose only camera shows the given QR code, and lets the page use it unasked. */
async function browserWithCamera(text: string, file: string): Promise<Browser> {
	await qrVideo(text, file);
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			...chromiumArgs,
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${file}`
		]
	});
}

async function phone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 1,
		isMobile: true,
		hasTouch: true,
		serviceWorkers: 'allow'
	});
	return context.newPage();
}

/** Whether this browser has a BarcodeDetector for QR codes; without one the scanner uses jsQR. */
async function reportEngineFromCapture(page: Page): Promise<void> {
	const native = await page.evaluate(async () => {
		const D = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } })
			.BarcodeDetector;
		return D ? (await D.getSupportedFormats()).includes('qr_code') : false;
	});
	test
		.info()
		.annotations.push({ type: 'QR decoder', description: native ? 'BarcodeDetector' : 'jsQR' });
}

/** Which decoder the scanner used: the browser's BarcodeDetector or jsQR. */
async function reportEngine(page: Page): Promise<string> {
	const engine = (await page.locator('[data-engine]').getAttribute('data-engine')) ?? 'none';
	test.info().annotations.push({ type: 'QR decoder', description: engine });
	return engine;
}

test('scan a photo of a vCard QR code, offline, into the capture form and save it', async ({
	page,
	context
}) => {
	await openControlled(page, '/capture/scan');
	await goOffline(context, page);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Scan a card' })).toBeVisible();
	await page.goto('/capture');

	await page.getByRole('link', { name: 'Scan a card' }).click();
	await expect(page).toHaveURL(/\/capture\/scan$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Scan a card' })).toBeVisible();

	await page.getByLabel('Choose a photo').setInputFiles({
		name: 'card.png',
		mimeType: 'image/png',
		buffer: await qrPng(VCARD)
	});

	await expect(page).toHaveURL(/\/capture$/);
	await expect(page.getByLabel('Name')).toHaveValue('Priya Raman');
	await expect(page.getByLabel('Organisation')).toHaveValue('Riverside Library');
	await expect(page.getByLabel('Role')).toHaveValue('Records manager');
	await expect(page.getByLabel('Email')).toHaveValue('priya@example.org');
	await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0101');
	await expect(page.getByLabel('Link')).toHaveValue('https://www.linkedin.com/in/priya-raman');
	await expect(page.getByLabel('Notes')).toHaveValue('Happy to talk about archives jobs');
	await reportEngineFromCapture(page);

	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
	const [stored] = await storedContacts(page);
	expect(stored).toMatchObject({
		name: 'Priya Raman',
		organization: 'Riverside Library',
		role: 'Records manager',
		emails: ['priya@example.org'],
		phones: ['+1 555 0101'],
		links: ['https://www.linkedin.com/in/priya-raman'],
		notes: 'Happy to talk about archives jobs'
	});
});

test('photos that hold no usable code say so, and the next good photo still works', async ({
	page
}) => {
	await page.goto('/capture/scan');
	const photo = page.getByLabel('Choose a photo');

	await photo.setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('not a picture')
	});
	await expect(page.getByText('That file could not be opened as a picture.')).toBeVisible();

	// A plain grey picture: no code in it at all.
	const grey = await page.evaluate(() => {
		const canvas = document.createElement('canvas');
		canvas.width = 400;
		canvas.height = 300;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2D context');
		context.fillStyle = '#ddd';
		context.fillRect(0, 0, 400, 300);
		return canvas.toDataURL('image/png').split(',')[1] ?? '';
	});
	await photo.setInputFiles({
		name: 'grey.png',
		mimeType: 'image/png',
		buffer: Buffer.from(grey, 'base64')
	});
	await expect(page.getByText('No QR code was found in this photo.')).toBeVisible();

	await photo.setInputFiles({
		name: 'wifi.png',
		mimeType: 'image/png',
		buffer: await qrPng('WIFI:T:WPA;S:Cafe;P:secret;;')
	});
	await expect(
		page.getByRole('alert').filter({ hasText: 'other than a contact card' })
	).toContainText('WIFI:T:WPA;S:Cafe');
	await expect(page).toHaveURL(/\/capture\/scan$/);

	await photo.setInputFiles({
		name: 'profile.png',
		mimeType: 'image/png',
		buffer: await qrPng('https://www.linkedin.com/in/ama-mensah-4b21a9')
	});
	await expect(page).toHaveURL(/\/capture$/);
	await expect(
		page.getByText('The name was guessed from the link. Check it before you save.')
	).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveValue('Ama Mensah');
	await expect(page.getByLabel('Link')).toHaveValue(
		'https://www.linkedin.com/in/ama-mensah-4b21a9'
	);
});

test.describe('with a camera', () => {
	test('the live camera reads a MECARD, and it waits beside an unsaved capture', async () => {
		const browser = await browserWithCamera(MECARD, test.info().outputPath('mecard.y4m'));
		try {
			const page = await phone(browser);
			await page.goto('/capture');
			await page.getByLabel('Name').fill('Maya Chen');
			await expect(page.getByText('Draft kept on this device')).toBeVisible();
			await page.getByRole('link', { name: 'Scan a card' }).click();

			await expect(page).toHaveURL(/\/capture$/, { timeout: 20_000 });
			await reportEngineFromCapture(page);
			// Maya is not overwritten: the scanned card is kept aside until the user says.
			await expect(page.getByLabel('Name')).toHaveValue('Maya Chen');
			const kept = page.getByRole('region', { name: 'Shared, not used yet' });
			await expect(kept).toContainText('Sam Lee');
			await expect(kept).toContainText('UX researcher, Acme Design');
			await expect(kept).toContainText('sam@example.org');

			await page.getByRole('button', { name: 'Save and add another' }).click();
			await expect(page.getByText('Saved Maya Chen. Next person?')).toBeVisible();
			await kept.getByRole('button', { name: 'Use it' }).click();
			await expect(page.getByLabel('Name')).toHaveValue('Sam Lee');
			await expect(page.getByLabel('Organisation')).toHaveValue('Acme Design');
			await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0102');
			await page.getByRole('button', { name: 'Save', exact: true }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Sam Lee' })).toBeVisible();
			const byName = Object.fromEntries((await storedContacts(page)).map((c) => [c.name, c]));
			expect(byName['Sam Lee']).toMatchObject({
				organization: 'Acme Design',
				role: 'UX researcher',
				emails: ['sam@example.org'],
				phones: ['+1 555 0102'],
				links: ['https://sam.example']
			});
		} finally {
			await browser.close();
		}
	});

	test('the live camera keeps looking past a code that is not a card, then stops when left', async () => {
		const browser = await browserWithCamera(
			'WIFI:T:WPA;S:Cafe;P:secret;;',
			test.info().outputPath('wifi.y4m')
		);
		try {
			const page = await phone(browser);
			await page.goto('/capture/scan');
			await expect(page.getByText('Point the camera at the QR code.')).toBeVisible();
			await expect(
				page.getByRole('alert').filter({ hasText: 'other than a contact card' })
			).toBeVisible({ timeout: 20_000 });
			const engine = await reportEngine(page);
			expect(['jsQR', 'BarcodeDetector']).toContain(engine);
			await expect(page.getByText('Point the camera at the QR code.')).toBeVisible();
			await page.screenshot({ path: shot('scan-camera.png') });

			const live = () =>
				page.evaluate(() => {
					const video = document.querySelector('video');
					const stream = video?.srcObject as MediaStream | null | undefined;
					return stream?.getTracks().some((t) => t.readyState === 'live') ?? false;
				});
			expect(await live()).toBe(true);
			// Leaving the page stops the camera: the stream is gone with it.
			const tracks = await page.evaluateHandle(() =>
				(document.querySelector('video')?.srcObject as MediaStream).getTracks()
			);
			await page.getByRole('link', { name: '← Capture' }).click();
			await expect(page.getByRole('heading', { name: 'Capture someone new' })).toBeVisible();
			await expect
				.poll(() => tracks.evaluate((list) => list.map((t) => t.readyState)))
				.toEqual(['ended']);
		} finally {
			await browser.close();
		}
	});
});

const cameraProblems = [
	{
		name: 'refused',
		script: () => {
			navigator.mediaDevices.getUserMedia = () =>
				Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
		},
		message: 'Kith was not allowed to use the camera.',
		retry: true
	},
	{
		name: 'missing',
		script: () => {
			navigator.mediaDevices.getUserMedia = () =>
				Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
		},
		message: 'No camera was found on this device.',
		retry: true
	},
	{
		name: 'insecure',
		script: () => Object.defineProperty(window, 'isSecureContext', { value: false }),
		message: 'The camera only opens on a secure (https) connection',
		retry: false
	},
	{
		name: 'unsupported',
		script: () => Object.defineProperty(navigator, 'mediaDevices', { value: undefined }),
		message: 'This browser cannot use the camera here.',
		retry: false
	}
];

for (const problem of cameraProblems) {
	test(`camera ${problem.name}: a clear message, and a photo still works`, async ({ page }) => {
		await page.addInitScript(problem.script);
		await page.goto('/capture/scan');
		const alert = page.getByRole('alert', { name: 'Camera not available' });
		await expect(alert).toContainText(problem.message);
		await expect(page.getByText('Starting the camera…')).toBeHidden();
		await expect(alert.getByRole('button', { name: 'Try the camera again' })).toHaveCount(
			problem.retry ? 1 : 0
		);
		await expect(page.getByRole('heading', { name: 'Use a photo' })).toBeVisible();
		if (problem.name === 'refused') await page.screenshot({ path: shot('scan-refused.png') });

		await page.getByLabel('Choose a photo').setInputFiles({
			name: 'card.png',
			mimeType: 'image/png',
			buffer: await qrPng(MECARD)
		});
		await expect(page).toHaveURL(/\/capture$/);
		await expect(page.getByLabel('Name')).toHaveValue('Sam Lee');
	});
}
