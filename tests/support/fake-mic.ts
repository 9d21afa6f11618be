// A browser with Chromium's own test microphone and camera, granted without asking, and audio
// that plays without a tap: for the specs that record a rehearsal and play it back.
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export function launchWithFakeMic(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			...chromiumArgs,
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream',
			'--autoplay-policy=no-user-gesture-required'
		]
	});
}
