/**
 * The circles (family, coworkers, clubs, ...) with the schema a stored circle is checked against;
 * the plain list lives in circle-list.ts, without zod, for the first screen.
 */
import { z } from 'zod/mini';
import { CIRCLES, type CircleId } from './circle-list';

export * from './circle-list';

export const circleSchema = z.enum(CIRCLES.map((c) => c.id) as [CircleId, ...CircleId[]]);
