import { pgSchema } from 'drizzle-orm/pg-core';

export const leaguesSchema = pgSchema('leagues');
