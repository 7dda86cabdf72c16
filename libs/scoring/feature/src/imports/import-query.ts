import { z } from 'zod';

/** `?dryRun=true`: check and score the file, answer what it would change, store nothing. */
export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type ImportQuery = z.infer<typeof importQuery>;
