import { z } from 'zod';

export const uuid = z.uuid();

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
