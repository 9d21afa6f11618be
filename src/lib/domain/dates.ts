/**
 * The two ways records hold time: a calendar day (`YYYY-MM-DD`) and a timestamp (epoch ms); the day
 * arithmetic lives in day.ts.
 */
import { z } from 'zod/mini';

/** A calendar day as `YYYY-MM-DD`, in the user's own time zone. */
export const isoDateSchema = z.iso.date();

/** Milliseconds since the epoch. */
export const timestampSchema = z.int().check(z.nonnegative());

export * from './day';
export * from './day-format';
