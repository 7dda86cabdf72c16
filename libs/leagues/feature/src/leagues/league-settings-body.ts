import { z } from 'zod';
import { CLOCK_MODES, NOMINATION_MODES, sportKey, text, type CreateLeagueRequest, type UpdateLeagueRequest } from '@auction/contracts';

/**
 * The create/edit body as the server reads it: the contract's fields and types, strict about
 * unknown fields, but without its ranges. The settings rules (`@auction/leagues-domain`) check
 * every range and cross-field rule and word each problem for the commissioner ("The bid timer
 * must be a whole number from 3 to 600 seconds — you entered 1."), where zod would only say
 * "Too small". The OpenAPI document shows the contract's schema with its ranges.
 */
const fields = {
  name: text({ max: 1000 }),
  sport: sportKey,
  competition: text({ min: 1, max: 100 }).optional(),
  assetIds: z.array(z.uuid()).max(1000).optional(),
  budget: z.number().optional(),
  rosterSize: z.number().optional(),
  minManagers: z.number().optional(),
  maxManagers: z.number().optional(),
  openingBid: z.number().optional(),
  minIncrement: z.number().optional(),
  bidTimerSeconds: z.number().optional(),
  antiSnipeSeconds: z.number().optional(),
  lotGapSeconds: z.number().optional(),
  leadInSeconds: z.number().optional(),
  nominationOrder: z.enum(['random', 'fixed']).optional(),
  scoringRules: z.record(text({ max: 40 }), z.unknown()).optional(),
  nominationMode: z.enum(NOMINATION_MODES).optional(),
  nominationSeconds: z.number().optional(),
  clockMode: z.enum(CLOCK_MODES).optional(),
  raiseSeconds: z.number().optional(),
};

const createBody = z.strictObject(fields);
const updateBody = z.strictObject({ ...fields, name: fields.name.optional(), sport: fields.sport.optional() });

// The rules check the loosened fields (any number, any scoring keys) and report each problem.
export const createLeagueBody = createBody as unknown as z.ZodType<CreateLeagueRequest>;
export const updateLeagueBody = updateBody as unknown as z.ZodType<UpdateLeagueRequest>;
