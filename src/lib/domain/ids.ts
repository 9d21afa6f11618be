/**
 * Record ids: what a stored id may be, and how a new one is made.
 */
import { z } from 'zod/mini';

/** Ids are random UUID strings so that records from two devices can later be merged. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(100));
export type Id = z.infer<typeof idSchema>;

export function newId(): string {
	return crypto.randomUUID();
}
