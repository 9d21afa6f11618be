// Regenerates Kith's icons in static/: the SVG favicon and the PNGs the web manifest and
// app.html refer to. The mark is two overlapping rings (two people, linked) in off-white on the
// theme teal, with the shared lens in the warm accent. PNGs are rendered by Debian's Chromium:
//   node scripts/make-icons.mjs        ($CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STATIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'static');
const TEAL = '#1f5f5b';
const PAPER = '#f7f5f0';
const ACCENT = '#f0b86a';

/**
 * The icon on a 512×512 canvas.
 * @param {{ radius: number, scale: number, stroke: number }} o corner radius of the teal
 *   square (0 = full bleed), size of the mark relative to the standard icon, ring thickness.
 */
function svg({ radius, scale, stroke }) {
	const r = 100 * scale;
	const gap = 50 * scale; // each ring's centre sits this far from the middle
	const cy = 256;
	const lx = 256 - gap;
	const rx = 256 + gap;
	const h = Math.sqrt(r * r - gap * gap); // half the height of the shared lens
	const f = (n) => Number(n.toFixed(2));
	const lens =
		`M256 ${f(cy - h)}A${f(r)} ${f(r)} 0 0 1 256 ${f(cy + h)}` +
		`A${f(r)} ${f(r)} 0 0 1 256 ${f(cy - h)}Z`;
	return [
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">',
		`<rect width="512" height="512" rx="${radius}" fill="${TEAL}"/>`,
		`<path d="${lens}" fill="${ACCENT}"/>`,
		`<g fill="none" stroke="${PAPER}" stroke-width="${f(stroke)}">`,
		`<circle cx="${f(lx)}" cy="${cy}" r="${f(r)}"/>`,
		`<circle cx="${f(rx)}" cy="${cy}" r="${f(r)}"/>`,
		'</g>',
		'</svg>'
	].join('');
}

const standard = svg({ radius: 112, scale: 1, stroke: 30 });
// Small sizes get thicker rings and a slightly larger mark so they stay legible at 16–48 px.
const small = svg({ radius: 112, scale: 1.12, stroke: 44 });
// Maskable: full-bleed background, mark well inside the central 80% safe zone.
const maskable = svg({ radius: 0, scale: 0.8, stroke: 26 });
// Apple applies its own rounded mask, so its icon is a full square too.
const apple = svg({ radius: 0, scale: 0.9, stroke: 30 });

const outputs = [
	['icons/icon-192.png', 192, standard],
	['icons/icon-512.png', 512, standard],
	['icons/icon-maskable-512.png', 512, maskable],
	['apple-touch-icon.png', 180, apple],
	['favicon.png', 48, small]
];

mkdirSync(join(STATIC, 'icons'), { recursive: true });
writeFileSync(join(STATIC, 'favicon.svg'), small + '\n');

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
});
try {
	const page = await browser.newPage({ deviceScaleFactor: 1 });
	for (const [file, size, source] of outputs) {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(
			'<!doctype html><style>html,body{margin:0;background:transparent}' +
				'svg{display:block;width:100vw;height:100vh}</style>' +
				source
		);
		await page.screenshot({ path: join(STATIC, file), omitBackground: true });
		console.log(`static/${file} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
console.log('static/favicon.svg');
