import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { z } from 'zod';
import { ServiceGuard } from '@auction/auth-guard';
import { ZodPipe } from '@auction/platform';
import type { StandingsSummary, StandingsSummaryRequest } from '@auction/contracts';
import { StandingsSummariesQuery } from '../queries/standings-summaries/standings-summaries.query.js';

export const standingsSummaryRequest = z.strictObject({
  userId: z.uuid(),
  leagueIds: z.array(z.uuid()).max(1000),
}) satisfies z.ZodType<StandingsSummaryRequest>;

/** Called by the leagues service for `GET /api/me/competitions`. */
@ApiExcludeController()
@Controller('internal/scoring')
@UseGuards(ServiceGuard)
export class InternalScoringController {
  constructor(private readonly summariesQuery: StandingsSummariesQuery) {}

  /** Per league, in the order asked: the user's rank and points (null before the auction completes) and the next fixture. */
  @Post('standings')
  @HttpCode(200)
  summaries(@Body(new ZodPipe(standingsSummaryRequest)) body: z.infer<typeof standingsSummaryRequest>): Promise<StandingsSummary[]> {
    return this.summariesQuery.execute(body);
  }
}
