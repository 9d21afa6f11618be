/**
 * The layer rule of DESIGN.md as lint errors: which folder of src/lib may import which. Domain is
 * pure; db is the only Dexie importer; io parses and writes text without a browser; device holds
 * the browser's camera, microphone, downloads and share sheet (domain and io may not touch the
 * browser's globals either); sync seals records and replicates them; services change data; state
 * holds what the screens show; components take props and give callbacks; routes put it together.
 *
 * One block per folder, because a later block's `no-restricted-imports` replaces an earlier one's
 * for the same file; every block therefore repeats the Dexie restriction. Each restriction matches
 * both the `$lib/<layer>` alias and relative paths (`../db`, `../../lib/db/repos`). Tests may reach
 * across layers to set up what they check.
 */

/** `$lib/<name>`, `../<name>`, `../../lib/<name>`... with or without a module after it. */
function layerPattern(names) {
	return `^(?:\\$lib/|(?:\\.{1,2}/)+(?:(?:src/)?lib/)?)(?:${names.join('|')})(?:/|$)`;
}

const dexie = {
	regex: '^dexie(?:/|$)',
	message: 'Only src/lib/db imports Dexie; go through its repositories (or state/live for reads).'
};

/**
 * @param {string} layer the folder the rule is for, as the message names it
 * @param {string[]} banned the layers it may not import
 * @param {string} why the reason, for the message
 */
function restrict(layer, banned, why) {
	return {
		regex: layerPattern(banned),
		message: `${layer} may not import ${banned.join(', ')}: ${why}`
	};
}

/** The files of one layer and what they may not import. */
function block(files, patterns, more = {}) {
	return {
		files: files.map((f) => `${f}/**/*.{js,ts,svelte}`),
		rules: { 'no-restricted-imports': ['error', { patterns }], ...more }
	};
}

// Domain and io run anywhere, a worker or a test in Node included: the browser is device's.
const noBrowser = {
	'no-restricted-globals': [
		'error',
		...[
			'window',
			'document',
			'navigator',
			'localStorage',
			'sessionStorage',
			'indexedDB',
			'location',
			'createImageBitmap',
			'MediaRecorder'
		].map((name) => ({
			name,
			message: `${name} is the browser's; domain and io stay pure. Put it in src/lib/device.`
		}))
	]
};

export const layerRules = [
	// Everything else in src (src/*.ts, pwa): at least no Dexie.
	block(['src'], [dexie]),
	block(
		['src/lib/domain'],
		[
			dexie,
			restrict(
				'domain',
				['db', 'io', 'device', 'services', 'state', 'components', 'pwa'],
				'it is pure rules and types over zod.'
			),
			{
				regex: '^(?:svelte|\\$app)(?:/|$)',
				message: 'domain is pure rules and types over zod; it knows nothing of Svelte.'
			}
		],
		noBrowser
	),
	block(
		['src/lib/db'],
		[
			restrict(
				'db',
				['io', 'device', 'services', 'state', 'components', 'pwa'],
				'it stores domain records and knows nothing above it.'
			)
		]
	),
	block(
		['src/lib/io'],
		[
			dexie,
			restrict(
				'io',
				['db', 'device', 'services', 'state', 'components', 'pwa'],
				'it parses and writes text; the caller stores it.'
			)
		],
		noBrowser
	),
	block(
		['src/lib/device'],
		[
			dexie,
			restrict(
				'device',
				['db', 'services', 'state', 'components'],
				'it wraps one browser feature and knows nothing of the data.'
			)
		]
	),
	block(
		['src/lib/sync'],
		[
			dexie,
			restrict(
				'sync',
				['state', 'components', 'routes', 'services'],
				'it seals and replicates records and writes them through db’s write path; the screens call it, not the other way round.'
			)
		]
	),
	block(
		['src/lib/services'],
		[
			dexie,
			restrict(
				'services',
				['device', 'state', 'components'],
				'a service changes data; the screen around it is state’s and components’ business.'
			)
		]
	),
	block(
		['src/lib/state'],
		[dexie, restrict('state', ['components'], 'components read state, not the other way round.')]
	),
	block(
		['src/lib/components'],
		[
			dexie,
			restrict(
				'components',
				['db', 'services'],
				'props in, callbacks out; the page or a state module does the reading and writing.'
			)
		]
	),
	block(
		['src/routes'],
		[
			dexie,
			restrict(
				'routes',
				['db'],
				'a page reads through state (live, reads) and writes through services.'
			)
		]
	),
	// Tests set up and look at what they check from any layer.
	{
		files: [
			'**/*.test.ts',
			'src/lib/db/testing/**',
			'src/lib/domain/testing/**',
			'src/vitest-setup.ts',
			'tests/**'
		],
		rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' }
	}
];
