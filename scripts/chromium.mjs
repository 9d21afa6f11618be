// The browser every test, benchmark and screenshot drives: Debian's Chromium (see
// ensure-chromium.mjs), or any Chrome named by CHROMIUM_PATH. Test tools may not download their own
// here. Without the background-networking flags Chromium keeps calling hosts this network refuses.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
