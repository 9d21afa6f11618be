// Finds the Chromium the browser tests drive: $CHROMIUM_PATH, then /usr/bin/chromium. Installs
// Debian's package when it is missing and this machine allows it (root with apt-get); otherwise
// stops and says what to do. Test tools may not download browsers of their own here.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT = '/usr/bin/chromium';

function runnable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

const wanted = process.env.CHROMIUM_PATH;
if (wanted) {
	if (runnable(wanted)) process.exit(0);
	console.error(`CHROMIUM_PATH is set to ${wanted}, but no runnable browser is there.`);
	process.exit(1);
}
if (runnable(DEFAULT)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
	console.log('Chromium is missing: installing Debian’s chromium package (a minute or two)…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
	if (runnable(DEFAULT)) process.exit(0);
}

console.error(
	[
		'The end-to-end tests need Chromium and none was found.',
		'Either install it (on Debian or Ubuntu: sudo apt-get install chromium),',
		'or point CHROMIUM_PATH at a Chrome or Chromium you already have, for example:',
		'  CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test'
	].join('\n')
);
process.exit(1);
