import { Inject, Injectable } from '@nestjs/common';
import type { StandingsSummary, StandingsSummaryRequest } from '@auction/contracts';
import { CLOCK, type Clock } from '@auction/platform';
import { FixturesRepository } from '../../fixtures/fixtures.repository.js';
import { RostersRepository } from '../../rosters/rosters.repository.js';
import { StandingsRepository } from '../../standings/standings.repository.js';

/** Rank, points and next fixture of one user in each league; rank and points only once the auction completed. */
@Injectable()
export class StandingsSummariesQuery {
  constructor(
    private readonly standings: StandingsRepository,
    private readonly rosters: RostersRepository,
    private readonly fixtures: FixturesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ userId, leagueIds }: StandingsSummaryRequest): Promise<StandingsSummary[]> {
    const [ranked, withRosters, next] = await Promise.all([
      this.standings.forUser(userId, leagueIds),
      this.rosters.leaguesWithRosters([...leagueIds]),
      this.fixtures.nextFixtures(leagueIds, this.clock.now()),
    ]);
    const standingOf = new Map(ranked.map((row) => [row.leagueId, row]));
    const nextOf = new Map(next.map(({ leagueId, ...fixture }) => [leagueId, fixture]));
    return leagueIds.map((leagueId) => {
      const standing = withRosters.has(leagueId) ? standingOf.get(leagueId) : undefined;
      return { leagueId, rank: standing?.rank ?? null, points: standing?.points ?? null, nextFixture: nextOf.get(leagueId) ?? null };
    });
  }
}
