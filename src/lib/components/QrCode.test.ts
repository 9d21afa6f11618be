import { render, screen, waitFor } from '@testing-library/svelte';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import QrCode from './QrCode.svelte';

/**
 * jsdom has no canvas drawing, so a small 2D context stands in: it keeps the pixels the QR library
 * puts on the canvas, which the test then reads back as a camera would.
 */
function fakeCanvas() {
	const drawn: ImageData[] = [];
	const context = {
		clearRect: vi.fn(),
		createImageData: (w: number, h: number) =>
			({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }) as ImageData,
		putImageData: (image: ImageData) => drawn.push(image)
	};
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
		() => context as unknown as CanvasRenderingContext2D
	);
	return drawn;
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('QrCode', () => {
	it('draws a canvas that reads back as the text it was given', async () => {
		const drawn = fakeCanvas();
		const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ama Mensah\r\nEND:VCARD\r\n';
		render(QrCode, { props: { text, label: 'QR code of your card', size: 280 } });
		const picture = screen.getByRole('img', { name: 'QR code of your card' });
		expect(picture.querySelector('canvas')).not.toBeNull();
		await waitFor(() => expect(screen.queryByText(/Drawing the QR code/)).toBeNull());
		const image = drawn.at(-1);
		expect(image).toBeDefined();
		if (!image) return;
		expect(image.width).toBeGreaterThanOrEqual(260);
		expect(jsQR(image.data, image.width, image.height)?.data).toBe(text);
	});

	it('says so when the code cannot be drawn', async () => {
		vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => {
			throw new Error('no canvas');
		});
		render(QrCode, { props: { text: 'hello', label: 'QR code' } });
		expect(await screen.findByRole('alert')).toHaveTextContent(/could not be drawn/);
	});
});
