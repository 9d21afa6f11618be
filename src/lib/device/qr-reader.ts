/**
 * Finds and decodes a QR code in a camera frame or a photo: with the browser's own
 * BarcodeDetector where it reads QR codes (Android, ChromeOS, macOS), otherwise with jsQR, which
 * is loaded only here, on first use.
 */
import type jsQRType from 'jsqr';

export type QrEngine = 'BarcodeDetector' | 'jsQR';
type Picture = HTMLVideoElement | ImageBitmap;

interface Detector {
	detect(source: Picture): Promise<Array<{ rawValue: string }>>;
}
interface DetectorClass {
	new (options: { formats: string[] }): Detector;
	getSupportedFormats(): Promise<string[]>;
}

export interface QrReader {
	readonly engine: QrEngine;
	/** A quick look, for camera frames several times a second. */
	frame(picture: Picture): Promise<string | undefined>;
	/** A thorough look, for a single photo. */
	still(picture: Picture): Promise<string | undefined>;
}

let jsqr: Promise<typeof jsQRType> | undefined;
const loadJsqr = () => (jsqr ??= import('jsqr').then((m) => m.default));

async function nativeDetector(): Promise<Detector | undefined> {
	const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
	if (!Native) return undefined;
	try {
		const formats = await Native.getSupportedFormats();
		return formats.includes('qr_code') ? new Native({ formats: ['qr_code'] }) : undefined;
	} catch {
		return undefined;
	}
}

function size(picture: Picture): { width: number; height: number } {
	return picture instanceof HTMLVideoElement
		? { width: picture.videoWidth, height: picture.videoHeight }
		: { width: picture.width, height: picture.height };
}

let canvas: HTMLCanvasElement | undefined;

/** Draws the picture at most `longest` pixels on its longer side and runs jsQR on the pixels. */
async function withJsqr(
	picture: Picture,
	longest: number,
	inversion: 'dontInvert' | 'attemptBoth'
): Promise<string | undefined> {
	const decode = await loadJsqr();
	const { width, height } = size(picture);
	if (!width || !height) return undefined;
	const scale = Math.min(1, longest / Math.max(width, height));
	const w = Math.max(1, Math.round(width * scale));
	const h = Math.max(1, Math.round(height * scale));
	canvas ??= document.createElement('canvas');
	canvas.width = w;
	canvas.height = h;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) return undefined;
	context.drawImage(picture, 0, 0, w, h);
	const { data } = context.getImageData(0, 0, w, h);
	return decode(data, w, h, { inversionAttempts: inversion })?.data;
}

async function withDetector(detector: Detector, picture: Picture): Promise<string | undefined> {
	const found = await detector.detect(picture);
	return found.find((code) => code.rawValue !== '')?.rawValue;
}

/** The best reader this browser offers. */
export async function createQrReader(): Promise<QrReader> {
	const detector = await nativeDetector();
	if (detector) {
		return {
			engine: 'BarcodeDetector',
			frame: (picture) => withDetector(detector, picture),
			// Some platform detectors miss small or tilted codes in big photos; jsQR gets a turn.
			still: async (picture) =>
				(await withDetector(detector, picture).catch(() => undefined)) ?? (await jsqrStill(picture))
		};
	}
	await loadJsqr();
	return {
		engine: 'jsQR',
		frame: (picture) => withJsqr(picture, 720, 'dontInvert'),
		still: jsqrStill
	};
}

async function jsqrStill(picture: Picture): Promise<string | undefined> {
	// A smaller copy finds a code that fills the photo quickly; a larger one finds a small code.
	for (const longest of [1000, 2000]) {
		const text = await withJsqr(picture, longest, 'attemptBoth');
		if (text !== undefined) return text;
		if (Math.max(size(picture).width, size(picture).height) <= longest) break;
	}
	return undefined;
}
