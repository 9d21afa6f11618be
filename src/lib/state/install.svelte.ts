/**
 * The install action shown on Today and in Settings: whether the browser offers installation,
 * and whether Kith already runs installed; held in memory (the dismissal of Today's suggestion is a
 * setting: see services/install.service). Once installed, the browser is asked to keep Kith's data
 * for good if it does not yet.
 */
import {
	howToInstall,
	runsInstalled,
	watchInstall,
	type HowTo,
	type InstallOffer
} from '$lib/pwa/install';

class InstallState {
	/** The browser's pending offer; undefined where it makes none (the how-to is shown instead). */
	offer = $state.raw<InstallOffer>();
	installed = $state(false);
	howTo = $state<HowTo>('menu');
	#stop: (() => void) | undefined;

	/** Starts listening; called once by the layout, early, so no offer is missed. */
	start() {
		if (this.#stop) return;
		this.howTo = howToInstall();
		this.#stop = watchInstall({
			onOffer: (offer) => (this.offer = offer),
			onInstalled: () => {
				this.offer = undefined;
				this.installed = true;
				void keepDataOnceInstalled();
			}
		});
		if (runsInstalled()) {
			this.installed = true;
			void keepDataOnceInstalled();
		}
	}

	/** Shows the browser's install dialog; true when the person accepted. */
	async install(): Promise<boolean> {
		const offer = this.offer;
		if (!offer) return false;
		// An offer can be shown only once; the browser sends a new one if it is declined.
		this.offer = undefined;
		await offer.prompt();
		const choice = await offer.userChoice;
		return choice?.outcome === 'accepted';
	}
}

export const installState = new InstallState();

/** An installed app's storage is worth keeping: ask, unless the browser keeps it already. */
async function keepDataOnceInstalled() {
	try {
		if (await navigator.storage?.persisted?.()) return;
		// Loaded here, once installed: the layout starts this state on every first visit.
		const { requestPersistence } = await import('$lib/pwa/storage');
		await requestPersistence();
	} catch {
		// A safeguard only: Settings still offers the button.
	}
}
