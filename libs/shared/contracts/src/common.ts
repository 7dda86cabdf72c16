import { z } from 'zod';
import { opaqueCursor } from './text.js';

export const uuid = z.uuid();

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: opaqueCursor.optional(),
});
