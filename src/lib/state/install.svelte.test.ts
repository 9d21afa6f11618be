import { afterEach, describe, expect, it, vi } from 'vitest';
import { howToInstall } from '$lib/pwa/install';
import { installState } from './install.svelte';

/** A stand-in for Chromium's BeforeInstallPromptEvent, its prompt() recorded. */
function offer(outcome: 'accepted' | 'dismissed') {
	const prompt = vi.fn(() => Promise.resolve());
	const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
		prompt,
		userChoice: Promise.resolve({ outcome })
	});
	return { event, prompt };
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('installState', () => {
	it('keeps the browser’s offer, shows its dialog once, then waits for a new offer', async () => {
		const persist = vi.fn(() => Promise.resolve(true));
		Object.defineProperty(navigator, 'storage', {
			configurable: true,
			value: { persisted: () => Promise.resolve(false), persist }
		});
		installState.start();
		expect(installState.offer).toBeUndefined();
		expect(installState.installed).toBe(false);

		const first = offer('dismissed');
		window.dispatchEvent(first.event);
		// Taken by the app, so the browser shows no install bar of its own.
		expect(first.event.defaultPrevented).toBe(true);
		expect(installState.offer).toBe(first.event);
		expect(await installState.install()).toBe(false);
		expect(first.prompt).toHaveBeenCalledOnce();
		expect(installState.offer).toBeUndefined();
		expect(await installState.install()).toBe(false);
		expect(first.prompt).toHaveBeenCalledOnce();

		const second = offer('accepted');
		window.dispatchEvent(second.event);
		expect(await installState.install()).toBe(true);

		// Installed: the browser is asked to keep the data.
		expect(persist).not.toHaveBeenCalled();
		window.dispatchEvent(new Event('appinstalled'));
		expect(installState.installed).toBe(true);
		await vi.waitFor(() => expect(persist).toHaveBeenCalledOnce());
	});
});

describe('howToInstall', () => {
	it('uses the Share sheet where WebKit has navigator.standalone, the menu elsewhere', () => {
		expect(howToInstall()).toBe('menu');
		Object.defineProperty(navigator, 'standalone', { configurable: true, value: false });
		expect(howToInstall()).toBe('share');
		delete (navigator as { standalone?: boolean }).standalone;
	});
});
