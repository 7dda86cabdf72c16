import { pgSchema } from 'drizzle-orm/pg-core';

export const auctionSchema = pgSchema('auction');
