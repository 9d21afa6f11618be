import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as qrReader from '$lib/device/qr-reader';
import QrScanner from './QrScanner.svelte';

vi.mock('$lib/device/qr-reader', { spy: true });

function setCamera(
	getUserMedia: ((c: MediaStreamConstraints) => Promise<MediaStream>) | undefined,
	secure = true
) {
	Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
	Object.defineProperty(navigator, 'mediaDevices', {
		value: getUserMedia ? { getUserMedia } : undefined,
		configurable: true
	});
}

const refuse = (name: string) => () => Promise.reject(new DOMException('no', name));

beforeEach(() => {
	vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('QrScanner', () => {
	it.each([
		['NotAllowedError', 'Kith was not allowed to use the camera.', true],
		['NotFoundError', 'No camera was found on this device.', true],
		['OverconstrainedError', 'No camera was found on this device.', true],
		['NotReadableError', 'another app may be using it', true],
		['TypeError', 'The camera could not start.', true]
	])('says clearly why the camera is not there (%s)', async (name, message, retry) => {
		setCamera(refuse(name));
		render(QrScanner, { props: { onCode: () => true } });
		const alert = await screen.findByRole('alert', { name: 'Camera not available' });
		expect(alert).toHaveTextContent(message);
		expect(screen.queryAllByRole('button', { name: 'Try the camera again' })).toHaveLength(
			retry ? 1 : 0
		);
		expect(screen.getByLabelText('Choose a photo')).toHaveAttribute('accept', 'image/*');
	});

	it('does not ask for the camera on an insecure page, or without camera support', async () => {
		const ask = vi.fn(refuse('NotAllowedError'));
		setCamera(ask, false);
		const first = render(QrScanner, { props: { onCode: () => true } });
		expect(await screen.findByRole('alert')).toHaveTextContent('secure (https) connection');
		expect(ask).not.toHaveBeenCalled();
		first.unmount();

		setCamera(undefined);
		render(QrScanner, { props: { onCode: () => true } });
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'This browser cannot use the camera'
		);
	});

	it('asks for the rear camera, tries again when asked, and stops it when the page goes', async () => {
		const stop = vi.fn();
		const stream = { getTracks: () => [{ stop }] } as unknown as MediaStream;
		const ask = vi
			.fn<(c: MediaStreamConstraints) => Promise<MediaStream>>()
			.mockRejectedValueOnce(new DOMException('no', 'NotAllowedError'))
			.mockResolvedValue(stream);
		setCamera(ask);
		const view = render(QrScanner, { props: { onCode: () => true } });
		await userEvent.click(await screen.findByRole('button', { name: 'Try the camera again' }));
		await screen.findByText('Point the camera at the QR code. Kith reads it by itself.');
		expect(ask).toHaveBeenCalledTimes(2);
		expect(ask.mock.calls[1]?.[0]).toMatchObject({
			audio: false,
			video: { facingMode: { ideal: 'environment' } }
		});
		expect(screen.queryByRole('alert')).toBeNull();
		expect(stop).not.toHaveBeenCalled();
		view.unmount();
		await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
	});

	it('says so when the QR reader itself cannot load, and loads it again on the next try', async () => {
		const stream = { getTracks: () => [{ stop: vi.fn() }] } as unknown as MediaStream;
		setCamera(() => Promise.resolve(stream));
		vi.mocked(qrReader.createQrReader)
			.mockClear()
			.mockRejectedValueOnce(new TypeError('fetch failed'));
		render(QrScanner, { props: { onCode: () => true } });
		const alert = await screen.findByRole('alert', { name: 'Camera not available' });
		expect(alert).toHaveTextContent('could not load its QR code reader');
		await userEvent.click(screen.getByRole('button', { name: 'Try the camera again' }));
		await screen.findByText('Point the camera at the QR code. Kith reads it by itself.');
		expect(qrReader.createQrReader).toHaveBeenCalledTimes(2);
	});
});
