import { pgSchema } from 'drizzle-orm/pg-core';

export const scoringSchema = pgSchema('scoring');
