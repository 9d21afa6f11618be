// @vitest-environment node
// The capture form opens without Dexie and zod (`npm run bench` figure (a), budget 50 KB gzipped):
// they load on the first change. This walks the static imports of the shell and of /capture and
// fails when one of them reaches either, so that a new import in the layout or the capture page
// cannot bring 40 KB back into the first load unnoticed. Use `import()` on use instead.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT =
	/^\s*import\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolveFile(spec: string, from: string): string | undefined {
	const base = spec.startsWith('$lib/')
		? join(src, 'lib', spec.slice(5))
		: spec.startsWith('.')
			? resolve(dirname(from), spec)
			: undefined;
	if (!base) return undefined;
	for (const c of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
		if (existsSync(c) && !c.endsWith('/')) {
			try {
				readFileSync(c);
				return c;
			} catch {
				// a folder: try the next spelling
			}
		}
	}
	return undefined;
}

/** Whether an import statement's specifiers are all types (erased at build). */
function typeOnly(typeKeyword: string | undefined, clause: string): boolean {
	if (typeKeyword) return true;
	const named = clause.match(/^\{([\s\S]*)\}$/);
	if (!named) return false;
	const parts = named[1]!
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	return parts.length > 0 && parts.every((p) => p.startsWith('type '));
}

/** Every package reached through static imports from `entry`, with one path to each. */
function packagesReached(entry: string): Map<string, string[]> {
	return reach(entry).packages;
}

/** The packages and the project's own files reached through static imports from `entry`. */
function reach(entry: string): { packages: Map<string, string[]>; files: Set<string> } {
	const reached = new Map<string, string[]>();
	const seen = new Set<string>();
	const walk = (file: string, path: string[]) => {
		if (seen.has(file)) return;
		seen.add(file);
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(IMPORT)) {
			const spec = m[3] ?? m[4]!;
			if (m[3] && typeOnly(m[1], m[2]!.trim())) continue;
			if (spec.startsWith('$app/') || spec.startsWith('virtual:') || /\.css$/.test(spec)) continue;
			const here = [...path, spec];
			const file2 = resolveFile(spec, file);
			if (file2) walk(file2, here);
			else if (!spec.startsWith('.') && !spec.startsWith('$')) {
				const pkg = spec.startsWith('@')
					? spec.split('/').slice(0, 2).join('/')
					: spec.split('/')[0]!;
				if (!reached.has(pkg)) reached.set(pkg, here);
			}
		}
	};
	walk(entry, []);
	return { packages: reached, files: seen };
}

/**
 * The Intl objects a file makes as soon as it is loaded (at module level, or when a component is
 * set up) rather than on first use (`x ??= new Intl...`). The first one a page makes loads the
 * locale's data: about 100 ms at a 4x CPU throttle, before the page can be used.
 */
function eagerIntl(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/new Intl\.\w+/g)]
		.filter((m) => !text.slice(Math.max(0, m.index - 120), m.index).includes('??='))
		.map((m) => `${file.slice(src.length + 1)}: ${m[0]}`);
}

describe('the first load of /capture', () => {
	it('is checked by a walk that does find Dexie and zod where they are imported', () => {
		expect(packagesReached(join(src, 'lib/state/live.svelte.ts')).has('dexie')).toBe(true);
		expect(packagesReached(join(src, 'lib/domain/contact.ts')).has('zod')).toBe(true);
	});

	for (const entry of [
		'routes/+layout.svelte',
		'routes/+layout.ts',
		'routes/capture/+page.svelte'
	]) {
		it(`${entry} reaches neither Dexie nor zod through static imports`, () => {
			const reached = packagesReached(join(src, entry));
			expect(reached.get('dexie'), `via ${reached.get('dexie')?.join(' → ')}`).toBeUndefined();
			expect(reached.get('zod'), `via ${reached.get('zod')?.join(' → ')}`).toBeUndefined();
			// The walk itself works: Svelte is reached.
			if (entry.endsWith('.svelte')) expect(reached.has('svelte')).toBe(true);
		});
	}
});

describe('what Capture shows or does only later', () => {
	// Each loads on use: the details once the user types or opens them, the kept shares when there
	// are some, the storage request after a save; dates are formatted and tags parsed elsewhere.
	const later = [
		'lib/components/ContactFormDetails.svelte',
		'lib/components/ContactListFields.svelte',
		'lib/components/ContactPicker.svelte',
		'lib/components/KeptShares.svelte',
		'lib/state/persistence.ts',
		'lib/pwa/storage.ts',
		'lib/domain/day-format.ts',
		'lib/domain/tag-text.ts',
		'lib/db/peek-contacts.ts'
	];

	it('is checked by a walk that does find them where they are imported', () => {
		const { files } = reach(join(src, 'lib/components/ContactFormDetails.svelte'));
		expect([...files]).toContain(join(src, 'lib/components/ContactListFields.svelte'));
		expect([...reach(join(src, 'lib/domain/message-fill.ts')).files]).toContain(
			join(src, 'lib/domain/day-format.ts')
		);
	});

	for (const entry of ['routes/+layout.svelte', 'routes/capture/+page.svelte'])
		it(`${entry} does not load them with the page`, () => {
			const { files } = reach(join(src, entry));
			expect(files.size).toBeGreaterThan(5);
			expect(later.filter((file) => files.has(join(src, file)))).toEqual([]);
		});
});

describe('what the first screens run before they can be used', () => {
	it('is checked by a look that does find an Intl object made on load', () => {
		expect(eagerIntl(join(src, 'lib/components/PitchHistoryChart.svelte'))).not.toEqual([]);
		expect(eagerIntl(join(src, 'lib/domain/day.ts'))).toEqual([]);
	});

	for (const entry of [
		'routes/+layout.svelte',
		'routes/capture/+page.svelte',
		'routes/+page.svelte'
	])
		it(`${entry} makes no Intl object before it is needed`, () => {
			const { files } = reach(join(src, entry));
			expect(files.size).toBeGreaterThan(5);
			expect([...files].flatMap(eagerIntl)).toEqual([]);
		});
});

describe('the first load of Today', () => {
	it('carries no pitch scheduler: its pitch count uses the light half of pitch scheduling', () => {
		expect(packagesReached(join(src, 'lib/domain/pitch-schedule.ts')).has('ts-fsrs')).toBe(true);
		const reached = packagesReached(join(src, 'routes/TodayLive.svelte'));
		expect(reached.get('ts-fsrs'), `via ${reached.get('ts-fsrs')?.join(' → ')}`).toBeUndefined();
		// The walk reaches the database code from here, so it does read this page's imports.
		expect(reached.has('dexie')).toBe(true);
	});

	it('paints its heading and first-run welcome without Dexie or zod (its lists load beside them)', () => {
		const reached = packagesReached(join(src, 'routes/+page.svelte'));
		expect(reached.get('dexie'), `via ${reached.get('dexie')?.join(' → ')}`).toBeUndefined();
		expect(reached.get('zod'), `via ${reached.get('zod')?.join(' → ')}`).toBeUndefined();
	});
});
