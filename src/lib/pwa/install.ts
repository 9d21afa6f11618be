/**
 * Installing Kith to the home screen: catches the browser's install offer (`beforeinstallprompt`,
 * Chromium only) so a button can show it later, notices the install (`appinstalled`), and tells
 * which how-to fits a browser that makes no offer. Stores nothing.
 */

/** The part of Chromium's BeforeInstallPromptEvent Kith uses (it is not in TypeScript's DOM). */
export interface InstallOffer extends Event {
	prompt: () => Promise<unknown>;
	userChoice?: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Which steps a browser without an install offer needs. */
export type HowTo = 'share' | 'menu';

export interface InstallEvents {
	/** The browser offers installation: `offer.prompt()` shows its dialog (once). */
	onOffer: (offer: InstallOffer) => void;
	onInstalled: () => void;
}

/** Listens for the offer and the install; returns the function that stops listening. */
export function watchInstall({ onOffer, onInstalled }: InstallEvents): () => void {
	const offer = (e: Event) => {
		// Without this Chromium shows its own mini bar at a moment of its choosing.
		e.preventDefault();
		onOffer(e as InstallOffer);
	};
	window.addEventListener('beforeinstallprompt', offer);
	window.addEventListener('appinstalled', onInstalled);
	return () => {
		window.removeEventListener('beforeinstallprompt', offer);
		window.removeEventListener('appinstalled', onInstalled);
	};
}

/** Opened as an installed app (from the home screen), not in a browser tab. */
export function runsInstalled(): boolean {
	const nav = navigator as Navigator & { standalone?: boolean };
	return (
		nav.standalone === true ||
		['standalone', 'fullscreen', 'minimal-ui'].some(
			(mode) => window.matchMedia?.(`(display-mode: ${mode})`).matches === true
		)
	);
}

/**
 * The how-to for a browser that makes no offer. WebKit on iPhone and iPad (the only browsers with
 * `navigator.standalone`, whatever they call themselves) installs from the Share sheet; the others
 * from the browser's menu. A Mac's Safari also has `standalone`, and its Share menu has "Add to
 * Dock", so the share steps fit it too.
 */
export function howToInstall(): HowTo {
	return 'standalone' in navigator ? 'share' : 'menu';
}
