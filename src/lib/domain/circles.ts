import { z } from 'zod/mini';
import { CIRCLES, type CircleId } from './circle-list';

export * from './circle-list';

export const circleSchema = z.enum(CIRCLES.map((c) => c.id) as [CircleId, ...CircleId[]]);
