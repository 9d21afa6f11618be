/**
 * How deep and how large a piece of plain data (what JSON.parse gives) is, measured without
 * recursion or serializing, and stopping as soon as a bound is passed: a value nested a million
 * levels deep or 50 MB large is judged at once instead of overflowing the stack or freezing a
 * form. Pure, no zod: the draft schema and the backup reader both use it.
 */

/** Bounds on a value: `maxDepth` levels of lists and records, `maxChars` characters in all. */
export interface JsonBounds {
	maxDepth: number;
	maxChars: number;
}

/** Which bound a value passes, or undefined when it keeps both. */
export function exceedsBounds(value: unknown, { maxDepth, maxChars }: JsonBounds) {
	let chars = 0;
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, depth] = stack.pop()!;
		if (typeof v === 'string') chars += v.length + 2;
		else if (v === null || typeof v !== 'object') chars += 8;
		else {
			if (depth + 1 > maxDepth) return 'depth' as const;
			if (Array.isArray(v)) {
				chars += 2 + v.length;
				for (const item of v) stack.push([item, depth + 1]);
			} else {
				chars += 2;
				for (const [key, item] of Object.entries(v)) {
					chars += key.length + 4;
					stack.push([item, depth + 1]);
				}
			}
		}
		if (chars > maxChars) return 'size' as const;
	}
	return undefined;
}
