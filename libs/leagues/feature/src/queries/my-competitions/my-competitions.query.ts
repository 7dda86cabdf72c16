import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { MyCompetition, StandingsSummary, StandingsSummaryRequest } from '@auction/contracts';
import { withTimeout } from '@auction/db';
import type { Logger } from '@auction/observability';
import { LOGGER } from '@auction/platform';
import { ServiceClient } from '@auction/service-client';
import { LeaguesRepository } from '../../leagues/leagues.repository.js';

/** Scoring gets this long; after that the page shows the leagues without rank and points. */
const STANDINGS_TIMEOUT_MS = 1500;

// Scoring's answer, not a request: any string is fine here.
/* eslint-disable no-restricted-syntax */
const nextFixture = z
  .object({ externalMatchId: z.string(), startsAt: z.string(), homeTeam: z.string(), awayTeam: z.string() })
  .nullable()
  .catch(null);
const standingsAnswer = z.array(
  z.object({
    leagueId: z.string(),
    rank: z.number().nullable().catch(null),
    points: z.number().nullable().catch(null),
    nextFixture: nextFixture.optional().transform((fixture) => fixture ?? null),
  }),
);
/* eslint-enable no-restricted-syntax */

export interface MyCompetitionsInput {
  userId: string;
}

/** `GET /api/me/competitions`: the caller's leagues, with rank, points and next fixture from scoring when it answers. */
@Injectable()
export class MyCompetitionsQuery {
  constructor(
    private readonly leagues: LeaguesRepository,
    private readonly services: ServiceClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ userId }: MyCompetitionsInput): Promise<MyCompetition[]> {
    const rows = await this.leagues.competitionsOf(userId);
    const standings = await this.standings(
      userId,
      rows.map((row) => row.league.id),
    );
    return rows.map(({ league, role, managers }) => {
      const standing = standings.get(league.id);
      return {
        leagueId: league.id,
        name: league.name,
        sport: league.sport,
        status: league.status,
        role,
        auctionId: league.auctionId,
        managers,
        rank: standing?.rank ?? null,
        points: standing?.points ?? null,
        nextFixture: standing?.nextFixture ?? null,
      };
    });
  }

  /** Never fails: scoring down, slow or answering nonsense means no standings. */
  private async standings(userId: string, leagueIds: string[]): Promise<Map<string, StandingsSummary>> {
    if (leagueIds.length === 0) return new Map();
    try {
      const body: StandingsSummaryRequest = { userId, leagueIds };
      const answer = await withTimeout(
        this.services.call<unknown>('scoring', 'POST', '/internal/scoring/standings', body),
        STANDINGS_TIMEOUT_MS,
      );
      return new Map(standingsAnswer.parse(answer).map((standing) => [standing.leagueId, standing]));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'standings unavailable; competitions listed without them');
      return new Map();
    }
  }
}
