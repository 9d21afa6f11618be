/**
 * The text fields records share, each with its bound: short and long text, links, emails, phone
 * numbers and tags.
 */
import { z } from 'zod/mini';
import { TAG_MAX } from './text-length';

/** Free text of bounded size; long enough for a real note, short enough to keep a phone responsive. */
export const shortText = z.string().check(z.maxLength(500));
export const longText = z.string().check(z.maxLength(100_000));

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
	} catch {
		return false;
	}
}

/** Links are only ever http(s): anything else (javascript:, data:) is refused where it enters. */
export const httpUrlSchema = z
	.string()
	.check(z.maxLength(2000), z.refine(isHttpUrl, 'Links must start with http:// or https://'));

export const emailSchema = z
	.email('That email address does not look complete')
	.check(z.maxLength(320));

export const phoneSchema = z
	.string()
	.check(
		z.maxLength(40),
		z.regex(
			/^[+()0-9.\-\s/]*[0-9][+()0-9.\-\s/]*(\s*(x|ext\.?)\s*[0-9]+)?$/i,
			'Use digits, spaces and + ( ) - only'
		)
	);

export const tagSchema = z.string().check(z.minLength(1), z.maxLength(TAG_MAX));
