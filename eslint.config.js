import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { layerRules } from './eslint.layers.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench-results/',
			'dev-dist/',
			'**/*.tmp.mjs'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' }
		}
	},
	...layerRules,
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': [
				'error',
				{ checksVoidReturn: { attributes: false } }
			],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'svelte/no-at-html-tags': 'error'
		}
	},
	// The service worker is typed as a worker (tsconfig.sw.json), which SvelteKit's own tsconfig
	// leaves out.
	{
		files: ['src/service-worker.ts'],
		languageOptions: {
			globals: { ...globals.serviceworker },
			parserOptions: { projectService: false, project: './tsconfig.sw.json' }
		}
	},
	// One write path: services change data through db's `write` and repositories, never a table.
	{
		files: ['src/lib/services/**/*.ts'],
		ignores: ['src/lib/services/**/*.test.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector:
						"MemberExpression[object.name='db'][property.name=/^(contacts|interactions|pitches|rehearsals|recordings|interviews|questions|drafts|settings|contactExtras|transaction)$/]",
					message:
						"Services do not name a Dexie table: use db's write path (`write(db, [tables], (r) => ...)` or `read`) and its repositories."
				},
				{
					selector: "CallExpression[callee.property.name='where']",
					message:
						'Services do not query Dexie: add the query as a repository method in src/lib/db and call it through `write`/`read`.'
				}
			]
		}
	}
);
