// @vitest-environment node
/**
 * The layer rule (eslint.layers.js) as `npm run lint` applies it: a deliberate import across a
 * layer, in each layer, is an error, and a legal one is not; domain and io may not use the
 * browser's globals. Linted through the project's own
 * eslint.config.js, with only the import rule, and without type information so that the probe
 * files need not exist.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const eslint = new ESLint({
	cwd: root,
	overrideConfigFile: 'eslint.config.js',
	overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
	ruleFilter: ({ ruleId }) =>
		ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-globals'
});

async function errorsIn(filePath: string, imports: string): Promise<string[]> {
	const code = filePath.endsWith('.svelte')
		? `<script lang="ts">\n${imports}\n</script>\n`
		: `${imports}\nexport {};\n`;
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const crossings: Array<[file: string, source: string]> = [
	['src/lib/domain/probe.ts', '$lib/db'],
	['src/lib/domain/probe.ts', '$lib/io/vcard'],
	['src/lib/domain/probe.ts', '../services/app'],
	['src/lib/domain/probe.ts', 'dexie'],
	['src/lib/domain/probe.ts', 'svelte'],
	['src/lib/db/probe.ts', '$lib/io/backup'],
	['src/lib/db/probe.ts', '../services/app'],
	['src/lib/db/probe.ts', '$lib/state/live.svelte'],
	['src/lib/io/probe.ts', '$lib/db/repos'],
	['src/lib/io/probe.ts', '../db'],
	['src/lib/io/probe.ts', '$lib/services/app'],
	['src/lib/io/probe.ts', '$lib/device/download'],
	['src/lib/io/probe.ts', 'dexie'],
	['src/lib/device/probe.ts', '$lib/db'],
	['src/lib/device/probe.ts', '$lib/state/toasts.svelte'],
	['src/lib/services/probe.ts', '$lib/state/attempt'],
	['src/lib/services/probe.ts', '../components/Field.svelte'],
	['src/lib/services/probe.ts', 'dexie'],
	['src/lib/state/probe.ts', '$lib/components/Field.svelte'],
	['src/lib/state/probe.ts', 'dexie'],
	['src/lib/components/Probe.svelte', '$lib/db'],
	['src/lib/components/Probe.svelte', '$lib/services/app'],
	['src/lib/components/Probe.svelte', '../services/app'],
	['src/lib/sync/probe.ts', '$lib/state/toasts.svelte'],
	['src/lib/sync/probe.ts', '$lib/services/app'],
	['src/lib/sync/probe.ts', '../components/Field.svelte'],
	['src/lib/sync/probe.ts', '../../routes/+layout.svelte'],
	['src/lib/sync/probe.ts', 'dexie'],
	['src/lib/pwa/probe.ts', 'dexie'],
	['src/routes/probe/+page.svelte', '$lib/db/repos'],
	['src/routes/probe/+page.svelte', '../../lib/db'],
	['src/routes/probe/+page.ts', 'dexie']
];

const allowed: Array<[file: string, source: string]> = [
	['src/lib/domain/probe.ts', 'zod/mini'],
	['src/lib/domain/probe.ts', './contact'],
	['src/lib/db/probe.ts', 'dexie'],
	['src/lib/db/probe.ts', '$lib/domain/contact'],
	['src/lib/io/probe.ts', '$lib/domain/contact'],
	['src/lib/device/probe.ts', '$lib/io/qr-payload'],
	['src/lib/sync/probe.ts', '$lib/db'],
	['src/lib/sync/probe.ts', '$lib/io/backup-crypto'],
	['src/lib/sync/probe.ts', '$lib/domain/text'],
	['src/lib/sync/probe.ts', '$lib/device/download'],
	['src/lib/services/probe.ts', '$lib/db/repos'],
	['src/lib/services/probe.ts', '$lib/io/vcard'],
	['src/lib/state/probe.ts', '$lib/db'],
	['src/lib/state/probe.ts', '$lib/services/app'],
	['src/lib/components/Probe.svelte', '$lib/state/live.svelte'],
	['src/lib/components/Probe.svelte', '$lib/domain/contact'],
	['src/routes/probe/+page.svelte', '$lib/services/app'],
	['src/routes/probe/+page.svelte', '$lib/components/Field.svelte'],
	// Tests set up from any layer.
	['src/lib/components/Probe.test.ts', '$lib/db/testing/factories'],
	['src/lib/domain/probe.test.ts', 'dexie'],
	['src/lib/db/testing/probe.ts', '$lib/io/backup']
];

describe('layer rule', () => {
	// Loading the config and the parsers takes seconds on a busy machine; do it once, up front.
	beforeAll(() => errorsIn('src/lib/domain/probe.ts', ''), 120_000);

	it.each(crossings)('%s may not import %s', async (file, source) => {
		const errors = await errorsIn(file, `import '${source}';`);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^no-restricted-imports: /);
	});

	it.each(allowed)('%s may import %s', async (file, source) => {
		expect(await errorsIn(file, `import '${source}';`)).toEqual([]);
	});

	it.each(['src/lib/io/probe.ts', 'src/lib/domain/probe.ts'])(
		'%s may not touch the browser',
		async (file) => {
			const errors = await errorsIn(file, 'document.title = navigator.language;');
			expect(errors).toHaveLength(2);
			expect(errors[0]).toMatch(/^no-restricted-globals: /);
		}
	);

	it('lets device touch the browser', async () => {
		expect(
			await errorsIn('src/lib/device/probe.ts', 'document.title = navigator.language;')
		).toEqual([]);
	});

	it('catches a type-only import too', async () => {
		const errors = await errorsIn(
			'src/lib/components/Probe.svelte',
			"import type { Repos } from '$lib/db';"
		);
		expect(errors).toHaveLength(1);
	});
});
